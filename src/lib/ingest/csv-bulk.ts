/**
 * The bulk path for CSV files (issue 6, the import budget): DuckDB's own CSV reader parses the file and SQL
 * (csv-bulk-sql.ts) applies the rules of makeNormalizer, instead of papaparse + a JS loop + an Arrow append.
 *
 * The TS path stays the reference. The bulk path is taken only when it gives the same rows, row numbers and
 * reasons, and it checks itself: DuckDB reads strictly (any line it cannot split as papaparse would is an error),
 * the header must match papaparse's, the reasons are worded by makeNormalizer itself, role values are mapped by
 * makeNormalizer itself, and the first CSV_BATCH records are read by the TS path too: their count must fit, and the
 * first and last HEAD_COMPARED of them must be stored or rejected exactly as the TS path does. Anything else returns
 * `{ used: false, why }` after undoing what it appended, and the caller reads the file the TS way.
 */
import type { Db } from '$lib/db/types';
import type { Message, Role } from '$lib/model';
import { CSV_BATCH, readCsvRecords } from './csv';
import { headerNames } from './csv-rows';
import { prepareCsv } from './csv-bulk-scan';
import {
	BLANKS, blankSql, bulkColumns, bulkFormat, col, insertSql, RAW, rangeSql, readRawSql, rejectedSql, ROLES, rowsCte
} from './csv-bulk-sql';
import { offsetCaseSql, offsetsOf, wallBoundaries, zonePeriods } from './csv-bulk-zone';
import { makeNormalizer, type RecordNormalizer } from './normalize';
import type { NamedBlob } from './propose';
import { ERROR_FIELD } from './record-fields';
import type { ImportPlan, RawRecord } from './types';

/** How a file was read, for tests and the debug log. */
export type BulkOutcome =
	| { used: true; rows_read: number; rows_loaded: number; rows_rejected: number; rejected: { row: number; reason: string }[] }
	| { used: false; why: string };

/** What readCsvBulk needs from the import. */
export interface BulkContext {
	/** Staging table the accepted rows go into (MESSAGES_COLUMNS). */
	table: string;
	/** seq of the file's row 1. */
	base: number;
	/** Told the fraction of the file read. */
	onFraction?: (fraction: number) => void;
	/** Throws when the import was cancelled. */
	checkAbort?: () => void;
	/** Told each step's name and duration (ms): for measurements and debugging. */
	onStep?: (step: string, ms: number) => void;
}

const DELIMITERS = new Set([',', ';', '\t', '|']);
/** More distinct role values than this and the roles are not worth a table: TS path. */
const MAX_ROLE_VALUES = 10_000;
/** Rows before the header (blank lines) looked at. */
const HEADER_SEARCH_ROWS = 1000;
/**
 * Rows of the head whose stored values are compared with the TS path's. Reading rows back costs (~1 s for 5000 in
 * DuckDB-WASM under Node on a busy machine); the counts and the header are compared for the whole head.
 */
const HEAD_COMPARED = 1000;
const DAY = 86_400_000;
/** The zone table is first built for the head's times plus this much either side. */
const GUESS_MARGIN_MS = 3 * 365 * DAY;
/** Widest time range of a file the zone table is built for (the table is built a day at a time). */
const MAX_RANGE_MS = 200 * 365 * DAY;

let fileCounter = 0;

/** Loads one CSV file through DuckDB's reader, or says why it did not (nothing appended then). */
export async function readCsvBulk(db: Db, file: NamedBlob, plan: ImportPlan, context: BulkContext): Promise<BulkOutcome> {
	const unsupported = whyUnsupported(db, plan);
	if (unsupported) return { used: false, why: unsupported };
	const normalize = makeNormalizer(plan, file.name);
	const step = stepTimer(context);
	const head = await step('head', readHead(file, plan));
	if (typeof head === 'string') return { used: false, why: head };
	const missing = Object.values(plan.mapping).find((name) => name !== undefined && !head.header.includes(name));
	if (missing !== undefined) return { used: false, why: `mapped column '${missing}' is not in the header` };
	const onBytes = (bytes: number) => context.onFraction?.(file.size ? (bytes / file.size) * 0.5 : 0.5);
	const name = `replyscope-bulk-${++fileCounter}.csv`;
	try {
		let read: Promise<string | null>;
		let problem: string | null;
		if (plan.encoding === 'utf-8') {
			// DuckDB reads in its own thread (worker) while the quote scan reads the same file here; once DuckDB has
			// refused the file, the rest of the scan is not needed (the TS path reads it instead).
			const path = await db.registerFile!(name, file);
			let refused = false;
			read = step('read_csv', readRaw(db, path, head.header.length, plan.delimiter!)).then((why) => ((refused = why !== null), why));
			problem = (await step('scan', prepareCsv(file, plan.encoding, plan.delimiter!, onBytes, () => refused))).problem;
		} else {
			const prepared = await step('scan+transcode', prepareCsv(file, plan.encoding, plan.delimiter!, onBytes));
			problem = prepared.problem;
			const path = await db.registerFile!(name, prepared.blob);
			read = problem ? Promise.resolve(null) : step('read_csv', readRaw(db, path, head.header.length, plan.delimiter!));
		}
		const readProblem = await read;
		if (problem || readProblem) return { used: false, why: (problem ?? readProblem)! };
		context.onFraction?.(0.75);
		context.checkAbort?.();
		const outcome = await readRegistered(db, plan, head, normalize, file.name, context, step);
		if (!outcome.used) await db.exec(`DELETE FROM ${context.table} WHERE seq >= ${context.base}`);
		return outcome;
	} finally {
		await db.exec(`DROP TABLE IF EXISTS ${RAW}; DROP TABLE IF EXISTS ${ROLES}; DROP TABLE IF EXISTS ${BLANKS}`);
		await db.unregisterFile!(name);
	}
}

