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
import { dataEndOf } from './commitment-status';
import type { Commitment, CommitmentMessage, Conflict } from './types';

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

/** When the wait that `at` falls in began (epoch ms), or null when the customer was not waiting at `at`. */
export function waitStartAt(waiting: readonly number[], at: number): number | null {
	// Binary search for the last wait that began by `at`: waits are in time order.
	let lo = 0;
	let hi = waiting.length / 2 - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (waiting[2 * mid] <= at) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found >= 0 && at < waiting[2 * found + 1] ? waiting[2 * found] : null;
}

/** Whether the customer was waiting at `at`, given a conversation's waits. */
export function isWaitingAt(waiting: readonly number[], at: number): boolean {
	return waitStartAt(waiting, at) !== null;
}

/**
 * The deadlines among `commitments` that fell while their customer was waiting elsewhere, each naming every
 * conversation where the customer was waiting. `messages` is the dataset (ordered as for commitmentsOf);
 * `waits`, when the caller has them already, are `waitsOf(messages)`.
 */
export function findConflicts(
	commitments: readonly Commitment[], messages: readonly CommitmentMessage[], waits?: Map<string, ConversationWaits>
): Conflict[] {
	// Only deadlines that fell within the data: after its last message nobody can tell who was waiting (a deadline
	// read into next year can still be `met` by an earlier message, but its time has not come in the export).
	const dataEnd = dataEndOf(messages);
	const deadlines = commitments.filter((c) => c.kind === 'deadline' && c.status !== 'open' && c.customer !== null && c.due_at <= dataEnd);
	if (deadlines.length === 0) return [];
	const threads = waits ?? waitsOf(messages);
	const byCustomer = new Map<string, string[]>();
	for (const [id, t] of threads) {
		if (t.customer === null) continue;
		const ids = byCustomer.get(t.customer);
		if (ids) ids.push(id);
		else byCustomer.set(t.customer, [id]);
	}
	const conflicts: Conflict[] = [];
	for (const d of deadlines) {
		const waiting = (byCustomer.get(d.customer!) ?? []).filter(
			(id) => id !== d.conversation_id && isWaitingAt(threads.get(id)!.waiting, d.due_at)
		);
		if (waiting.length > 0) {
			conflicts.push({ message_id: d.message_id, conversation_id: d.conversation_id, customer: d.customer, due_at: d.due_at, waiting_conversation_ids: waiting });
		}
	}
	return conflicts;
}
