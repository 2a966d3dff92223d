/**
 * Commitments (issue 8): promises support makes and deadlines it sets for the owner, with what the export
 * shows about them. Pure TypeScript (no DuckDB, no DOM), so the browser worker and the command line share it.
 * The rules are documented where they are applied:
 * - find-commitments.ts: which phrases are commitments (cues.ts: the words; time-patterns.ts and
 *   time-expressions.ts: the time expressions; time-words.ts: numbers, months, weekdays);
 * - due-date.ts: the calendar (working days, dates without a year, weekdays, no public holidays);
 * - commitment-status.ts: who may set what, and kept / missed / open, met / passed / unknown / open;
 * - conflicts.ts and closing-message.ts: deadlines that fell while the customer waited elsewhere.
 */
import type { Role } from '../model';

/** `promise`: support says it will do something by a time; `deadline`: the owner is asked to act by a time. */
export type CommitmentKind = 'promise' | 'deadline';

/** Promises: `kept | missed | open`; deadlines: `met | passed | unknown | open` (commitment-status.ts). */
export type CommitmentStatus = 'kept' | 'missed' | 'open' | 'met' | 'passed' | 'unknown';

/** One commitment found in a message's text, before its status is known. */
export interface FoundCommitment {
	/** Promise by support or deadline for the owner. */
	kind: CommitmentKind;
	/** The words that set the time, as written ("до 20 мая включительно", "within 24 hours"). */
	phrase: string;
	/** When it falls due, epoch ms UTC. */
	due_at: number;
}

/** A commitment with the message it came from and its status. */
export interface Commitment {
	/** The message that made the promise or set the deadline. */
	message_id: string;
	/** Its conversation. */
	conversation_id: string;
	/** The customer (pickup point) of the message, else of its conversation; null when the export has none. */
	customer: string | null;
	/** The department of the message (or of the previous agent/bot message when it has none). */
	department: string | null;
	/** Promise or deadline. */
	kind: CommitmentKind;
	/** When the message was sent, epoch ms UTC. */
	sent_at: number;
	/** When it falls due, epoch ms UTC. */
	due_at: number;
	/** What the export shows about it. */
	status: CommitmentStatus;
	/** The words that set the time, as written. */
	phrase: string;
}

/**
 * The fields of a message commitments need. Callers pass messages ordered by conversation, then `sent_at`,
 * then input order (the `messages` table order, METRICS.md).
 */
export interface CommitmentMessage {
	/** Ticket / chat / thread. */
	conversation_id: string;
	/** Unique within the dataset. */
	message_id: string;
	/** Who wrote it. */
	role: Role;
	/** Team, section or queue; null when the export has none. */
	department: string | null;
	/** The customer's id when the export has it. */
	customer: string | null;
	/** The message body. */
	text: string;
	/** When it was sent, epoch ms UTC. */
	sent_at: number;
}