/** Reads the registered file into RAW; the reason it could not, or null. */
async function readRaw(db: Db, path: string, width: number, delimiter: string): Promise<string | null> {
	try {
		await db.exec(readRawSql(path, width, delimiter));
		return null;
	} catch (error) {
		return `DuckDB: ${(error as Error).message.split('\n')[0]}`;
	}
}

type StepTimer = <T>(name: string, work: Promise<T>) => Promise<T>;

/** Awaits `work` and tells context.onStep how long it took. */
function stepTimer(context: BulkContext): StepTimer {
	return async (name, work) => {
		const started = performance.now();
		const result = await work;
		context.onStep?.(name, performance.now() - started);
		return result;
	};
}

function whyUnsupported(db: Db, plan: ImportPlan): string | null {
	if (!db.registerFile || !db.unregisterFile) return 'this database cannot read files';
	if (plan.format !== 'csv') return `format ${plan.format}`;
	if (!plan.delimiter || !DELIMITERS.has(plan.delimiter)) return `delimiter ${JSON.stringify(plan.delimiter)}`;
	if (!bulkFormat(plan.timestampFormat)) return `timestamp format ${plan.timestampFormat}`;
	return null;
}

/** The first records as the TS path reads them: the reference the bulk result is checked against. */
interface Head {
	header: string[];
	records: RawRecord[];
	/** The records are the whole file. */
	complete: boolean;
}

async function readHead(file: NamedBlob, plan: ImportPlan): Promise<Head | string> {
	const head = await file.slice(0, 64 * 1024).text();
	if (!head.includes('\n')) return 'no line feed in the first 64 KiB';
	const reader = readCsvRecords(file, plan.encoding, plan.delimiter!)[Symbol.asyncIterator]();
	const first = await reader.next();
	await reader.return?.(undefined);
	const records = first.done ? [] : first.value;
	// A first batch short of CSV_BATCH is the reader's last one.
	const complete = records.length < CSV_BATCH;
	if (records.length === 0) return 'no records';
	const flagged = records.find((r) => r.fields[ERROR_FIELD] !== undefined);
	if (flagged) return `row ${flagged.row}: ${flagged.fields[ERROR_FIELD]}`;
	return { header: Object.keys(records[0].fields), records, complete };
}

