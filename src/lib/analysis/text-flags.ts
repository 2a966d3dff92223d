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
 * Needs `message_metrics` (computeMetrics): replies carry their effective department.
 */
export async function readTextRows(db: Db): Promise<TextRows> {
	const rows = await readPackedRows<TextRow & { seq: number }>(db, 'message_metrics', TEXT_ROW_COLUMNS, 'conversation_id, sent_at, seq');
	const replies = rows.filter((r) => r.role === 'agent' || r.role === 'bot').sort((a, b) => a.seq - b.seq);
	return { rows, replies };
}
