import type { Db } from '$lib/db/types';
import { createMessagesTableSql, MESSAGES_COLUMNS } from '$lib/db/schema';
import type { FileSummary, InputSummary, Progress } from '$lib/engine/protocol';
import type { Message, RejectedRow } from '$lib/model';
import { readCsvBulk } from './csv-bulk';
import { makeNormalizer } from './normalize';
import type { NamedBlob } from './propose';
import { readFileRecords } from './sniff';
import type { FileSniff, ImportPlan } from './types';

/** The table a finished import becomes; the staging table is swapped in only when all went well. */
export const MESSAGES_TABLE = 'messages';
const STAGING_TABLE = 'staging_messages';
// Each append into DuckDB-WASM has a fixed cost; 50k rows per call measured faster than 10k (docs/duckdb-wasm-notes.md).
const APPEND_BATCH = 50_000;

export interface ImportOptions {
	onProgress?: (progress: Progress) => void;
	/** Aborting leaves the previous `messages` table as it was. */
	signal?: AbortSignal;
	/**
	 * 'auto' (default): a CSV file is parsed by DuckDB's own reader (csv-bulk.ts) when that gives exactly what the TS
	 * path gives, else by the TS path; 'off': always the TS path, the reference.
	 */
	csvBulk?: 'auto' | 'off';
	/** Told how each file was read: 'bulk', or 'ts' with the reason the bulk path was not taken (tests, debugging). */
	onReadPath?: (file: string, path: 'bulk' | 'ts', why?: string) => void;
	/** Told the duration (ms) of each step of the bulk CSV path (measurements). */
	onBulkStep?: (file: string, step: string, ms: number) => void;
}

/** Thrown when an import is cancelled; nothing was changed. */
export class ImportCancelled extends Error {
	constructor() {
		super('import cancelled');
		this.name = 'ImportCancelled';
	}
}

/**
 * Loads the files, each with its confirmed plan, into one dataset. Every row is either loaded or listed in
 * `rejected` with its file, row and reason: rows_read = rows_loaded + rows_rejected, per file and in total.
 * The same message twice (same id, or same conversation, time, author and text) is loaded once.
 */
export async function importFiles(
	db: Db,
	files: NamedBlob[],
	plans: ImportPlan[],
	options: ImportOptions = {}
): Promise<InputSummary> {
	await db.exec(createMessagesTableSql(STAGING_TABLE));
	try {
		const read = await readAll(db, files, plans, options);
		options.onProgress?.({ phase: 'checking' });
		const duplicates = (await mayHaveDuplicates(db)) ? await findDuplicates(db, read.bases, files) : [];
		throwIfAborted(options.signal);
		await swapIn(db, duplicates.length > 0);
		return summarise(read.files, [...read.rejected, ...duplicates], plans[0]?.timeZone ?? 'UTC');
	} finally {
		await db.exec(`DROP TABLE IF EXISTS ${STAGING_TABLE}; DROP TABLE IF EXISTS import_duplicates`);
	}
}

/** A rejected row with the index of its file (two files may share a name). */
type Rejection = RejectedRow & { fileIndex: number; duplicate?: boolean };

interface ReadResult {
	files: FileSummary[];
	rejected: Rejection[];
	/** seq of each file's row 1: seq = base + row - 1, so any seq names its file and row. */
	bases: number[];
}

async function readAll(db: Db, files: NamedBlob[], plans: ImportPlan[], options: ImportOptions): Promise<ReadResult> {
	const result: ReadResult = { files: [], rejected: [], bases: [] };
	let base = 0;
	for (let i = 0; i < files.length; i++) {
		result.bases.push(base);
		const summary = await readOneFile(db, files[i], plans[i], base, options, (row, reason) =>
			result.rejected.push({ fileIndex: i, file: files[i].name, row, reason })
		);
		result.files.push(summary);
		base += summary.rows_read;
	}
	return result;
}

