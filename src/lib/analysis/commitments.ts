/**
 * Commitments of the loaded dataset (issue 8) in DuckDB, so the page, the report and the shared report count them
 * in SQL like every other figure:
 * - `commitments`: one row per promise or deadline found in a message (commitments/ finds them and their status);
 * - `commitment_conflict_messages`: one row per message whose deadline is in conflict (`message_seq`, `message_id`,
 *   `conversation_id`), with how many rows it has in `commitment_conflicts` (the report reads the long list of
 *   conflicts in ranges of messages by it);
 * - `commitment_conflicts`: one row per deadline (`message_seq`, `due_at`) and conversation the customer was waiting
 *   in when it fell (`waiting_conversation_id`), with since when (`waiting_since`);
 * - `commitment_conflict_deadlines`: one row per deadline in conflict (`message_id`, `due_at`) with its latest
 *   `WAITS_LISTED` waits (`waiting`), how many there are (`waiting_total`) and when the latest began (`latest_wait`).
 * They depend on the messages and the dataset's time zone only (not on the clock of the metrics).
 */
import { commitmentsOf } from '$lib/commitments/commitment-status';
import { conflictsSql, waitRows, waitsOf } from '$lib/commitments/conflicts';
import type { Commitment, CommitmentMessage } from '$lib/commitments/types';
import type { Cell, ColumnType, Db } from '$lib/db/types';
import { readPackedRows, type PackedColumns } from '$lib/db/packed-rows';
import { WAITS_LISTED } from './commitments-view-types';
import { conversationRuns, inRunSql, MESSAGES_PER_RUN, runParams, type ConversationRun } from './conversation-runs';

