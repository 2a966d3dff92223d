import { computeMetrics, readConversations, readDepartments, readSummary } from '$lib/analysis/figures';
import { computeCommitments } from '$lib/analysis/commitments';
import { computeReplyFlags, type Detector } from '$lib/analysis/detect-flags';
import { ALL_ROWS, type RowRange } from '$lib/analysis/row-range';
import type { BusinessHours } from '$lib/analysis/view-types';
import type { Db } from '$lib/db/types';
import type { InputSummary } from '$lib/engine/protocol';
import { formatIsoWithOffset } from '$lib/ingest/time-zone';
import { readCommitments, readConflicts, readPromisesKept } from './report-commitments';
import { readDepartmentTextShares, readTemplates } from './report-flags';
import { readReportMessages } from './report-messages';
import type { Report } from './types';

/** How `buildReport` computes. */
export interface BuildOptions {
	/** The report's `generated_at`, epoch ms; now when absent. */
	now?: number;
	/** Times count only these hours (the command line's --business-hours); calendar time when absent. */
	businessHours?: BusinessHours | null;
	/** Runs the text detection (the command line's uses threads); in this thread when absent. */
	detect?: Detector;
}

/** The report of the dataset in `messages` (REPORT-SCHEMA.md), computed with the same SQL everywhere. */
export async function buildReport(db: Db, input: InputSummary, options: BuildOptions = {}): Promise<Report> {
	await computeReportTables(db, input, options);
	return readReport(db, input, options.now);
}

/** Computes the tables the report is read from (metrics, text flags, commitments); `options.now` is not used. */
export async function computeReportTables(db: Db, input: InputSummary, options: BuildOptions = {}): Promise<void> {
	await computeMetrics(db, options.businessHours ?? null);
	await computeReplyFlags(db, { detect: options.detect });
	await computeCommitments(db, input.time_zone);
}

/** The report's lists that can be long (one entry per message, conversation, ...), in the schema's order. */
export const REPORT_LIST_KEYS = ['conversations', 'messages', 'templates', 'commitments', 'conflicts'] as const;
export type ReportListKey = (typeof REPORT_LIST_KEYS)[number];

/** The report without its long lists: small whatever the dataset's size, in the schema's order. */
export type ReportHead = Omit<Report, ReportListKey>;

/** Reads one of the report's lists in its order, a range of rows at a time. */
export interface ListReader<T> {
	read(db: Db, range: RowRange): Promise<T[]>;
	/** The key a range starting after `row` names (RowRange.after). */
	keyOf(row: T): string;
	/**
	 * Rows of this list per read when the writer is not told otherwise (write-report.ts CHUNK_ROWS when absent): a
	 * few megabytes of JSON. A conflict's "row" is one waiting id, about 20 bytes against a message's 250.
	 */
	rowsPerRead?: number;
}

export type ReportLists = { [K in ReportListKey]: ListReader<Report[K][number]> };

/** Waiting ids per read of the conflicts: about 10 MB of JSON (at 1M messages, 17.1M ids read in 11.8 s in 50,000-id reads, 7.0 s in these; probe). */
const CONFLICT_IDS_PER_READ = 500_000;

/** The readers of the report's lists; commitments' times are written in `timeZone`. */
export function reportLists(timeZone: string): ReportLists {
	return {
		conversations: { read: readConversations, keyOf: (c) => c.conversation_id },
		messages: { read: readReportMessages, keyOf: (m) => m.message_id },
		templates: { read: readTemplates, keyOf: (t) => t.template_id },
		commitments: { read: (db, range) => readCommitments(db, timeZone, range), keyOf: (c) => c.message_id },
		conflicts: { read: readConflicts, keyOf: (c) => c.message_id, rowsPerRead: CONFLICT_IDS_PER_READ }
	};
}

const NO_SHARES = { templated_share: null, off_topic_share: null };

/**
 * The report from the tables already computed (computeReportTables, the metrics on whatever clock they were built).
 * As one object, for tests and programs that read it whole; the command line and the browser's "Download JSON" write
 * it in pieces (write-report.ts), as the report of a million messages is longer than a JavaScript string.
 */
export async function readReport(db: Db, input: InputSummary, now = Date.now()): Promise<Report> {
	const lists = reportLists(input.time_zone);
	return {
		...(await readReportHead(db, input, now)),
		conversations: await lists.conversations.read(db, ALL_ROWS),
		messages: await lists.messages.read(db, ALL_ROWS),
		templates: await lists.templates.read(db, ALL_ROWS),
		commitments: await lists.commitments.read(db, ALL_ROWS),
		conflicts: await lists.conflicts.read(db, ALL_ROWS)
	};
}

/** The report's `generated_at`: `now` (epoch ms) to the second, in the dataset's zone. */
export function generatedAt(now: number, timeZone: string): string {
	return formatIsoWithOffset(Math.floor(now / 1000) * 1000, timeZone);
}

/** The report's fields before its long lists. */
export async function readReportHead(db: Db, input: InputSummary, now = Date.now()): Promise<ReportHead> {
	const { time_zone, imported_at: _importedAt, ...schemaInput } = input;
	const textShares = await readDepartmentTextShares(db);
	const promisesKept = await readPromisesKept(db);
	return {
		schema: 'replyscope.report/1',
		generated_at: generatedAt(now, time_zone),
		time_zone,
		input: schemaInput,
		summary: await readSummary(db),
		departments: (await readDepartments(db)).map((d) => ({
			...d, ...(textShares.get(d.department) ?? NO_SHARES), promises_kept_share: promisesKept.get(d.department) ?? null
		}))
	};
}
