/**
 * The messages the text detectors read (reply-flags.ts), in the order they need them.
 */
import { readPackedRows, type PackedColumns } from '$lib/db/packed-rows';
import type { Db } from '$lib/db/types';
import { conversationRuns, inRunSql, MESSAGES_PER_RUN, runParams } from './conversation-runs';
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
 * conversations of about `messagesPerRead` messages (conversation-runs.ts).
 */
export async function readTextRows(db: Db, messagesPerRead = MESSAGES_PER_RUN): Promise<TextRows> {
	const rows: (TextRow & { seq: number })[] = [];
	for (const run of await conversationRuns(db, 'message_metrics', messagesPerRead)) {
		const part = await readPackedRows<TextRow & { seq: number }>(db, RUN_SQL, TEXT_ROW_COLUMNS, 'conversation_id, sent_at, seq', { params: runParams(run) });
		for (const row of part) rows.push(row);
	}
	const replies = rows.filter((r) => r.role === 'agent' || r.role === 'bot').sort((a, b) => a.seq - b.seq);
	return { rows, replies };
}

/**
 * The messages of one run, with their texts from `messages` (message_metrics has none); the join's equal
 * conversation ids narrow both sides to the run.
 */
const RUN_SQL = `(SELECT m.*, t.text FROM message_metrics m
	JOIN messages t ON t.conversation_id = m.conversation_id AND t.message_id = m.message_id
	WHERE ${inRunSql('m.conversation_id')})`;
