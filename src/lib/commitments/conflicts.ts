/**
 * Conflicts (issue 8): a deadline that fell while the same customer was waiting for an answer in another
 * conversation — the seed's case, where the owner watched the brand manager's chat for a week and missed the
 * point-inspection deadline set in another section.
 *
 * The customer was waiting in a conversation at `due_at` when it has a customer message sent by `due_at` with
 * no agent or bot message after it sent by `due_at` (system lines do not answer). A message that only thanks or
 * acknowledges ("ок, спасибо", closing-message.ts) asks nothing and starts no wait. Only deadlines whose time
 * has come within the data are checked (status not `open`); met ones are kept too: the load was real even
 * when the owner coped. Conversations are matched by customer id; without one there is no conflict to see.
 */
import { isClosingMessage } from './closing-message';
import type { CommitmentMessage } from './types';

/** A conversation's customer and the times its customer was waiting for an answer. */
export interface ConversationWaits {
	/** The first customer id its messages carry; null when none does. */
	customer: string | null;
	/**
	 * [from, to) pairs, flat and in time order: from a customer message to the next agent or bot message
	 * (Infinity when none came). `from` is the first customer message after the previous answer that is not
	 * a mere thank-you.
	 */
	waiting: number[];
}

/**
 * The waits of every conversation of `messages`, which come conversation by conversation (then by sent_at and
 * input order), as commitmentsOf takes them.
 */
export function waitsOf(messages: readonly CommitmentMessage[]): Map<string, ConversationWaits> {
	const threads = new Map<string, ConversationWaits>();
	let t: ConversationWaits | undefined;
	let id = '';
	// Start of the current wait in `t`; NaN when its customer is not waiting.
	let since = NaN;
	for (const m of messages) {
		if (!t || m.conversation_id !== id) {
			if (t && !Number.isNaN(since)) t.waiting.push(since, Infinity);
			since = NaN;
			id = m.conversation_id;
			t = threads.get(id);
			if (!t) threads.set(id, (t = { customer: null, waiting: [] }));
		}
		t.customer ??= m.customer;
		if (m.role === 'customer') {
			if (Number.isNaN(since) && !isClosingMessage(m.text)) since = m.sent_at;
		} else if ((m.role === 'agent' || m.role === 'bot') && !Number.isNaN(since)) {
			t.waiting.push(since, m.sent_at);
			since = NaN;
		}
	}
	if (t && !Number.isNaN(since)) t.waiting.push(since, Infinity);
	return threads;
}

/**
 * The wait rows `conflictsSql` reads: one per wait of a conversation with a customer id, [since, until) in epoch
 * ms, `until` null while the customer was still waiting at the end of the data.
 */
export function waitRows(waits: ReadonlyMap<string, ConversationWaits>): { conversation_id: string; customer: string; since: number; until: number | null }[] {
	const rows = [];
	for (const [conversation_id, t] of waits) {
		if (t.customer === null) continue;
		for (let i = 0; i < t.waiting.length; i += 2) {
			const until = t.waiting[i + 1];
			rows.push({ conversation_id, customer: t.customer, since: t.waiting[i], until: until === Infinity ? null : until });
		}
	}
	return rows;
}

/**
 * The conflicts (see the module comment) as SQL over the `commitments` table and a table of `waitRows`
 * (`waits`), $1 the end of the data (TIMESTAMP): one row per deadline and conversation where its customer was
 * waiting at the deadline, with the start of that wait, and the deadline message's `seq` in `messages`. In SQL rather
 * than in JavaScript because the rows grow with deadlines x conversations of a customer: at 1M generated messages with
 * 60 pickup points (the generator's count at every size until 8 December) that was 17.1 million rows, more than the
 * command line's heap could hold as objects; a range join in DuckDB makes them without a copy here.
 */
export function conflictsSql(waits: string): string {
	return `SELECT d.message_id, m.seq AS message_seq, d.conversation_id, d.customer, d.due_at,
			w.conversation_id AS waiting_conversation_id, w.since AS waiting_since
		FROM commitments d JOIN messages m ON m.message_id = d.message_id JOIN ${waits} w
			ON w.customer = d.customer AND w.since <= d.due_at AND (w.until IS NULL OR d.due_at < w.until)
		WHERE d.kind = 'deadline' AND d.status <> 'open' AND d.due_at <= $1 AND w.conversation_id <> d.conversation_id`;
}
