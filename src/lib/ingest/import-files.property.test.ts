import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import type { InputSummary } from '$lib/engine/protocol';
import { importFiles } from './import-files';
import { proposeFile, type NamedBlob } from './propose';

// Properties over the importer's public path, the one the app's worker and the command line both take:
// proposeFile (sniff + guess) then importFiles into native DuckDB. Whatever the bytes, the importer either says in
// one sentence why the file cannot be read, or loads it keeping the counting rule (rows_read = rows_loaded +
// rows_rejected, each rejected row named by a row number and a reason). Runs are bounded so the file stays fast.
// A failure prints fast-check's seed and the shrunk counter-example: replay it with `{ seed, path }`.

/** Runs per property; `PROPERTY_RUNS=10` multiplies them for a longer hunt. */
const SCALE = Number(process.env.PROPERTY_RUNS ?? 1);
const RUNS = { bytes: 100 * SCALE, mutations: 200 * SCALE, roundTrip: 80 * SCALE, bulk: 15 * SCALE };
/** About 5 s each on an idle 2-core machine; the margin is for a machine busy with other work. */
const TIMEOUT = 60_000 * SCALE;

let db: Db;
beforeAll(async () => (db = await openNodeDb()));
afterAll(() => db.close());

type Outcome = { unreadable: string } | { input: InputSummary };

/**
 * The whole import of one file; anything thrown fails the property. CSV goes through the TS reader, the reference,
 * unless `csvBulk` is 'auto' (DuckDB's reader when it agrees, ~10 times slower per small file): one property below
 * compares the two.
 */
async function importOne(bytes: Uint8Array, name: string, csvBulk: 'off' | 'auto' = 'off'): Promise<Outcome> {
	const file: NamedBlob = new File([bytes as Uint8Array<ArrayBuffer>], name);
	const proposal = await proposeFile(file, 'UTC');
	if (proposal.error !== undefined) return { unreadable: proposal.error };
	// Missing mapped fields would stop the app before loading; the importer must still keep its rule without them.
	return { input: await importFiles(db, [file], [proposal.plan], { csvBulk }) };
}

/** A reason a person can read: one line, not empty, not a stack trace or an object dump. */
function expectReadable(reason: string): void {
	expect(typeof reason).toBe('string');
	expect(reason.trim()).not.toBe('');
	expect(reason).not.toMatch(/[\r\n\u2028\u2029]/);
	expect(reason).not.toMatch(/\bat \S+:\d+|\[object Object\]/);
	expect(reason.length).toBeLessThanOrEqual(400);
}

/** The counting rule, per file and in total, and every rejected row named once by a row number within the file. */
function expectEveryRowCounted(input: InputSummary): void {
	expect(input.rows_read).toBe(input.rows_loaded + input.rows_rejected);
	for (const f of input.files) expect(f.rows_read).toBe(f.rows_loaded + f.rows_rejected);
	expect(input.rejected).toHaveLength(input.rows_rejected);
	const rowsRead = new Map(input.files.map((f) => [f.name, f.rows_read]));
	for (const r of input.rejected) {
		expect(Number.isInteger(r.row)).toBe(true);
		expect(r.row).toBeGreaterThanOrEqual(1);
		expect(r.row).toBeLessThanOrEqual(rowsRead.get(r.file) ?? 0);
		expectReadable(r.reason);
	}
	expect(new Set(input.rejected.map((r) => `${r.file}\u0000${r.row}`)).size).toBe(input.rejected.length);
}

function expectSound(outcome: Outcome): void {
	if ('unreadable' in outcome) expectReadable(outcome.unreadable);
	else expectEveryRowCounted(outcome.input);
}

const BOMS = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]].map((b) => Uint8Array.from(b));
const concat = (...parts: Uint8Array[]): Uint8Array => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const p of parts) out.set(p, (offset += p.length) - p.length);
	return out;
};
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('any bytes: a sentence or a counted import, never an exception', () => {
	const name = fc.constantFrom('chat.csv', 'chat.json', 'chat.tsv', 'chat');

	it('random bytes, with or without a UTF-8 / UTF-16 byte order mark', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...BOMS), fc.uint8Array({ maxLength: 3000 }), name, async (bom, body, n) =>
				expectSound(await importOne(concat(bom, body), n))
			),
			{ numRuns: RUNS.bytes }
		);
	}, TIMEOUT);

	// Random bytes rarely look like text; these do, so they reach the CSV, JSON and NDJSON readers.
	const piece = fc.constantFrom('"', '""', ',', ';', '\t', '|', '\n', '\r\n', '\r', '{', '}', '[', ']', ':', '\\', ' ',
		'"text":', '"messages":', '2024-05-10 09:00:00', 'customer', 'agent', '\ufeff', '\u200b', 'я', '\u0000');
	const textLike = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 300 }).map((p) => p.join(''));

	it('random text made of delimiters, quotes, brackets and words', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom('', '[', '{', 'a,b,c\n', 'sent_at;role;text\n'), textLike, name, async (start, body, n) =>
				expectSound(await importOne(utf8(start + body), n))
			),
			{ numRuns: RUNS.bytes }
		);
	}, TIMEOUT);
});

