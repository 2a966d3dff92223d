/**
 * Commitments of a whole dataset, each with its status as the export shows it (issue 8), nothing guessed.
 *
 * Who sets what: promises come from agent and bot messages; deadlines from agent, bot and system messages
 * (a system line "Загрузите фотоотчёт до 20 мая" is addressed to the owner); customer messages set nothing.
 *
 * Status:
 * - a promise is `kept` when the next agent or bot message of the same department in its conversation came
 *   by `due_at`; `missed` when it came later, or never came and `due_at` is not after the end of the data;
 *   `open` when none came and `due_at` is after the end of the data;
 * - a deadline is `met` when the customer's next message in its conversation came by `due_at`; `passed` when
 *   it came later; `unknown` when none came and `due_at` is not after the end of the data; `open` otherwise.
 * "By `due_at`" includes `due_at` itself. The department of a message without one is that of the previous
 * agent or bot message of the conversation (the METRICS.md handoff rule), so an unnamed reply still counts.
 * The end of the data is a parameter: the latest `sent_at` of the dataset, as the caller knows it.
 */
import { findCommitments, mayHoldCommitment } from './find-commitments';
import type { Role } from '../model';
import type { Commitment, CommitmentKind, CommitmentMessage, CommitmentStatus, FoundCommitment } from './types';

/** Whether a message of `role` can set a commitment of `kind` (promises: agent, bot; deadlines: also system). */
export function canSet(role: Role, kind: CommitmentKind): boolean {
	return role === 'agent' || role === 'bot' || (role === 'system' && kind === 'deadline');
}

/**
 * Every commitment in `messages` (ordered by conversation, then sent_at, then input order), with its status.
 * `timeZone` is the dataset's zone (days are counted on its wall clock); `dataEnd` the end of the data, epoch ms.
 */
export function commitmentsOf(messages: readonly CommitmentMessage[], timeZone: string, dataEnd: number): Commitment[] {
	const out: Commitment[] = [];
	for (let start = 0; start < messages.length; ) {
		let end = start + 1;
		while (end < messages.length && messages[end].conversation_id === messages[start].conversation_id) end++;
		addConversation(messages, start, end, timeZone, dataEnd, out);
		start = end;
	}
	return out;
}

function addConversation(
	messages: readonly CommitmentMessage[], start: number, end: number, timeZone: string, dataEnd: number, out: Commitment[]
): void {
	let customer: string | null = null;
	// Department of each message (its own, else the previous agent/bot message's); filled only when needed.
	let departments: (string | null)[] | null = null;
	for (let i = start; i < end; i++) {
		const m = messages[i];
		customer ??= m.customer;
		if (m.role === 'customer' || !mayHoldCommitment(m.text)) continue;
		const found = findCommitments(m.text, m.sent_at, timeZone).filter((c) => canSet(m.role, c.kind));
		if (found.length === 0) continue;
		departments ??= departmentsOf(messages, start, end);
		const department = departments[i - start];
		for (const c of found) {
			out.push({
				message_id: m.message_id,
				conversation_id: m.conversation_id,
				customer: m.customer ?? customer ?? firstCustomer(messages, i, end),
				department,
				kind: c.kind,
				sent_at: m.sent_at,
				due_at: c.due_at,
				status: statusOf(c, messages, i, end, departments, start, dataEnd),
				phrase: c.phrase
			});
		}
	}
}

function departmentsOf(messages: readonly CommitmentMessage[], start: number, end: number): (string | null)[] {
	const out: (string | null)[] = [];
	let last: string | null = null;
	for (let i = start; i < end; i++) {
		const m = messages[i];
		const own = m.department && m.department.trim() ? m.department : null;
		if (m.role === 'agent' || m.role === 'bot') last = own ?? last;
		out.push(m.role === 'customer' ? own : (own ?? last));
	}
	return out;
}

/** The conversation's customer when only later messages carry it. */
function firstCustomer(messages: readonly CommitmentMessage[], from: number, end: number): string | null {
	for (let i = from; i < end; i++) if (messages[i].customer) return messages[i].customer;
	return null;
}

function statusOf(
	c: FoundCommitment, messages: readonly CommitmentMessage[], at: number, end: number,
	departments: readonly (string | null)[], start: number, dataEnd: number
): CommitmentStatus {
	const department = departments[at - start];
	let next: CommitmentMessage | null = null;
	for (let j = at + 1; j < end && !next; j++) {
		const m = messages[j];
		const answers = c.kind === 'promise'
			? (m.role === 'agent' || m.role === 'bot') && departments[j - start] === department
			: m.role === 'customer';
		if (answers) next = m;
	}
	const [kept, late, none] = c.kind === 'promise' ? ['kept', 'missed', 'missed'] as const : ['met', 'passed', 'unknown'] as const;
	if (next) return next.sent_at <= c.due_at ? kept : late;
	return c.due_at <= dataEnd ? none : 'open';
}
