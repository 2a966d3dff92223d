import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import type { InputSummary } from '$lib/engine/protocol';
import { importFiles, MESSAGES_TABLE } from './import-files';
import { proposeFile, type NamedBlob } from './propose';

// Issue 7, bad-input corpus: a file of several hundred MB, made here and deleted afterwards. It goes through what
// the command line runs for `analyze` up to the report (src/cli/analyze.ts: open the file with its `path`,
// proposeFile, importFiles into native DuckDB). Every row must be loaded or listed as rejected with its row and
// reason, nothing cut, and memory must not grow out of bounds: the importer streams. Times and memory are printed,
// not asserted, except a generous bound on RSS.

/** Bytes of data written before the last row; about 300 MB, "several hundred MB". */
const TARGET_BYTES = 300 * 1024 * 1024;
/** Every LONG_EVERY-th row carries a message of tens of KB, so the size is reached with fewer rows. */
const LONG_EVERY = 40;
/** Every BAD_EVERY-th row (offset by BAD_OFFSET) is a bad one, the kinds in turn; the last row is bad too. */
const BAD_EVERY = 9_973;
const BAD_OFFSET = 3;
/**
 * A generous bound on the process's resident memory (JS heap + native DuckDB), bytes. Seen: peaks of 1.3-1.6 GB on
 * the bulk path and 1.6-2.3 GB on the TS path (DuckDB's in-memory tables are 2.4-3× the file; the JS heap's garbage
 * varies with how soon the collector runs). Holding the file's rows in JS several times over would exceed it.
 */
const RSS_BOUND = 3.5 * 1024 ** 3;
const FILE_NAME = 'large-support-chats.csv';
const TIME_ZONE = 'Europe/Moscow';
const HEADER = 'Номер обращения;ID сообщения;Дата и время;Роль;Отправитель;Отдел;ПВЗ;Сообщение';

/** One conversation of the demo data, in order: role, author, text. */
const CONVERSATION: [string, string, string][] = [
	['Клиент', 'Тарасова Анна', 'Здравствуйте! По новому брендбуку нужно заменить вывеску. Где взять макет и можно ли заказать у своего подрядчика???'],
	['Клиент', 'Тарасова Анна', '[Вложение: IMG_6981.jpg]'],
	['Бот', 'Бот-помощник', 'Возможно, вам поможет статья «Брендбук ПВЗ» в Базе знаний. Если вопрос не решён, напишите «оператор».'],
	['Клиент', 'Тарасова Анна', 'оператор'],
	['Бот', 'Бот-помощник', 'Все специалисты сейчас заняты. Ваше обращение в очереди, ответим в ближайшее время.'],
	['Сотрудник', 'Сергей Б.', 'По фискальному регистратору: с утра вышло обновление; если не заработает — сфотографируйте экран кассы.\nНа связи.'],
	['Клиент', 'Тарасова Анна', 'Клиент вскрыл заказ 86639848-0688-2 на пункте, а там "кирпич". Что делать?\n[Вложение: video_8941.mp4]'],
	['Сотрудник', 'Ольга П.', 'Благодарим за обратную связь, Анна! Хорошего дня 🌸'],
	['Система', 'Система', 'Обращение закрыто автоматически: нет ответа более 72 часов']
];
const DEPARTMENTS = ['Техподдержка', 'Выплаты', 'Претензии', 'Логистика'];
const WORDS = (
	'заказ клиент пункт выдачи штраф оплата терминал касса ПВЗ возврат посылка курьер сотрудник ' +
	'проверка претензия документ акт фото видео срок ответ подтверждение; «брендбук» "кирпич" 🌸 №42 ошибка'
).split(' ');

type BadKind = 'impossible date' | 'month 13' | 'words for a date' | 'empty date' | 'too few fields' | 'duplicate id';

/** A file to import, and the reader the import must take for it. */
interface Variant {
	name: string;
	/** The kinds of bad rows, written in turn. */
	kinds: BadKind[];
	path: 'bulk' | 'ts';
}

/** What the generator wrote, for the assertions. */
interface Written {
	path: string;
	bytes: number;
	dataRows: number;
	/** Row number -> the reason the importer must give. */
	bad: Map<number, string>;
	/** The longest message, its id and its UTF-8 bytes. */
	longest: { messageId: string; bytes: number; sha256: string };
	seconds: number;
}

