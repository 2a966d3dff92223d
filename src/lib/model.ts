/** Who wrote a message. `system` = transfers, status changes, service lines (METRICS.md). */
export type Role = 'customer' | 'agent' | 'bot' | 'system';

export const ROLES: readonly Role[] = ['customer', 'agent', 'bot', 'system'];

/**
 * One row of the canonical `messages` table (shared/design/METRICS.md), as TypeScript sees it.
 * Two fields are added to the METRICS.md ones: `seq`, the input order that breaks ties in `sent_at`, and
 * `sent_local`, the wall clock in the dataset's time zone (days, weeks and business hours are counted in it).
 */
export interface Message {
	/** Ticket / chat / thread the message belongs to. */
	conversation_id: string;
	/** Unique within the dataset; `file#row` when the export has none. */
	message_id: string;
	/** The instant it was sent, as epoch milliseconds UTC. */
	sent_at: number;
	/** Who wrote it. */
	role: Role;
	/** Agent or customer name / handle. */
	author: string | null;
	/** Team, section, queue or company account. */
	department: string | null;
	/** The customer's id (pickup point, account) when the export has it. */
	customer: string | null;
	/** The message body, as written. */
	text: string;
	/** File name and row (or JSON path) it came from. */
	source: string;
	/** Input order across all files of the import (0-based); ties in `sent_at` are broken by it. */
	seq: number;
	/** The same instant as wall-clock time in the dataset's time zone, as epoch ms of that wall clock read as UTC. */
	sent_local: number;
}

/** An input row that was not loaded, with the reason a person can act on. */
export interface RejectedRow {
	/** Input file name. */
	file: string;
	/** 1-based data row (CSV: record after the header; JSON: message index) of the file. */
	row: number;
	/** One sentence: what is wrong and, where it helps, what to do. */
	reason: string;
}
