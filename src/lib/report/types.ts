import type { InputSummary, Summary } from '$lib/engine/protocol';
import type { CommitmentKind, CommitmentStatus } from '$lib/commitments/types';
import type { Role } from '$lib/model';

/** The report JSON, version 1 (shared/design/REPORT-SCHEMA.md). Fields of analyses not built yet are absent. */
export interface Report {
	schema: 'replyscope.report/1';
	/** ISO 8601 with the dataset zone's offset. */
	generated_at: string;
	/** IANA zone the dataset was read in. */
	time_zone: string;
	input: ReportInput;
	summary: Summary;
	departments: ReportDepartment[];
	conversations: ConversationFigures[];
	messages: ReportMessage[];
	templates: ReportTemplate[];
	commitments: ReportCommitment[];
	conflicts: ReportConflict[];
}

/** `input` as the schema has it (the app's InputSummary without its app-only fields). */
export type ReportInput = Omit<InputSummary, 'time_zone' | 'imported_at'>;

/** Per department (the effective department of agent/bot messages; null = none in the data). */
export interface DepartmentFigures {
	department: string | null;
	/** Conversations in which this department sent an agent/bot message. */
	conversations: number;
	/** Agent and bot messages of this department. */
	agent_messages: number;
	/** Over conversations whose first response came from this department. */
	first_response_median_s: number | null;
	first_response_p90_s: number | null;
	/** Over `response_s` of this department's agent/bot messages. */
	reply_median_s: number | null;
	reply_p90_s: number | null;
}

/** A department of the report: its figures and its text-flag shares. */
export interface ReportDepartment extends DepartmentFigures {
	/** Share of this department's agent/bot messages that use a template. */
	templated_share: number | null;
	/** Share of its judged agent/bot messages (off_topic not null) flagged off-topic; null when none was judged. */
	off_topic_share: number | null;
	/** Of its promises whose outcome is known (kept or missed), the share kept; null when there is none. */
	promises_kept_share: number | null;
}

/** Per conversation (METRICS.md "Response times" and "Handoffs"). */
export interface ConversationFigures {
	conversation_id: string;
	/** Departments of its agent/bot messages in order, consecutive repeats collapsed. */
	departments: string[];
	handoffs: number;
	first_response_s: number | null;
	first_human_response_s: number | null;
	duration_s: number;
}

/** Per loaded message. */
export interface MessageFigures {
	message_id: string;
	conversation_id: string;
	role: Role;
	/** Effective department for agent/bot messages, the data's department otherwise. */
	department: string | null;
	/** Agent/bot messages only (METRICS.md); null otherwise. */
	response_s: number | null;
}

/** A message of the report: its figures and its text flags (null for customer and system messages). */
export interface ReportMessage extends MessageFigures {
	/** Template used by this agent/bot message (`templates[].template_id`). */
	template_id: string | null;
	/** True when the reply does not address the customer's text; null when not judged. */
	off_topic: boolean | null;
	/** Score in [0, 1] against the customer's text before the reply; null when there is none to compare. */
	relevance: number | null;
}

/** A canned reply: agent/bot texts the same up to names, numbers and a few words, in 3+ conversations. */
export interface ReportTemplate {
	template_id: string;
	/** Replies that use it. */
	messages: number;
	/** Distinct conversations it is used in. */
	conversations: number;
	/** Its most frequent variant, as written. */
	text: string;
	/** Effective departments of the replies, sorted. */
	departments: string[];
	/** Distinct authors who sent it. */
	authors: number;
	/** Roles that sent it, sorted. */
	roles: string[];
}

/** A promise support made or a deadline it set for the owner (issue 8; statuses in commitments/commitment-status.ts). */
export interface ReportCommitment {
	message_id: string;
	conversation_id: string;
	kind: CommitmentKind;
	/** The message's department (or the previous agent/bot message's when it has none). */
	department: string | null;
	/** ISO 8601 with the dataset zone's offset. */
	due_at: string;
	status: CommitmentStatus;
	/** The words that set the time, as written. */
	phrase: string;
}

/** A deadline that fell while the customer was waiting for an answer in other conversations. */
export interface ReportConflict {
	message_id: string;
	conversation_id: string;
	waiting_conversation_ids: string[];
}