const COMMITMENT_NAMES = ['message_id', 'conversation_id', 'customer', 'department', 'kind', 'sent_at', 'due_at', 'status', 'phrase'];
const COMMITMENT_TYPES: ColumnType[] = ['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'TIMESTAMP', 'TIMESTAMP', 'VARCHAR', 'VARCHAR'];
/** The waits of every conversation (conflicts.ts `waitRows`), only while the conflicts are computed. */
const WAITS_TABLE = 'commitment_waits';
const WAIT_NAMES = ['conversation_id', 'customer', 'since', 'until'];
const WAIT_TYPES: ColumnType[] = ['VARCHAR', 'VARCHAR', 'TIMESTAMP', 'TIMESTAMP'];

const columns = (names: string[], types: string[]) => names.map((n, i) => `${n} ${types[i]}`).join(', ');

/** A timestamp cell: the instant as DuckDB reads a TIMESTAMP literal (UTC wall clock, milliseconds). */
function timestampCell(ms: number): string {
	return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** A message's `sent_at` in epoch ms, floored as the engines' readers do. */
const SENT_AT_MS = 'CAST(floor(epoch_us(sent_at) / 1000.0) AS BIGINT)';

/** The `messages` columns of a `CommitmentMessage`; `sent_at` in epoch ms, floored as the engines' readers do. */
const COMMITMENT_MESSAGE_COLUMNS: PackedColumns<CommitmentMessage> = {
	conversation_id: 'string',
	message_id: 'string',
	role: 'string',
	department: 'string',
	customer: 'string',
	text: 'string',
	sent_at: { sql: SENT_AT_MS, kind: 'number' }
};

/**
 * The messages of one run of conversations as the commitment rules read them: conversation by conversation, in
 * (sent_at, seq) order. Read through packed strings (packed-rows.ts): value by value it cost 8-10 s at 1M messages.
 */
function readCommitmentMessages(db: Db, run: ConversationRun): Promise<CommitmentMessage[]> {
	return readPackedRows(db, RUN_SQL, COMMITMENT_MESSAGE_COLUMNS, 'conversation_id, sent_at, seq', { params: runParams(run) });
}

const RUN_SQL = `(SELECT * FROM messages WHERE ${inRunSql('conversation_id')})`;

/** The end of the data: the latest `sent_at` in epoch ms as COMMITMENT_MESSAGE_COLUMNS reads it; NaN without messages. */
async function dataEndIn(db: Db): Promise<number> {
	const [{ end }] = await db.query<{ end: number | null }>(`SELECT max(${SENT_AT_MS})::DOUBLE AS "end" FROM messages`);
	return end ?? NaN;
}

/**
 * Finds the commitments of the dataset in `messages` with their status and conflicts, and stores them in the
 * tables (replacing earlier ones). `timeZone` is the dataset's zone: working days and dates are counted in it.
 * The messages are read in runs of whole conversations of about `messagesPerRead` (conversation-runs.ts): the rules
 * look at one conversation at a time, and only the waits (no texts) of all of them are needed for the conflicts.
 * Returns how many commitments there are, and how many deadlines fell while the customer waited elsewhere.
 */
export async function computeCommitments(
	db: Db, timeZone: string, messagesPerRead = MESSAGES_PER_RUN
): Promise<{ commitments: number; conflicts: number }> {
	const dataEnd = await dataEndIn(db);
	await db.exec(`CREATE OR REPLACE TABLE commitments (${columns(COMMITMENT_NAMES, COMMITMENT_TYPES)});
		CREATE OR REPLACE TEMP TABLE ${WAITS_TABLE} (${columns(WAIT_NAMES, WAIT_TYPES)})`);
	let commitments = 0;
	for (const run of await conversationRuns(db, 'messages', messagesPerRead)) {
		const messages = await readCommitmentMessages(db, run);
		const found = commitmentsOf(messages, timeZone, dataEnd);
		commitments += found.length;
		await db.appendRows('commitments', COMMITMENT_TYPES, found.map(commitmentCells));
		await db.appendRows(WAITS_TABLE, WAIT_TYPES, waitRows(waitsOf(messages)).map((w) => [
			w.conversation_id, w.customer, timestampCell(w.since), w.until === null ? null : timestampCell(w.until)
		]));
	}
	// No messages: no end of the data, and no deadline to check against it.
	const end = Number.isNaN(dataEnd) ? null : timestampCell(dataEnd);
	// In the input order of the deadline messages (`message_seq`), so that a range of them is a run of the table's
	// row groups, which DuckDB skips over by their min/max when the report reads the conflicts a range at a time.
	// Only what differs per waiting conversation is stored per row (the table has millions of rows at 1M messages);
	// the deadline message's ids are in commitment_conflict_messages.
	await db.query(`CREATE OR REPLACE TABLE commitment_conflicts AS
		SELECT message_seq, due_at, waiting_conversation_id, waiting_since FROM (${conflictsSql(WAITS_TABLE)})
		ORDER BY message_seq, waiting_conversation_id`, [end]);
	await db.exec(`DROP TABLE ${WAITS_TABLE};
		CREATE OR REPLACE TABLE commitment_conflict_messages AS
		SELECT f.message_seq, m.message_id, m.conversation_id, f.waiting
		FROM (SELECT message_seq, count(*) AS waiting FROM commitment_conflicts GROUP BY ALL) f JOIN messages m ON m.seq = f.message_seq
		ORDER BY f.message_seq`);
	// Each deadline's latest waits and their count, once: the page lists them for every view (at 1M messages this
	// aggregate of the 17.1M rows took 5.5 s in DuckDB-WASM under Node, each time the page was read).
	await db.exec(`CREATE OR REPLACE TABLE commitment_conflict_deadlines AS
		SELECT c.message_id, f.due_at,
			max_by({ 'conversation_id': f.waiting_conversation_id, 'since': f.waiting_since },
				(f.waiting_since, f.waiting_conversation_id), ${WAITS_LISTED}) AS waiting,
			count(*) AS waiting_total, max(f.waiting_since) AS latest_wait
		FROM commitment_conflicts f JOIN commitment_conflict_messages c USING (message_seq)
		GROUP BY c.message_id, f.due_at`);
	const [{ deadlines }] = await db.query<{ deadlines: number }>('SELECT count(*) AS deadlines FROM commitment_conflict_deadlines');
	return { commitments, conflicts: deadlines };
}

function commitmentCells(c: Commitment): Cell[] {
	return [c.message_id, c.conversation_id, c.customer, c.department, c.kind, timestampCell(c.sent_at), timestampCell(c.due_at), c.status, c.phrase];
}

/** The `commitments` columns of table alias `k`, read back as `Commitment` fields (times in epoch ms). */
export function commitmentColumns(k: string): string {
	return COMMITMENT_NAMES.map((name) => `${k}.${name}`).join(', ');
}
