/**
 * The messages the text detectors read (reply-flags.ts), in the order they need them.
 */
import { readPackedRows, type PackedColumns } from '$lib/db/packed-rows';
import type { Db } from '$lib/db/types';
import type { RelevanceConversation } from './text/relevance';
import type { ReplyInput } from './text/templates';

/** A message as the detectors read it (replies carry their effective department). */
export interface TextRow {
	conversation_id: string;
	message_id: string;
	role: string;
	author: string | null;
	department: string | null;
	text: string;
}

/** Conversations with their messages, from rows ordered by conversation then (sent_at, seq). */
export function groupConversations(rows: readonly TextRow[]): RelevanceConversation[] {
	const out: RelevanceConversation[] = [];
	let current: RelevanceConversation | undefined;
	for (const r of rows) {
		if (current?.conversation_id !== r.conversation_id) {
			current = { conversation_id: r.conversation_id, messages: [] };
			out.push(current);
		}
		current.messages.push({ message_id: r.message_id, role: r.role, text: r.text });
	}
	return out;
}

/** The messages the detectors read (see `readTextRows`). */
export interface TextRows {
	/** Every message, conversation by conversation in (sent_at, seq) order. */
	rows: TextRow[];
	/** The agent/bot messages, in input order. */
	replies: ReplyInput[];
}

/** The `message_metrics` columns of a `TextRow` (packed-rows.ts: reading them value by value cost 8-10 s at 1M). */
const TEXT_ROW_COLUMNS: PackedColumns<TextRow & { seq: number }> = {
	conversation_id: 'string',
	message_id: 'string',
	role: 'string',
	author: 'string',
	department: { sql: 'CASE WHEN is_reply THEN effective_department ELSE department END', kind: 'string' },
	text: 'string',
	seq: 'number'
};

/**
 * The messages the detectors read: `rows` conversation by conversation in (sent_at, seq) order (for relevance),
 * `replies` the agent/bot ones in input order, so template numbers break ties by first use in the input.
 * Needs `message_metrics` (computeMetrics): replies carry their effective department. Read in runs of whole
 * conversations of about `messagesPerRead` messages (MESSAGES_PER_READ).
 */
export async function readTextRows(db: Db, messagesPerRead = MESSAGES_PER_READ): Promise<TextRows> {
	const rows: (TextRow & { seq: number })[] = [];
	let after: string | null = null;
	for (const last of await lastConversations(db, messagesPerRead)) {
		const part = await readPackedRows<TextRow & { seq: number }>(db, RUN_SQL, TEXT_ROW_COLUMNS, 'conversation_id, sent_at, seq', { params: [after, last] });
		for (const row of part) rows.push(row);
		after = last;
	}
	const replies = rows.filter((r) => r.role === 'agent' || r.role === 'bot').sort((a, b) => a.seq - b.seq);
	return { rows, replies };
}

/**
 * The messages of the conversations after $1 (from the first when null) up to $2, with their texts from `messages`
 * (message_metrics has none); the join's equal conversation ids narrow both sides to the run.
 */
const RUN_SQL = `(SELECT m.*, t.text FROM message_metrics m
	JOIN messages t ON t.conversation_id = m.conversation_id AND t.message_id = m.message_id
	WHERE ($1::VARCHAR IS NULL OR m.conversation_id > $1) AND m.conversation_id <= $2)`;

/**
 * About this many messages are read at a time, whole conversations. DuckDB-WASM builds each result whole in its
 * memory, which never shrinks: reading the 1M messages in one query grew it by 1.1 GB (DuckDB-WASM under Node).
 */
const MESSAGES_PER_READ = 100_000;

/**
 * The last conversation (in conversation_id order) of each run of about `messages` messages. (`$1::BIGINT`: DuckDB-WASM
 * binds the number as a DOUBLE, and `//` then divides without rounding, one run per conversation.)
 */
async function lastConversations(db: Db, messages: number): Promise<string[]> {
	const rows = await db.query<{ last: string }>(`
		SELECT max(conversation_id) AS last FROM (
			SELECT conversation_id, sum(n) OVER (ORDER BY conversation_id ROWS UNBOUNDED PRECEDING) - n AS before
			FROM (SELECT conversation_id, count(*) AS n FROM message_metrics GROUP BY conversation_id))
		GROUP BY before // $1::BIGINT ORDER BY last`, [messages]);
	return rows.map((r) => r.last);
}