// Both readers meet the file: DuckDB reads strictly, so one row with too few fields sends the whole file to the
// TS reader (csv-bulk-sql.ts readRawSql); without one, DuckDB's reader (the bulk path) loads it.
const VARIANTS: Variant[] = [
	{
		name: 'bad dates and a repeated id (the bulk path, DuckDB reads the CSV)',
		kinds: ['impossible date', 'month 13', 'words for a date', 'empty date', 'duplicate id'],
		path: 'bulk'
	},
	{
		name: 'bad dates, a repeated id and short rows (the TS reader)',
		kinds: ['impossible date', 'month 13', 'words for a date', 'empty date', 'too few fields', 'duplicate id'],
		path: 'ts'
	}
];

describe('a CSV file of about 300 MB: every row loaded or listed with its row and reason, nothing cut, memory bounded', () => {
	let dir: string;
	beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'replyscope-large-'))));
	afterAll(() => rm(dir, { recursive: true, force: true }));

	it.each(VARIANTS.map((v) => [v.name, v] as const))('%s', async (_, variant) => {
		const written = await writeLargeCsv(join(dir, FILE_NAME), variant.kinds);
		console.log(`wrote ${mb(written.bytes)} MB: ${written.dataRows} data rows, ${written.bad.size} bad, in ${written.seconds.toFixed(1)} s`);
		const db = await openNodeDb();
		try {
			await expectImportedWhole(db, written, variant);
		} finally {
			await db.close();
			await rm(written.path, { force: true });
		}
	}, 180_000);
});