async function readRegistered(
	db: Db, plan: ImportPlan, head: Head, normalize: RecordNormalizer, fileName: string, context: BulkContext, step: StepTimer
): Promise<BulkOutcome> {
	const width = head.header.length;
	const fields = Array.from({ length: width }, (_, i) => col(i)).join(', ');
	const [headerRow] = await step('header', db.query<Record<string, string | null>>(
		`SELECT * FROM (SELECT rowid AS rid, ${fields} FROM ${RAW} LIMIT ${HEADER_SEARCH_ROWS})
		WHERE NOT (${blankSql(width)}) ORDER BY rid LIMIT 1`
	));
	if (!headerRow) return { used: false, why: 'no header row' };
	const headerRid = Number(headerRow.rid);
	const names = headerNames(Array.from({ length: width }, (_, i) => headerRow[col(i)] ?? ''));
	if (names.join('\u0000') !== head.header.join('\u0000')) return { used: false, why: 'header differs from papaparse' };
	// in WHERE, each field's test runs only on the rows the ones before it left (in a FILTER clause, on every row)
	const [{ n: blankCount, total }] = await step('blanks', db.query<{ n: number; total: number }>(
		`SELECT (SELECT count(*) FROM ${RAW} WHERE rowid > ${headerRid} AND ${blankSql(width)}) AS n, count(*) AS total FROM ${RAW}`
	));
	if (blankCount > 0) {
		await db.exec(`CREATE OR REPLACE TEMP TABLE ${BLANKS} AS SELECT rowid AS rid FROM ${RAW} WHERE rowid > ${headerRid} AND ${blankSql(width)}`);
	}
	const rowsRead = total - headerRid - 1 - blankCount;
	const columns = bulkColumns(plan, head.header);
	const roles = await step('roles', mapRoles(db, columns.role, headerRid, head, normalize));
	if (typeof roles === 'string') return { used: false, why: roles };
	context.checkAbort?.();
	const cte = rowsCte(columns, plan.timestampFormat, width, headerRid, blankCount > 0);
	const loaded = await step('insert', insertRows(db, cte, columns, plan.timeZone, head, normalize, fileName, context));
	if (typeof loaded === 'string') return { used: false, why: loaded };
	const rejected = loaded < rowsRead ? await step('rejected', rejectedRows(db, cte, width, head.header, normalize, context.base)) : [];
	if (typeof rejected === 'string') return { used: false, why: rejected };
	if (loaded + rejected.length !== rowsRead) return { used: false, why: `${loaded} loaded + ${rejected.length} rejected of ${rowsRead}` };
	const problem = await step('compare', compareHead(db, head, rowsRead, rejected, normalize, context));
	if (problem) return { used: false, why: problem };
	context.onFraction?.(1);
	return { used: true, rows_read: rowsRead, rows_loaded: loaded, rows_rejected: rejected.length, rejected };
}

/**
 * Appends the accepted rows; returns how many, or why it could not. The zone's offsets are first taken for a few
 * years around the head's times (no extra pass over the data); a time outside them makes the insert fail (NOT NULL),
 * and it is retried with the range of all the data.
 */
async function insertRows(
	db: Db, cte: string, columns: ReturnType<typeof bulkColumns>, timeZone: string, head: Head,
	normalize: RecordNormalizer, fileName: string, context: BulkContext
): Promise<number | string> {
	const times = head.records.map((r) => normalize(r, 0)).filter((m): m is Message => typeof m !== 'string').map((m) => m.sent_at);
	let range: [number, number] | null =
		times.length > 0 ? [Math.min(...times) - GUESS_MARGIN_MS, Math.max(...times) + GUESS_MARGIN_MS] : null;
	for (let attempt = 0; attempt < 2; attempt++) {
		if (!range) range = await dataRange(db, cte);
		if (!range) return 0;
		const zone = zoneSql(timeZone, range[0], range[1]);
		if (typeof zone === 'string') return zone;
		try {
			const [result] = await db.query<{ Count: number }>(insertSql(context.table, cte, columns, context.base, zone.wall, zone.utc), [fileName]);
			return Number(result?.Count ?? 0);
		} catch (error) {
			if (attempt === 1) return `DuckDB: ${(error as Error).message.split('\n')[0]}`;
			range = null;
		}
	}
	return 'unreachable';
}

/** The span of the data's times (wall and fixed), with a day's margin for zone offsets; null when no row has one. */
async function dataRange(db: Db, cte: string): Promise<[number, number] | null> {
	const [r] = await db.query<{ wall_min: number | null; wall_max: number | null; fixed_min: number | null; fixed_max: number | null }>(rangeSql(cte));
	const lows = [r.wall_min, r.fixed_min].filter((v): v is number => v !== null);
	const highs = [r.wall_max, r.fixed_max].filter((v): v is number => v !== null);
	return lows.length === 0 ? null : [Math.min(...lows) - DAY, Math.max(...highs) + DAY];
}

/**
 * ROLES: each distinct value of the role column -> its role, decided by makeNormalizer itself: the value is put
 * into a record of the head that loads, and the role of the message it becomes is read back.
 */
async function mapRoles(
	db: Db, roleColumn: string | null, headerRid: number, head: Head, normalize: RecordNormalizer
): Promise<true | string> {
	await db.exec(`CREATE OR REPLACE TEMP TABLE ${ROLES} (raw VARCHAR, role VARCHAR)`);
	if (roleColumn === null) return true;
	const template = head.records.find((r) => typeof normalize(r, 0) !== 'string');
	if (!template) return 'no row of the head loads';
	const roleName = head.header[Number(roleColumn.slice(1))];
	const values = await db.query<{ raw: string }>(
		`SELECT DISTINCT ${roleColumn} AS raw FROM ${RAW} WHERE rowid > ${headerRid} AND ${roleColumn} IS NOT NULL LIMIT ${MAX_ROLE_VALUES + 1}`
	);
	if (values.length > MAX_ROLE_VALUES) return 'too many distinct role values';
	const pairs: [string, Role][] = [];
	for (const { raw } of values) {
		const outcome = normalize({ row: template.row, fields: { ...template.fields, [roleName]: raw } }, 0);
		if (typeof outcome === 'string') continue;
		if (!['customer', 'agent', 'bot', 'system'].includes(outcome.role)) return `role '${raw}' maps to no role`;
		pairs.push([raw, outcome.role]);
	}
	for (let i = 0; i < pairs.length; i += 200) {
		const chunk = pairs.slice(i, i + 200);
		const values = chunk.map((_, k) => `($${2 * k + 1}, $${2 * k + 2})`).join(', ');
		await db.query(`INSERT INTO ${ROLES} VALUES ${values}`, chunk.flat());
	}
	return true;
}

