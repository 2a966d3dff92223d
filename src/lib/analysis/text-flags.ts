/**
 * The messages the text detectors read (reply-flags.ts), in the order they need them, as columns.
 */
import { readPackedRows, type PackedColumns } from '$lib/db/packed-rows';
import type { Db } from '$lib/db/types';
import { conversationRuns, inRunSql, MESSAGES_PER_RUN, runParams } from './conversation-runs';
import type { RelevanceConversation } from './text/relevance';
import type { ReplyInput } from './text/templates';

/**
 * The messages the detectors read (`readTextColumns`): one entry per message, conversation by conversation in
 * (sent_at, seq) order. What repeats (texts, conversation ids, roles, authors, departments) is kept once and referred
 * to by its index. This is what the detection's workers or threads are sent, each a copy: at 1M generated messages
 * the off-topic half's input was 468 MiB of heap as one object per message and is 152 MiB as these columns (269,436
 * distinct texts of 1,000,764; probe input-size.ts).
 */
export interface TextColumns {
	messageIds: string[];
	/** Index into `conversations`. */
	conversation: Int32Array;
	conversations: string[];
	/** Indices into `values`; -1 for null. Replies carry their effective department. */
	role: Int32Array;
	author: Int32Array;
	department: Int32Array;
	values: string[];
	/** Index into `texts`. */
	text: Int32Array;
	texts: string[];
	/** The agent/bot messages (indices into the columns) in input order: template numbers break ties by first use. */
	replies: Int32Array;
}

/** The agent/bot replies in input order, as the templates take them (strings shared with the columns). */
export function replyInputs(c: TextColumns): ReplyInput[] {
	return Array.from(c.replies, (i) => ({
		message_id: c.messageIds[i],
		conversation_id: c.conversations[c.conversation[i]],
		role: valueAt(c, c.role[i])!,
		author: valueAt(c, c.author[i]),
		department: valueAt(c, c.department[i]),
		text: c.texts[c.text[i]]
	}));
}

/**
 * The conversations with their messages, as the relevance scorer takes them, one at a time: the scorer keeps its
 * own compact form of each, so these objects (one per message) need not all live at once.
 */
export function* conversationsOf(c: TextColumns): Generator<RelevanceConversation> {
	let current: RelevanceConversation | undefined;
	for (let i = 0; i < c.messageIds.length; i++) {
		const id = c.conversations[c.conversation[i]];
		if (current?.conversation_id !== id) {
			if (current) yield current;
			current = { conversation_id: id, messages: [] };
		}
		current.messages.push({ message_id: c.messageIds[i], role: valueAt(c, c.role[i])!, text: c.texts[c.text[i]] });
	}
	if (current) yield current;
}

function valueAt(c: TextColumns, k: number): string | null {
	return k < 0 ? null : c.values[k];
}

/** A message as read from `message_metrics` and `messages`. */
interface TextRow {
	conversation_id: string;
	message_id: string;
	role: string;
	author: string | null;
	department: string | null;
	text: string;
	seq: number;
}

/** The columns of a `TextRow` (packed-rows.ts: reading them value by value cost 8-10 s at 1M). */
const TEXT_ROW_COLUMNS: PackedColumns<TextRow> = {
	conversation_id: 'string',
	message_id: 'string',
	role: 'string',
	author: 'string',
	department: { sql: 'CASE WHEN is_reply THEN effective_department ELSE department END', kind: 'string' },
	text: 'string',
	seq: 'number'
};

/**
 * The messages the detectors read (see `TextColumns`). Needs `message_metrics` (computeMetrics): replies carry their
 * effective department. Read in runs of whole conversations of about `messagesPerRead` messages (conversation-runs.ts).
 */
export async function readTextColumns(db: Db, messagesPerRead = MESSAGES_PER_RUN): Promise<TextColumns> {
	const columns = new ColumnsBuilder();
	for (const run of await conversationRuns(db, 'message_metrics', messagesPerRead)) {
		for (const row of await readPackedRows<TextRow>(db, RUN_SQL, TEXT_ROW_COLUMNS, 'conversation_id, sent_at, seq', { params: runParams(run) })) {
			columns.add(row);
		}
	}
	return columns.build();
}

/**
 * The messages of one run, with their texts from `messages` (message_metrics has none); the join's equal
 * conversation ids narrow both sides to the run.
 */
const RUN_SQL = `(SELECT m.*, t.text FROM message_metrics m
	JOIN messages t ON t.conversation_id = m.conversation_id AND t.message_id = m.message_id
	WHERE ${inRunSql('m.conversation_id')})`;

/** Collects rows into `TextColumns`, each repeated string once. */
class ColumnsBuilder {
	private messageIds: string[] = [];
	private conversation: number[] = [];
	private role: number[] = [];
	private author: number[] = [];
	private department: number[] = [];
	private text: number[] = [];
	private conversations = new Map<string, number>();
	private values = new Map<string, number>();
	private texts = new Map<string, number>();
	private replies: { index: number; seq: number }[] = [];
	/** The last row's conversation and its index: rows come conversation by conversation. */
	private lastConversation = { id: '', index: -1 };

	add(row: TextRow): void {
		const index = this.messageIds.length;
		this.messageIds.push(ownCopy(row.message_id));
		const last = this.lastConversation;
		if (row.conversation_id !== last.id || last.index < 0) {
			last.id = row.conversation_id;
			last.index = indexOf(this.conversations, row.conversation_id);
		}
		this.conversation.push(last.index);
		this.role.push(indexOf(this.values, row.role));
		this.author.push(row.author === null ? -1 : indexOf(this.values, row.author));
		this.department.push(row.department === null ? -1 : indexOf(this.values, row.department));
		this.text.push(indexOf(this.texts, row.text));
		if (row.role === 'agent' || row.role === 'bot') this.replies.push({ index, seq: row.seq });
	}

	build(): TextColumns {
		return {
			messageIds: this.messageIds,
			conversation: Int32Array.from(this.conversation),
			conversations: [...this.conversations.keys()],
			role: Int32Array.from(this.role),
			author: Int32Array.from(this.author),
			department: Int32Array.from(this.department),
			values: [...this.values.keys()],
			text: Int32Array.from(this.text),
			texts: [...this.texts.keys()],
			replies: Int32Array.from(this.replies.sort((a, b) => a.seq - b.seq), (r) => r.index)
		};
	}
}

/** The index of `value` in `map`, added (as a copy of its own) when new. */
function indexOf(map: Map<string, number>, value: string): number {
	let k = map.get(value);
	if (k === undefined) map.set(ownCopy(value), (k = map.size));
	return k;
}

/**
 * A copy of `s` that does not keep the string it was cut from alive. The packed reader's fields are slices of one
 * string per range of rows (tens of megabytes), and V8 keeps that whole string while any slice of it lives: the
 * distinct texts alone would keep every range. Slicing a concatenation makes V8 copy it into a string of its own.
 */
function ownCopy(s: string): string {
	return (' ' + s).slice(1);
}