describe('any JSON document: a sentence or a counted import, never an exception', () => {
	// Objects with the keys the JSON readers look for (messages, Telegram chats, times, roles), holding any JSON.
	const key = fc.constantFrom('text', 'date', 'sent_at', 'created_at', 'role', 'from', 'from_id', 'type', 'id', 'messages',
		'chats', 'list', 'conversation_parts', 'body', 'author', '__proto__', 'constructor', '_error', '_where');
	const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 20 }), fc.constantFrom('2024-05-10 09:00:00', 1715332500, 'customer', 'agent'));
	const message = fc.dictionary(key, value, { maxKeys: 8 });
	const messages = fc.array(fc.oneof({ weight: 5, arbitrary: message }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 12 });
	const document = fc.oneof(
		messages,
		messages.map((m) => ({ messages: m })),
		fc.array(messages.map((m) => ({ id: 'c', conversation_parts: m })), { maxLength: 3 }),
		messages.map((m) => ({ chats: { list: [{ type: 'personal_chat', id: 1, messages: m }] } })),
		fc.jsonValue({ maxDepth: 4 })
	);

	it('random documents shaped like chat exports', async () => {
		await fc.assert(
			fc.asyncProperty(document, fc.boolean(), async (doc, ndjson) => {
				const text = ndjson && Array.isArray(doc) ? doc.map((d) => JSON.stringify(d)).join('\n') : JSON.stringify(doc);
				expectSound(await importOne(utf8(text), ndjson ? 'chat.ndjson' : 'chat.json'));
			}),
			{ numRuns: RUNS.bytes }
		);
	}, TIMEOUT);
});

// ---- Mutations of valid exports ----

const FIXTURES = ['ru-windows1251-semicolon.csv', 'split-date-time.csv', 'twcs-sample.csv', 'en-utf16le.tsv',
	'messages-array.json', 'messages.ndjson', 'nested-conversations.json', 'telegram-result.json', 'bad/crlf-bom.csv'];

type Mutation =
	| { kind: 'delete' | 'duplicate'; at: number; length: number }
	| { kind: 'insert'; at: number; bytes: Uint8Array }
	| { kind: 'truncate'; at: number }
	| { kind: 'lines'; op: 'delete' | 'duplicate' | 'swap'; i: number; j: number };

const TOKENS = ['"', '""', ',', ';', '\t', '\n', '\r\n', '\r', '{', '}', '[', ']', ':', '\\', '\ufeff', '\u0000', '"\n'];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.constantFrom(...TOKENS).map(utf8)) }),
	fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('lines' as const), op: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), i: fc.nat(), j: fc.nat() })
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
	const at = m.kind === 'lines' ? 0 : m.at % (bytes.length + 1);
	switch (m.kind) {
		case 'delete':
			return concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
		case 'duplicate':
			return concat(bytes.subarray(0, at + m.length), bytes.subarray(at));
		case 'insert':
			return concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
		case 'truncate':
			return bytes.subarray(0, at);
		case 'lines':
			return mutateLines(bytes, m);
	}
}

/** Line-level edits on the bytes split after each LF (in UTF-16 files the split lands inside a character: fine). */
function mutateLines(bytes: Uint8Array, m: Extract<Mutation, { kind: 'lines' }>): Uint8Array {
	const lines: Uint8Array[] = [];
	let start = 0;
	for (let k = 0; k <= bytes.length; k++) {
		if (k === bytes.length || bytes[k] === 0x0a) {
			lines.push(bytes.subarray(start, Math.min(k + 1, bytes.length)));
			start = k + 1;
		}
	}
	const i = m.i % lines.length;
	const j = m.j % lines.length;
	if (m.op === 'delete') lines.splice(i, 1);
	else if (m.op === 'duplicate') lines.splice(j, 0, lines[i]);
	else [lines[i], lines[j]] = [lines[j], lines[i]];
	return concat(...lines);
}

