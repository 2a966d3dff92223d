import type { InputSummary, Summary } from '$lib/engine/protocol';
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
	departments: DepartmentFigures[];
	conversations: ConversationFigures[];
	messages: MessageFigures[];
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

/** Per loaded message; text flags come with the detection analysis. */
export interface MessageFigures {
	message_id: string;
	conversation_id: string;
	role: Role;
	/** Effective department for agent/bot messages, the data's department otherwise. */
	department: string | null;
	/** Agent/bot messages only (METRICS.md); null otherwise. */
	response_s: number | null;
}
