import type { ConversationFigures, DepartmentFigures } from '$lib/report/types';
import type { Role } from '$lib/model';

/**
 * What the user narrowed the data to. Filters select conversations: one is in the view when it started
 * (first message, dataset time zone) within [from, to], and it involves one of the chosen departments
 * (an agent/bot reply of that department), agents (a reply by that author) and customers (its customer).
 * Empty lists mean "all". Department and agent tables are further limited to the chosen departments/agents.
 */
export interface Filters {
	/** First local day included, 'YYYY-MM-DD'. */
	from?: string;
	/** Last local day included, 'YYYY-MM-DD'. */
	to?: string;
	departments?: string[];
	agents?: string[];
	customers?: string[];
}

/** Weekly opening hours in the dataset's time zone: index 0 = Monday ... 6 = Sunday; null = closed all day. */
export interface BusinessHours {
	/** [opening minute, closing minute] of the day, 0..1440, opening < closing. */
	days: ([number, number] | null)[];
}

/** Everything that changes the figures on a page. */
export interface ViewOptions {
	filters: Filters;
	/** The "answered within" target, seconds (default 3600). */
	targetS: number;
	/** When set, every duration counts only time inside these hours. */
	businessHours: BusinessHours | null;
}

/** Headline figures of the overview (figures of the filtered conversations). */
export interface Headline {
	conversations: number;
	messages: number;
	first_response_median_s: number | null;
	reply_median_s: number | null;
	/** Of the replies with a response_s, the share with response_s <= targetS; null when none. */
	within_target_share: number | null;
	/** Share of conversations with at least one handoff. */
	handoff_share: number | null;
	/** First and last message of the filtered conversations, epoch ms. */
	period: { from: number; to: number } | null;
}

/** A department row of the overview table. */
export interface DepartmentRow extends DepartmentFigures {
	within_target_share: number | null;
}

/** Per agent (author of agent/bot replies). */
export interface AgentRow {
	author: string;
	/** The department of most of this author's replies. */
	department: string | null;
	/** 'bot' when all of this author's replies are bot messages. */
	role: Extract<Role, 'agent' | 'bot'>;
	replies: number;
	conversations: number;
	reply_median_s: number | null;
	reply_p90_s: number | null;
	within_target_share: number | null;
}

/** Median first response of the conversations that started in one week (Monday, local), per department. */
export interface WeeklyPoint {
	/** Monday of the week, 'YYYY-MM-DD'. */
	week: string;
	department: string | null;
	conversations: number;
	first_response_median_s: number;
}

/** Reply-time buckets, in this order. */
export const REPLY_BUCKETS = ['under_5m', '5m_30m', '30m_2h', '2h_8h', '8h_24h', '1d_3d', 'over_3d'] as const;
export type ReplyBucket = (typeof REPLY_BUCKETS)[number];

/** How many replies took how long. Every bucket is present (0 when empty). */
export interface BucketCount {
	bucket: ReplyBucket;
	replies: number;
}

/** Bot vs human first response per department (the department that answered first). */
export interface BotHumanRow {
	department: string | null;
	conversations: number;
	/** Median first response (any agent or bot). */
	first_response_median_s: number | null;
	/** Median first human response (agents only). */
	first_human_response_median_s: number | null;
}

/** A conversation in a list (slowest, drill-down). */
export interface ConversationRow extends ConversationFigures {
	customer: string | null;
	/** First message, epoch ms. */
	started_at: number;
	messages: number;
}

/** Transfers from one department to the next in conversations' department lists. */
export interface HandoffFlow {
	from: string;
	to: string;
	conversations: number;
	transfers: number;
}

/** A department chain (a conversation's `departments`) and how it went. */
export interface ChainRow {
	departments: string[];
	conversations: number;
	duration_median_s: number | null;
	/** Share of these conversations where a department appears twice (always 0 or 1 per chain; kept for lists of mixed chains). */
	ping_pong_share: number;
}

/** Per department: cases it was part of, how many it passed on vs answered itself, and how long cases waited in it. */
export interface PassingRow {
	department: string;
	/** Conversations in whose department list it appears. */
	cases: number;
	/** Appearances followed by another department. */
	passed_on: number;
	/** Conversations where it was the last department (it answered itself). */
	answered_itself: number;
	/** Median time from a case's arrival in the department (the customer message waiting then, or the previous department's last reply) to the department's first reply there. */
	wait_median_s: number | null;
}

/** One message of the conversation timeline. */
export interface TimelineMessage {
	message_id: string;
	sent_at: number;
	role: Role;
	author: string | null;
	/** Effective department for agent/bot messages; the data's otherwise. */
	department: string | null;
	text: string;
	response_s: number | null;
	/** This reply's department differs from the previous reply's (a handoff happened here). */
	department_changed: boolean;
}

export interface ConversationDetail {
	figures: ConversationRow;
	messages: TimelineMessage[];
}

/** What a chart element stands for, to list the conversations behind it. */
export type Drill =
	| { kind: 'department'; department: string | null }
	| { kind: 'agent'; author: string }
	| { kind: 'week'; week: string; department: string | null }
	| { kind: 'bucket'; bucket: ReplyBucket; department?: string | null }
	| { kind: 'flow'; from: string; to: string }
	| { kind: 'chain'; departments: string[] }
	| { kind: 'day'; day: string };

/** Values for the filter controls. */
export interface Facets {
	departments: string[];
	agents: string[];
	customers: string[];
	/** First and last local day with a message. */
	firstDay: string | null;
	lastDay: string | null;
}