async function expectImportedWhole(db: Db, written: Written, variant: Variant): Promise<void> {
	const paths: string[] = [];
	const rss = sampleMemory();
	const started = performance.now();
	const input = await importLikeTheCli(db, written.path, (_, path, why) => paths.push(path + (why ? ` (${why})` : '')));
	const seconds = (performance.now() - started) / 1000;
	const peak = rss.stop();
	console.log(
		`imported ${mb(written.bytes)} MB in ${seconds.toFixed(1)} s via ${paths.join(', ')}: ${input.rows_loaded} loaded, ` +
			`${input.rows_rejected} rejected; RSS ${mb(peak.startRss)} MB before, peak ${mb(peak.rss)} MB; peak JS heap ${mb(peak.heap)} MB`
	);
	expect(paths).toHaveLength(1);
	expect(paths[0].startsWith(variant.path)).toBe(true);
	expect(input.rows_read).toBe(written.dataRows);
	expect(input.rows_loaded).toBe(written.dataRows - written.bad.size);
	expect(input.rows_read).toBe(input.rows_loaded + input.rows_rejected);
	const expected = [...written.bad].sort(([a], [b]) => a - b).map(([row, reason]) => ({ file: FILE_NAME, row, reason }));
	expect(input.rejected).toEqual(expected);
	const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${MESSAGES_TABLE}`);
	expect(n).toBe(input.rows_loaded);
	await expectLongestIntact(db, written.longest);
	expect(peak.rss).toBeLessThan(RSS_BOUND);
}

/** What `replyscope analyze FILE` does before the report (src/cli/analyze.ts): the same open, proposal and import. */
async function importLikeTheCli(
	db: Db, path: string, onReadPath: (file: string, path: 'bulk' | 'ts', why?: string) => void
): Promise<InputSummary> {
	const file: NamedBlob = Object.assign(new File([await openAsBlob(path)], FILE_NAME), { path });
	const proposal = await proposeFile(file, TIME_ZONE);
	expect(proposal.error).toBeUndefined();
	expect(proposal.missing).toEqual([]);
	expect(proposal.unknownRoles).toEqual([]);
	return importFiles(db, [file], [proposal.plan], { onReadPath });
}

/** The longest stored message is the one written, byte for byte. */
async function expectLongestIntact(db: Db, longest: Written['longest']): Promise<void> {
	const [stored] = await db.query<{ message_id: string; text: string }>(
		`SELECT message_id, text FROM ${MESSAGES_TABLE} ORDER BY strlen(text) DESC LIMIT 1`
	);
	expect(stored.message_id).toBe(longest.messageId);
	expect(Buffer.byteLength(stored.text)).toBe(longest.bytes);
	expect(sha256(stored.text)).toBe(longest.sha256);
}

/**
 * Peak RSS and JS heap, sampled every 20 ms until `stop`: DuckDB works off the event loop and the TS reader yields
 * between chunks, so the samples keep coming. The heap figure includes garbage not yet collected.
 */
function sampleMemory(): { stop: () => { startRss: number; rss: number; heap: number } } {
	const peak = { startRss: process.memoryUsage().rss, rss: 0, heap: 0 };
	const sample = () => {
		const m = process.memoryUsage();
		peak.rss = Math.max(peak.rss, m.rss);
		peak.heap = Math.max(peak.heap, m.heapUsed);
	};
	sample();
	const timer = setInterval(sample, 20);
	timer.unref();
	return {
		stop: () => {
			clearInterval(timer);
			sample();
			return peak;
		}
	};
}

/**
 * Writes the file through a stream, about 2 MB at a time: the demo's columns and CRLF line ends, a BOM, quoted
 * messages with `;`, `""` and line breaks, a long message every LONG_EVERY rows and, half way, the longest one.
 */
async function writeLargeCsv(path: string, kinds: BadKind[]): Promise<Written> {
	const started = performance.now();
	const out = createWriteStream(path);
	const bodies = Array.from({ length: 16 }, (_, i) => longText(i + 1, 8_000 + i * 1_500));
	const longest = `Выписка из журнала кассы, полностью:\n${longText(99, 45_000)}`;
	const bad = new Map<number, string>();
	let longestRow = 0;
	let bytes = 0;
	let buffer = '';
	let row = 0;
	const flush = async () => {
		bytes += Buffer.byteLength(buffer);
		if (!out.write(buffer)) await once(out, 'drain');
		buffer = '';
	};
	buffer = `\uFEFF${HEADER}\r\n`;
	while (bytes + buffer.length < TARGET_BYTES) {
		row++;
		const kind = row % BAD_EVERY === BAD_OFFSET ? kinds[Math.floor(row / BAD_EVERY) % kinds.length] : null;
		let text: string | undefined;
		if (!kind && longestRow === 0 && bytes > TARGET_BYTES / 2) {
			longestRow = row;
			text = longest;
		} else if (row % LONG_EVERY === 0) text = `Обращение ${row}: ${bodies[(row / LONG_EVERY) % bodies.length]}`;
		const line = kind ? badRow(row, kind) : { line: csvRow(row, rowTime(row), text) };
		if (line.reason) bad.set(row, line.reason);
		buffer += line.line;
		if (buffer.length >= 1 << 20) await flush();
	}
	row++;
	const last = badRow(row, 'impossible date');
	bad.set(row, last.reason!);
	buffer += last.line;
	await flush();
	out.end();
	await once(out, 'finish');
	return {
		path, bytes: (await stat(path)).size, dataRows: row, bad,
		longest: { messageId: messageId(longestRow), bytes: Buffer.byteLength(longest), sha256: sha256(longest) },
		seconds: (performance.now() - started) / 1000
	};
}

/** A bad row of this kind and the reason the importer gives for it. */
function badRow(row: number, kind: BadKind): { line: string; reason?: string } {
	const dates: Partial<Record<BadKind, string>> = {
		'impossible date': '31.02.2024 10:15:00', 'month 13': '15.13.2024 09:00:00', 'words for a date': 'вчера вечером', 'empty date': ''
	};
	const date = dates[kind];
	if (date !== undefined) {
		const reason = date === '' ? 'timestamp is empty' : `timestamp '${date}' is not a date`;
		return { line: csvRow(row, date), reason };
	}
	if (kind === 'too few fields') {
		return { line: `${conversationId(row)};${messageId(row)};${rowTime(row)};Клиент;Тарасова Анна\r\n`, reason: 'row has 5 fields, the header has 8' };
	}
	// The id of the row before (always a good one), at a later time: a second copy by id.
	return { line: csvRow(row, rowTime(row), undefined, messageId(row - 1)), reason: `duplicate of ${FILE_NAME} row ${row - 1}` };
}

function csvRow(row: number, time: string, text?: string, id = messageId(row)): string {
	const [role, author, usual] = CONVERSATION[row % CONVERSATION.length];
	const department = DEPARTMENTS[Math.floor(row / CONVERSATION.length) % DEPARTMENTS.length];
	const fields = [conversationId(row), id, time, role, author, department, `ПВЗ-77-${String(row % 9000).padStart(4, '0')}`];
	return `${fields.join(';')};${csvField(text ?? usual)}\r\n`;
}

const conversationId = (row: number) => String(30_000_000 + Math.floor(row / CONVERSATION.length));
const messageId = (row: number) => String(500_000_000 + row);

/** `dd.mm.yyyy hh:mm:ss`, 37 seconds per row from 1 March 2024: every row of a conversation at its own time. */
function rowTime(row: number): string {
	const d = new Date(Date.UTC(2024, 2, 1) + row * 37_000);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

function csvField(value: string): string {
	return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** About `chars` characters of Russian words in lines, with quotes, `;` and an emoji, the same for the same seed. */
function longText(seed: number, chars: number): string {
	let state = seed;
	const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648);
	const parts: string[] = [];
	let length = 0;
	while (length < chars) {
		const word = next() % 17 === 0 ? '\n' : WORDS[next() % WORDS.length];
		parts.push(word);
		length += word.length + 1;
	}
	return parts.join(' ');
}

function sha256(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

function mb(bytes: number): string {
	return (bytes / 1e6).toFixed(0);
}