/**
 * SQL for the zone's offset (ms) of `wall_ms` (reading local times) and of `utc_ms` (sent_local) over [lo, hi):
 * NULL outside it.
 */
function zoneSql(timeZone: string, lo: number, hi: number): { wall: string; utc: string } | string {
	if (hi - lo > MAX_RANGE_MS) return 'time range too wide for the zone table';
	const periods = zonePeriods(timeZone, lo - 2 * DAY, hi + 2 * DAY);
	if (!periods) return 'too many zone transitions';
	const bounds = wallBoundaries(periods, timeZone);
	if (!bounds) return 'zone transitions too close together';
	const offsets = offsetsOf(periods);
	const within = (expr: string, sql: string) => `CASE WHEN ${expr} >= ${lo} AND ${expr} < ${hi} THEN ${sql} END`;
	return {
		wall: within('wall_ms', offsetCaseSql('wall_ms', bounds, offsets)),
		utc: within('utc_ms', offsetCaseSql('utc_ms', periods.transitions.map((t) => t.at), offsets))
	};
}

/** The rejected rows with makeNormalizer's own reason, or why the bulk path cannot go on. */
async function rejectedRows(
	db: Db, cte: string, width: number, header: string[], normalize: RecordNormalizer, base: number
): Promise<{ row: number; reason: string }[] | string> {
	const rows = await db.query<Record<string, string | number | null>>(rejectedSql(cte, width));
	const rejected: { row: number; reason: string }[] = [];
	for (const row of rows) {
		const rn = Number(row.rn);
		const fields: Record<string, string | null> = {};
		header.forEach((name, i) => (fields[name] = (row[col(i)] as string | null) ?? ''));
		const outcome = normalize({ row: rn, fields }, base + rn - 1);
		if (typeof outcome !== 'string') return `row ${rn} loads in the TS path`;
		rejected.push({ row: rn, reason: outcome });
	}
	return rejected;
}

/** The first records, normalised by the TS path, must be what the bulk path stored or rejected. */
async function compareHead(
	db: Db, head: Head, rowsRead: number, rejected: { row: number; reason: string }[], normalize: RecordNormalizer, context: BulkContext
): Promise<string | null> {
	if (rowsRead < head.records.length || (head.complete && rowsRead !== head.records.length)) {
		return `DuckDB read ${rowsRead} records, papaparse ${head.records.length}${head.complete ? '' : '+'}`;
	}
	// The first rows and the last rows of the head: a row numbered differently anywhere before the end shows there.
	const all = head.records;
	const records = all.length <= 2 * HEAD_COMPARED ? all : [...all.slice(0, HEAD_COMPARED), ...all.slice(-HEAD_COMPARED)];
	const ranges = [records.slice(0, HEAD_COMPARED), records.slice(HEAD_COMPARED)].filter((part) => part.length > 0).map(
		(part) => `seq BETWEEN ${context.base + part[0].row - 1} AND ${context.base + part[part.length - 1].row - 1}`
	);
	const stored = new Map(
		(await db.query<Message>(`SELECT * FROM ${context.table} WHERE ${ranges.join(' OR ')}`)).map((m) => [m.seq, m])
	);
	const reasons = new Map(rejected.map((r) => [r.row, r.reason]));
	let loaded = 0;
	for (const record of records) {
		const expected = normalize(record, context.base + record.row - 1);
		if (typeof expected === 'string') {
			if (reasons.get(record.row) !== expected) return `row ${record.row}: rejected differently`;
			continue;
		}
		loaded++;
		const got = stored.get(expected.seq);
		if (!got || !sameMessage(got, expected)) return `row ${record.row}: loads differently`;
	}
	return loaded === stored.size ? null : 'rows stored that the TS path rejects';
}

function sameMessage(a: Message, b: Message): boolean {
	return (
		a.conversation_id === b.conversation_id && a.message_id === b.message_id && a.sent_at === b.sent_at &&
		a.role === b.role && a.author === b.author && a.department === b.department && a.customer === b.customer &&
		a.text === b.text && a.source === b.source && a.seq === b.seq && a.sent_local === b.sent_local
	);
}
