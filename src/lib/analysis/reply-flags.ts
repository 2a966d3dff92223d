/**
 * Text flags of every agent/bot reply, stored in DuckDB so the screens can filter and count them in SQL:
 * - `reply_flags`: one row per reply (template, off-topic verdict, relevance, matched words, reply kind);
 * - `templates`: one row per template of the whole dataset (text/templates.ts);
 * - `flag_marks`: replies the user marked as wrongly flagged. It outlives a recompute (the marks are the
 *   user's, not the detectors'), and `EFFECTIVE_FLAGS_SQL` takes them out of every figure.
 * Needs computeMetrics: replies carry their effective department.
 */
import type { Cell, ColumnType, Db } from '$lib/db/types';
import type { DetectedFlags } from './detect-flags';
import type { FlagKind, FlagMark, ReplyFlags } from './text-view-types';
import { Params } from './view-sql';

/** Progress and cancelling of `computeReplyFlags`. */
export interface ReplyFlagsOptions {
	/** Checked between stages and between written chunks; when aborted the call throws an `AbortError`. */
	signal?: AbortSignal;
	/** Called once the detectors ran (done 0), then for each detection stage, written chunk and the swap. */
	onProgress?(done: number, total: number): void;
}

/** Marks per INSERT: two parameters each. */
const MARK_CHUNK = 1000;

const REPLY_FLAGS_NAMES = ['message_id', 'conversation_id', 'template_id', 'off_topic', 'relevance', 'matched', 'reply_kind', 'redirect_department'];
const REPLY_FLAGS_TYPES: ColumnType[] = ['VARCHAR', 'VARCHAR', 'VARCHAR', 'BOOLEAN', 'DOUBLE', 'VARCHAR[]', 'VARCHAR', 'VARCHAR'];
const REPLY_FLAGS_COLUMNS = REPLY_FLAGS_NAMES.map((name, i) => `${name} ${REPLY_FLAGS_TYPES[i]}`).join(', ');
const TEMPLATES_NAMES = ['template_id', 'text', 'messages', 'conversations', 'variants', 'departments', 'authors', 'roles', 'human_copies_bot'];
const TEMPLATES_TYPES: ColumnType[] = ['VARCHAR', 'VARCHAR', 'INTEGER', 'INTEGER', 'INTEGER', 'VARCHAR[]', 'INTEGER', 'VARCHAR[]', 'BOOLEAN'];
const TEMPLATES_COLUMNS = TEMPLATES_NAMES.map((name, i) => `${name} ${TEMPLATES_TYPES[i]}`).join(', ');
const FLAG_MARKS_SQL = 'CREATE TABLE IF NOT EXISTS flag_marks (message_id VARCHAR NOT NULL, flag VARCHAR NOT NULL)';

/**
 * The reply flags with the user's marks applied, as a SELECT to use in a CTE (`effective_flags AS (...)`):
 * a reply marked wrong as 'template' has no template, one marked wrong as 'off_topic' is not off-topic (it stays
 * judged). `marked` lists the marks of the reply.
 */
export const EFFECTIVE_FLAGS_SQL = `
	SELECT f.message_id, f.conversation_id,
		CASE WHEN coalesce(m.template, false) THEN NULL ELSE f.template_id END AS template_id,
		CASE WHEN coalesce(m.off_topic, false) AND f.off_topic IS NOT NULL THEN false ELSE f.off_topic END AS off_topic,
		f.relevance, f.matched, f.reply_kind, f.redirect_department,
		coalesce(m.marked, []::VARCHAR[]) AS marked
	FROM reply_flags f LEFT JOIN (
		SELECT message_id, bool_or(flag = 'template') AS template, bool_or(flag = 'off_topic') AS off_topic,
			list(DISTINCT flag ORDER BY flag) AS marked
		FROM flag_marks GROUP BY message_id
	) m USING (message_id)`;

/** Rows appended per progress step (and per chance to cancel). */
const ROWS_PER_STEP = 50_000;

/** Progress steps of `writeReplyFlags` for these flags: one per ROWS_PER_STEP rows of either table, one for the swap. */
export function writeSteps(detected: DetectedFlags): number {
	const steps = (rows: readonly unknown[]) => Math.ceil(rows.length / ROWS_PER_STEP);
	return steps(detected.replies) + steps(detected.templates) + 1;
}


/** Stores detected flags in the tables (replacing the previous ones at once); `progress` steps once per chunk. */
export async function writeReplyFlags(
	db: Db,
	detected: DetectedFlags,
	progress: { step(): Promise<void>; finish(): void }
): Promise<{ replies: number; templates: number }> {
	try {
		await db.exec(`CREATE OR REPLACE TABLE reply_flags_next (${REPLY_FLAGS_COLUMNS});
			CREATE OR REPLACE TABLE templates_next (${TEMPLATES_COLUMNS}); ${FLAG_MARKS_SQL}`);
		await appendInSteps(db, 'reply_flags_next', REPLY_FLAGS_TYPES, detected.replies, progress);
		await appendInSteps(db, 'templates_next', TEMPLATES_TYPES, detected.templates, progress);
		await swapIn(db);
	} finally {
		await db.exec('DROP TABLE IF EXISTS reply_flags_next; DROP TABLE IF EXISTS templates_next');
	}
	progress.finish();
	return { replies: detected.replies.length, templates: detected.templates.length };
}

