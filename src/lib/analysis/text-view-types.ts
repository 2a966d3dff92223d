/**
 * Result types of the text screens (templates, off-topic replies, redirects) and of one reply's flags.
 * Flags are "effective": what the detectors found minus what the user marked wrong (reply-flags.ts).
 */
import type { ReplyKind } from './text/reply-kinds';

/** A flag the user can mark wrong on one reply. */
export type FlagKind = 'template' | 'off_topic';

/** A reply the user marked as wrongly flagged; the figures then leave that flag out. */
export interface FlagMark {
	/** The agent/bot reply. */
	message_id: string;
	/** Which of its flags is wrong. */
	flag: FlagKind;
}

/** The text flags of one agent/bot reply, marks applied. */
export interface ReplyFlags {
	/** The reply. */
	message_id: string;
	/** Its template (`templates.template_id`); null when none, or when marked wrong as a template. */
	template_id: string | null;
	/** True when it does not address the customer's text; null when not judged; false when marked wrong. */
	off_topic: boolean | null;
	/** Score in [0, 1] behind `off_topic`; null when not judged. */
	relevance: number | null;
	/** Words behind the score: shared words and `question → answer` pairs. */
	matched: string[];
	/** Generic (greetings only), stalling («ожидайте») or redirect («обратитесь к …»); null for the rest. */
	reply_kind: ReplyKind | null;
	/** For redirects: the department sent to, when recognised. */
	redirect_department: string | null;
	/** The flags of this reply the user marked wrong. */
	marked: FlagKind[];
}

/** One raw text of a template and how often the view uses it. */
export interface TemplateVariant {
	/** The reply text as written. */
	text: string;
	/** Replies in the view with exactly this text. */
	uses: number;
}

/** A template as used in the view's conversations. */
export interface TemplateRow {
	/** `t1`, `t2`, ... (numbered by uses in the whole dataset). */
	template_id: string;
	/** Its most frequent variant in the whole dataset. */
	text: string;
	/** Replies in the view that use it. */
	uses: number;
	/** Conversations in the view that use it. */
	conversations: number;
	/** Effective departments of those replies, sorted. */
	departments: string[];
	/** Distinct authors of those replies. */
	agents: number;
	/** A bot sent it in the view. */
	used_by_bot: boolean;
	/** A human agent sent it in the view. */
	used_by_human: boolean;
	/** Both: a human copying the bot's text. */
	human_copies_bot: boolean;
	/** Up to 3 commonest raw texts in the view, commonest first. */
	variants: TemplateVariant[];
}

/** Templated replies of one department. */
export interface TemplateShareRow {
	/** Effective department; null for replies without one. */
	department: string | null;
	/** Its agent/bot replies in the view. */
	replies: number;
	/** Of those, replies that use a template. */
	templated: number;
	/** templated / replies. */
	templated_share: number;
}

/** Templated share of one department in the conversations started in one week. */
export interface TemplateWeekPoint extends TemplateShareRow {
	/** Monday of the week (local), 'YYYY-MM-DD'. */
	week: string;
}

/** How many replies of one department are generic, stalling or redirects. */
export interface ReplyKindRow {
	/** Effective department; null for replies without one. */
	department: string | null;
	/** Its agent/bot replies in the view. */
	replies: number;
	/** Only greetings, thanks and closings. */
	generic: number;
	/** Only asks the customer to wait. */
	stalling: number;
	/** Sends the customer to another department. */
	redirect: number;
}

/** The templates screen of a view. */
export interface TemplatesView {
	/** Templates by uses in the view, at most 100. */
	templates: TemplateRow[];
	/** Templated share per department (chosen departments only, when some are chosen). */
	departments: TemplateShareRow[];
	/** Templated share per week and department. */
	weekly: TemplateWeekPoint[];
	/** Reply kinds per department. */
	kinds: ReplyKindRow[];
}

/** One reply judged off-topic, with the customer text it was scored against. */
export interface OffTopicReply {
	/** The reply. */
	message_id: string;
	/** Its conversation. */
	conversation_id: string;
	/** Its effective department. */
	department: string | null;
	/** Who sent it. */
	author: string | null;
	/** When it was sent, epoch ms. */
	sent_at: number;
	/** Everything the customer wrote before the reply in the conversation, in order (what relevance.ts scores). */
	question: string;
	/** The reply text. */
	answer: string;
	/** Its score in [0, 1]; lower is surer off-topic. */
	relevance: number | null;
	/** Words behind the score. */
	matched: string[];
}

/** The off-topic screen of a view. */
export interface OffTopicView {
	/** Off-topic replies, surest (lowest relevance) first, at most the limit asked. */
	replies: OffTopicReply[];
	/** Off-topic replies in the view (marks applied), all of them, not just those listed. */
	total: number;
	/** Replies in the view that were judged (have a verdict). */
	judged: number;
	/** Replies in the view the user marked as not off-topic, to undo. */
	marked: OffTopicReply[];
}

/** Redirect replies from one department to another. */
export interface RedirectRow {
	/** Effective department of the redirect reply. */
	from: string | null;
	/** Department the customer was sent to; null when the reply names none («обратитесь в нужный раздел»). */
	to: string | null;
	/** Redirect replies. */
	replies: number;
	/** Conversations with such a reply. */
	conversations: number;
	/** Of those, conversations whose department list does not contain `to`: the export does not show the transfer. */
	outside_export: number;
}