async function readOneFile(
	db: Db,
	file: NamedBlob,
	plan: ImportPlan,
	base: number,
	options: ImportOptions,
	reject: (row: number, reason: string) => void
): Promise<FileSummary> {
	// The reader needs only format, encoding and delimiter, all confirmed in the plan: no second sniff.
	const sniff: FileSniff = { format: plan.format, encoding: plan.encoding, delimiter: plan.delimiter, columns: [], sample: [] };
	const normalize = makeNormalizer(plan, file.name);
	const summary: FileSummary = {
		name: file.name, format: plan.format, encoding: plan.encoding, delimiter: plan.delimiter,
		rows_read: 0, rows_loaded: 0, rows_rejected: 0
	};
	if (options.csvBulk !== 'off' && plan.format === 'csv') {
		const bulk = await readCsvBulk(db, file, plan, {
			table: STAGING_TABLE,
			base,
			checkAbort: () => throwIfAborted(options.signal),
			onStep: (step, ms) => options.onBulkStep?.(file.name, step, ms),
			onFraction: (fraction) => options.onProgress?.({ phase: 'reading', file: file.name, fraction, rows: 0 })
		});
		options.onReadPath?.(file.name, bulk.used ? 'bulk' : 'ts', bulk.used ? undefined : bulk.why);
		if (bulk.used) {
			for (const r of bulk.rejected) reject(r.row, r.reason);
			return { ...summary, rows_read: bulk.rows_read, rows_loaded: bulk.rows_loaded, rows_rejected: bulk.rows_rejected };
		}
	} else options.onReadPath?.(file.name, 'ts', options.csvBulk === 'off' ? 'off' : `format ${plan.format}`);
	const report = (bytes: number) =>
		options.onProgress?.({ phase: 'reading', file: file.name, fraction: file.size ? bytes / file.size : 1, rows: summary.rows_read });
	let pending: Message[] = [];
	for await (const batch of readFileRecords(file, sniff, report)) {
		throwIfAborted(options.signal);
		for (const record of batch) {
			summary.rows_read++;
			const outcome = normalize(record, base + record.row - 1);
			if (typeof outcome === 'string') {
				reject(record.row, outcome);
				summary.rows_rejected++;
			} else pending.push(outcome);
		}
		if (pending.length >= APPEND_BATCH) {
			await db.appendMessages(STAGING_TABLE, pending);
			summary.rows_loaded += pending.length;
			pending = [];
		}
	}
	await db.appendMessages(STAGING_TABLE, pending);
	summary.rows_loaded += pending.length;
	return summary;
}

/** The columns two copies of one message share when their ids differ. */
const SAME_CONTENT = 'conversation_id, sent_at, author, text';

/**
 * Whether two staged rows share a message id, or a conversation, time, author and text: two hash aggregates, a
 * fraction of what `findDuplicates`' windows cost (0.5 s against 2.0 s at 1M messages in DuckDB-WASM under Node).
 */
async function mayHaveDuplicates(db: Db): Promise<boolean> {
	const [r] = await db.query<{ n: number; ids: number; contents: number }>(
		`SELECT count(*) AS n, count(DISTINCT message_id) AS ids,
			(SELECT count(*) FROM (SELECT DISTINCT ${SAME_CONTENT} FROM ${STAGING_TABLE})) AS contents
		FROM ${STAGING_TABLE}`
	);
	return Number(r.ids) < Number(r.n) || Number(r.contents) < Number(r.n);
}

/**
 * Later copies of a message already seen (same id, or same conversation, time, author and text), kept in
 * the temp table `import_duplicates` and returned as rejected rows.
 */