async function appendInSteps(
	db: Db, table: string, types: readonly ColumnType[], rows: readonly Cell[][], progress: { step(): Promise<void> }
): Promise<void> {
	for (let start = 0; start < rows.length; start += ROWS_PER_STEP) {
		await db.appendRows(table, types, rows.slice(start, start + ROWS_PER_STEP));
		await progress.step();
	}
}

/**
 * Replaces the tables with the new ones in one task and one transaction, so a reader sees the old tables or the
 * new ones, never a half-written one.
 */
async function swapIn(db: Db): Promise<void> {
	try {
		await db.exec(`BEGIN; DROP TABLE IF EXISTS reply_flags; ALTER TABLE reply_flags_next RENAME TO reply_flags;
			DROP TABLE IF EXISTS templates; ALTER TABLE templates_next RENAME TO templates; COMMIT`);
	} catch (error) {
		// Nothing to roll back when BEGIN itself failed; that second error says nothing new.
		await db.exec('ROLLBACK').catch(() => undefined);
		throw error;
	}
}

/**
 * Counts steps, reports them, and stops when cancelled. Each step first lets queued events run (a macrotask),
 * so an abort posted to the worker while the detectors were busy is seen here.
 */
export class Progress {
	private done = 0;
	private total = 0;
	constructor(private readonly options: ReplyFlagsOptions) {}

	/** The messages are read and the number of steps known. */
	start(total: number): Promise<void> {
		this.total = total;
		return this.check();
	}

	step(): Promise<void> {
		this.done++;
		return this.check();
	}

	/** The new flags are in: no more cancelling. */
	finish(): void {
		this.options.onProgress?.(this.total, this.total);
	}

	private async check(): Promise<void> {
		this.options.onProgress?.(this.done, this.total);
		await new Promise((resolve) => setTimeout(resolve, 0));
		if (this.options.signal?.aborted) {
			const error = new Error('Text analysis was cancelled');
			error.name = 'AbortError';
			throw error;
		}
	}
}

/** Marks (wrong = true) or unmarks the flag of one reply as wrongly raised. */
export async function setFlagMark(db: Db, messageId: string, flag: FlagKind, wrong: boolean): Promise<void> {
	checkFlag(flag);
	await db.exec(FLAG_MARKS_SQL);
	if (!wrong) {
		await db.query('DELETE FROM flag_marks WHERE message_id = $1 AND flag = $2', [messageId, flag]);
		return;
	}
	await db.query(`INSERT INTO flag_marks SELECT $1, $2
		WHERE NOT EXISTS (SELECT 1 FROM flag_marks WHERE message_id = $1 AND flag = $2)`, [messageId, flag]);
}

/** Every mark, in a stable order (for the browser to save). */
export async function readFlagMarks(db: Db): Promise<FlagMark[]> {
	await db.exec(FLAG_MARKS_SQL);
	return db.query<FlagMark>('SELECT message_id, flag FROM flag_marks ORDER BY message_id, flag');
}

/** Adds saved marks back (after a reload); marks already present are kept once. */
export async function restoreFlagMarks(db: Db, marks: readonly FlagMark[]): Promise<void> {
	await db.exec(FLAG_MARKS_SQL);
	for (const m of marks) checkFlag(m.flag);
	for (let start = 0; start < marks.length; start += MARK_CHUNK) {
		const p = new Params();
		const values = marks.slice(start, start + MARK_CHUNK).map((m) => `(${p.add(m.message_id)}, ${p.add(m.flag)})`);
		await db.query(`INSERT INTO flag_marks
			SELECT DISTINCT v.message_id, v.flag FROM (VALUES ${values.join(', ')}) v(message_id, flag)
			WHERE NOT EXISTS (SELECT 1 FROM flag_marks f WHERE f.message_id = v.message_id AND f.flag = v.flag)`, p.values);
	}
}

/** Makes `marks` the only marks (the browser's kept marks, after the flags were computed or loaded). */
export async function replaceFlagMarks(db: Db, marks: readonly FlagMark[]): Promise<void> {
	await db.exec(`${FLAG_MARKS_SQL}; DELETE FROM flag_marks`);
	await restoreFlagMarks(db, marks);
}

/** A flag name from the browser is checked before it reaches the table. */
function checkFlag(flag: string): asserts flag is FlagKind {
	if (flag !== 'template' && flag !== 'off_topic') throw new Error(`Unknown flag '${flag}' (template or off_topic)`);
}

/** The flags of one conversation's agent/bot replies, in conversation order, marks applied. */
export async function readMessageFlags(db: Db, conversationId: string): Promise<ReplyFlags[]> {
	await db.exec(FLAG_MARKS_SQL);
	return db.query<ReplyFlags>(`
		WITH effective_flags AS (${EFFECTIVE_FLAGS_SQL})
		SELECT f.message_id, f.template_id, f.off_topic, f.relevance, f.matched, f.reply_kind, f.redirect_department,
			f.marked
		FROM effective_flags f JOIN message_metrics m USING (message_id)
		WHERE f.conversation_id = $1
		ORDER BY m.sent_at, m.seq`, [conversationId]);
}