describe('mutated valid exports keep the counting rule', () => {
	const fixtures = FIXTURES.map((path) => ({ name: path.replace(/^.*\//, ''), bytes: new Uint8Array(readFileSync(`tests/fixtures/${path}`)) }));

	it.each(fixtures)('each fixture loads as it is: $name', async ({ name, bytes }) => {
		const outcome = await importOne(bytes, name);
		expect(outcome).toHaveProperty('input');
		expectSound(outcome);
	});

	it('random deletions, insertions, duplications, line edits and truncation', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (fixture, mutations) =>
				expectSound(await importOne(mutations.reduce(mutate, fixture.bytes), fixture.name))
			),
			{ numRuns: RUNS.mutations }
		);
	}, TIMEOUT);
});

// ---- Round trip of generated exports ----

/** Text a chat message may hold: any well-formed Unicode but the C0 controls files never carry, plus the tricky ones. */
const messageText = fc
	.string({
		unit: fc.oneof(
			{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
			{ weight: 2, arbitrary: fc.constantFrom('"', ',', ';', '\t', '\n', '\r\n', ' ', '\u200b', '\u200c', '\u200d', '\ufeff', '\u202e', '=', '\'', 'ё', '😀', '\u00a0') }
		),
		maxLength: 80
	})
	.filter((s) => s.isWellFormed() && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s));

const record = fc.record({
	at: fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2035, 11, 31) / 1000 }).map((s) => s * 1000),
	role: fc.constantFrom('customer', 'agent'),
	text: messageText
});

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** One field as a careful exporter writes it: quoted when it holds the delimiter, a quote, a line break or edge spaces. */
function field(value: string, delimiter: string, quoteAll: boolean): string {
	const needs = quoteAll || value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim();
	return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

type GeneratedRecord = { at: number; role: string; text: string };

/** The records as a CSV export: a header, one row a record, conversation and message ids numbered. */
function exportCsv(records: GeneratedRecord[], delimiter: string, quoteAll: boolean, newline: string): Uint8Array {
	const header = ['conversation_id', 'message_id', 'sent_at', 'role', 'text'].join(delimiter);
	const lines = records.map((r, i) => [`c${i + 1}`, `m${i + 1}`, iso(r.at), r.role, field(r.text, delimiter, quoteAll)].join(delimiter));
	return utf8([header, ...lines].join(newline) + newline);
}

describe('a valid export of random messages loads whole, each text unchanged', () => {
	it('random Unicode text with quotes, line breaks, delimiters and zero-width characters; random times', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(record, { minLength: 1, maxLength: 25 }),
				fc.constantFrom(',', ';', '\t'),
				fc.boolean(),
				fc.constantFrom('\n', '\r\n'),
				async (records, delimiter, quoteAll, newline) => {
					const outcome = await importOne(exportCsv(records, delimiter, quoteAll, newline), 'chat.csv');
					expect(outcome).toHaveProperty('input');
					const { input } = outcome as { input: InputSummary };
					expect(input.rejected).toEqual([]);
					expect(input).toMatchObject({ rows_read: records.length, rows_loaded: records.length });
					// Read as hex: both engines' readers decode with a default TextDecoder, which drops a leading U+FEFF.
					const rows = await db.query<{ sent_at: number; role: string; hex: string }>('SELECT sent_at, role, hex(text) AS hex FROM messages ORDER BY seq');
					const loaded = rows.map(({ sent_at, role, hex }) => ({ sent_at, role, text: Buffer.from(hex, 'hex').toString('utf8') }));
					expect(loaded).toEqual(records.map(({ at, role, text }) => ({ sent_at: at, role, text })));
				}
			),
			{ numRuns: RUNS.roundTrip }
		);
	}, TIMEOUT);
});

// ---- The DuckDB bulk CSV path against the TS reference ----

/** What an import left: its summary without the clock, and the rows as stored. */
async function importedState(bytes: Uint8Array, name: string, csvBulk: 'off' | 'auto') {
	const outcome = await importOne(bytes, name, csvBulk);
	if ('unreadable' in outcome) return outcome;
	const { imported_at: _, ...input } = outcome.input;
	const rows = await db.query('SELECT conversation_id, message_id, sent_at, role, author, department, customer, hex(text) AS text, source, seq FROM messages ORDER BY seq');
	return { input, rows };
}

describe('the bulk CSV path loads what the TS path loads', () => {
	const csvFixtures = ['ru-windows1251-semicolon.csv', 'split-date-time.csv', 'bad/crlf-bom.csv', 'bad/bad-dates.csv', 'bad/field-count.csv']
		.map((path) => ({ name: path.replace(/^.*\//, ''), bytes: new Uint8Array(readFileSync(`tests/fixtures/${path}`)) }));

	const mutated = fc
		.tuple(fc.constantFrom(...csvFixtures), fc.array(mutation, { maxLength: 3 }))
		.map(([fixture, mutations]) => ({ name: fixture.name, bytes: mutations.reduce(mutate, fixture.bytes) }));
	const generated = fc
		.tuple(fc.array(record, { minLength: 1, maxLength: 25 }), fc.constantFrom(',', ';', '\t'), fc.boolean(), fc.constantFrom('\n', '\r\n'))
		.map(([records, delimiter, quoteAll, newline]) => ({ name: 'chat.csv', bytes: exportCsv(records, delimiter, quoteAll, newline) }));

	it('mutated and generated CSV exports: the same summary, rejected rows and stored rows either way', async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(mutated, generated), async ({ name, bytes }) => {
				const bulk = await importedState(bytes, name, 'auto');
				if (!('unreadable' in bulk)) expectEveryRowCounted({ ...bulk.input, imported_at: 0 });
				expect(bulk).toEqual(await importedState(bytes, name, 'off'));
			}),
			{ numRuns: RUNS.bulk }
		);
	}, TIMEOUT * 2);
});