async function findDuplicates(db: Db, bases: number[], files: NamedBlob[]): Promise<Rejection[]> {
	await db.exec(`
		CREATE OR REPLACE TEMP TABLE import_duplicates AS
		WITH ranked AS (
			SELECT seq,
				row_number() OVER (PARTITION BY message_id ORDER BY seq) AS by_id,
				first_value(source) OVER (PARTITION BY message_id ORDER BY seq) AS first_by_id,
				row_number() OVER (PARTITION BY ${SAME_CONTENT} ORDER BY seq) AS by_content,
				first_value(source) OVER (PARTITION BY ${SAME_CONTENT} ORDER BY seq) AS first_by_content
			FROM ${STAGING_TABLE})
		SELECT seq, CASE WHEN by_id > 1 THEN first_by_id ELSE first_by_content END AS first_source
		FROM ranked WHERE by_id > 1 OR by_content > 1`);
	const rows = await db.query<{ seq: number; first_source: string }>(
		'SELECT seq, first_source FROM import_duplicates ORDER BY seq'
	);
	return rows.map(({ seq, first_source }) => {
		const fileIndex = lastIndexAtMost(bases, seq);
		const row = seq - bases[fileIndex] + 1;
		return { fileIndex, file: files[fileIndex].name, row, reason: `duplicate of ${first_source}`, duplicate: true };
	});
}

function lastIndexAtMost(sorted: number[], value: number): number {
	let index = 0;
	for (let i = 0; i < sorted.length; i++) if (sorted[i] <= value) index = i;
	return index;
}

/**
 * Replaces `messages` with the staged rows minus the duplicates (`import_duplicates`, when there are any), in input
 * order. Staged rows without duplicates that are stored in input order already (the readers append them so) become
 * `messages` by a rename, not a copy (0.9 s at 1M messages in DuckDB-WASM under Node).
 */
async function swapIn(db: Db, duplicates: boolean): Promise<void> {
	if (!duplicates && (await storedInSeqOrder(db))) {
		try {
			await db.exec(`BEGIN TRANSACTION; DROP TABLE IF EXISTS ${MESSAGES_TABLE};
				ALTER TABLE ${STAGING_TABLE} RENAME TO ${MESSAGES_TABLE}; COMMIT`);
		} catch (error) {
			await db.exec('ROLLBACK').catch(() => undefined); // the previous `messages` stays, and the connection usable
			throw error;
		}
		return;
	}
	await db.exec(`
		CREATE OR REPLACE TABLE ${MESSAGES_TABLE} AS
		SELECT ${MESSAGES_COLUMNS.join(', ')} FROM ${STAGING_TABLE}
		${duplicates ? 'WHERE seq NOT IN (SELECT seq FROM import_duplicates)' : ''} ORDER BY seq`);
}

/** Whether the staged rows are stored in `seq` order (a window over two numbers: 0.14 s at 1M in DuckDB-WASM). */
async function storedInSeqOrder(db: Db): Promise<boolean> {
	const [r] = await db.query<{ disordered: number }>(
		`SELECT count(*) FILTER (WHERE seq < previous) AS disordered
		FROM (SELECT seq, lag(seq) OVER (ORDER BY rowid) AS previous FROM ${STAGING_TABLE})`
	);
	return Number(r.disordered) === 0;
}

function summarise(files: FileSummary[], rejections: Rejection[], timeZone: string): InputSummary {
	const duplicates = files.map(() => 0);
	for (const r of rejections) if (r.duplicate) duplicates[r.fileIndex]++;
	const fixed = files.map((f, i) => ({
		...f,
		rows_loaded: f.rows_loaded - duplicates[i],
		rows_rejected: f.rows_rejected + duplicates[i]
	}));
	const total = (key: 'rows_read' | 'rows_loaded' | 'rows_rejected') => fixed.reduce((sum, f) => sum + f[key], 0);
	rejections.sort((a, b) => a.fileIndex - b.fileIndex || a.row - b.row);
	return {
		files: fixed,
		rows_read: total('rows_read'),
		rows_loaded: total('rows_loaded'),
		rows_rejected: total('rows_rejected'),
		rejected: rejections.map(({ file, row, reason }) => ({ file, row, reason })),
		time_zone: timeZone,
		imported_at: Date.now()
	};
}

function throwIfAborted(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new ImportCancelled();
}
