/**
 * What the commitments page shows (issue 8): deadlines that fell while the owner was waiting elsewhere
 * (conflicts), kept and broken promises per department, and one customer's timeline across departments.
 * Times are epoch ms UTC, shown in the dataset's time zone.
 */
import type { Commitment, CommitmentStatus } from '$lib/commitments/types';

/** A deadline that fell while the same customer waited for an answer in other conversations. */
export interface ConflictRow {
	/** The message that set the deadline, its conversation and department. */
	message_id: string;
	conversation_id: string;
	department: string | null;
	customer: string | null;
	/** The words that set it ("до 15 мая включительно"). */
	phrase: string;
	due_at: number;
	/** What the export shows about the deadline (met, passed, unknown, open). */
	status: CommitmentStatus;
	/**
	 * Where the customer was waiting at `due_at`: since when, in which department; the latest wait first, at most
	 * `WAITS_LISTED` of them.
	 */
	waiting: { conversation_id: string; department: string | null; since: number }[];
	/** In how many conversations in all the customer was waiting at `due_at`. */
	waiting_total: number;
}

/**
 * The latest waits a conflict lists (the card names 3, the shared report 5). A customer can be waiting in hundreds of
 * conversations at once (at 1M generated messages 17.1M waits for 26,203 deadlines): listing them all ran out of
 * memory in the browser.
 */
export const WAITS_LISTED = 5;

/** Promises of one department (the department that made them). */
export interface PromiseShareRow {
	department: string | null;
	promises: number;
	kept: number;
	missed: number;
	open: number;
	/** kept / (kept + missed); null when none has a known outcome yet. */
	kept_share: number | null;
}

/** Deadlines one department set for owners. */
export interface DeadlineShareRow {
	department: string | null;
	deadlines: number;
	met: number;
	passed: number;
	unknown: number;
	open: number;
}

/** A span in which a customer's message had no agent/bot answer yet, in one conversation. */
export interface WaitingPeriod {
	conversation_id: string;
	department: string | null;
	from: number;
	/** The answer's time; null when none came before the end of the data. */
	to: number | null;
}

/** One customer's conversations, commitments and waiting periods, for the timeline. */
export interface CustomerTimeline {
	customer: string;
	/** Conversations of the customer in the view, first started first. */
	conversations: { conversation_id: string; department: string | null; started_at: number; ended_at: number }[];
	commitments: Commitment[];
	waiting: WaitingPeriod[];
	/** message_id of the deadlines in conflict. */
	conflicts: string[];
}

/** The commitments page for a view's filters. */
export interface CommitmentsView {
	/**
	 * Conflicts, the one whose latest wait began closest before the deadline first: an owner who had just asked and
	 * was waiting for the answer (the seed's case) comes before one whose old question was never answered.
	 */
	conflicts: ConflictRow[];
	/** Per department, most promises first. */
	promises: PromiseShareRow[];
	deadlines: DeadlineShareRow[];
	/** Missed promises and passed deadlines, latest due first (at most `BROKEN_LIMIT`). */
	broken: Commitment[];
	/** How many there are in all (the list may be cut). */
	brokenTotal: number;
	/** Customers with commitments in the view, most conflicts then most commitments first (for the timeline's choice). */
	customers: { customer: string; commitments: number; conflicts: number }[];
	/** The timeline of the chosen customer (the request's, else the first of `customers`); null when there is none. */
	timeline: CustomerTimeline | null;
	/** The end of the data (latest message), epoch ms: what `open` is measured against. */
	dataEnd: number | null;
}

/** How many broken commitments the page lists at most. */
export const BROKEN_LIMIT = 200;
