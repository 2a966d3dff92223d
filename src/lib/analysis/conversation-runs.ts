/**
 * Reading a table of messages in runs of whole conversations. DuckDB-WASM builds each result whole in its memory,
 * which never shrinks (reading the 1M messages in one query grew it by 1.1 GB, DuckDB-WASM under Node), and a reader
 * that holds every message at once holds every text: in runs, both stay at one run's size.
 */
import type { Db } from '$lib/db/types';

/** About this many messages per run. */
export const MESSAGES_PER_RUN = 100_000;

/**
 * One run: the conversations after `after` (from the first when null) up to `last`, in conversation_id order. A
 * query reads it with `($1::VARCHAR IS NULL OR conversation_id > $1) AND conversation_id <= $2`, `runParams(run)`.
 */
export interface ConversationRun {
	after: string | null;
	last: string;
}

/** The condition on `column` (a conversation id) that keeps a run's rows, with `runParams` as $1 and $2. */
export function inRunSql(column: string): string {
	return `(($1::VARCHAR IS NULL OR ${column} > $1) AND ${column} <= $2)`;
}

export function runParams(run: ConversationRun): [string | null, string] {
	return [run.after, run.last];
}

/**
 * The runs of `table` (a table with a `conversation_id` column), each whole conversations of about `messages` rows
 * together, in conversation_id order. (`$1::BIGINT`: DuckDB-WASM binds the number as a DOUBLE, and `//` then divides
 * without rounding, one run per conversation.)
 */
export async function conversationRuns(db: Db, table: string, messages = MESSAGES_PER_RUN): Promise<ConversationRun[]> {
	const rows = await db.query<{ last: string }>(`
		SELECT max(conversation_id) AS last FROM (
			SELECT conversation_id, sum(n) OVER (ORDER BY conversation_id ROWS UNBOUNDED PRECEDING) - n AS before
			FROM (SELECT conversation_id, count(*) AS n FROM ${table} GROUP BY conversation_id))
		GROUP BY before // $1::BIGINT ORDER BY last`, [messages]);
	return rows.map((r, i) => ({ after: i === 0 ? null : rows[i - 1].last, last: r.last }));
}
