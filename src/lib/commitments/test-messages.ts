/** Hand-made conversations for the commitments tests. */
import type { Role } from '../model';
import type { CommitmentMessage } from './types';

let counter = 0;

/** One message; `at` is ISO with offset. */
export function msg(
	conversation_id: string, role: Role, at: string, text: string, department: string | null = null, customer: string | null = 'PVZ-1'
): CommitmentMessage {
	return { conversation_id, message_id: `m${++counter}`, role, department, customer, text, sent_at: Date.parse(at) };
}

/** The latest `sent_at` of the messages (the end of the data computeCommitments takes), or NaN for none. */
export function dataEndOf(messages: readonly CommitmentMessage[]): number {
	let end = -Infinity;
	for (const m of messages) if (m.sent_at > end) end = m.sent_at;
	return end === -Infinity ? NaN : end;
}
