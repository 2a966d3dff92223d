import type { Db } from '$lib/db/types';
import type { ReportDepartment, ReportMessage, ReportTemplate } from '$lib/report/types';
import { scoreRelevance, type RelevanceConversation } from './text/relevance';
import { findTemplates, type ReplyInput } from './text/templates';

/** The text flags of one agent/bot reply (REPORT-SCHEMA.md `messages[]`); null where the analysis gives none. */
export type MessageTextFlags = Pick<ReportMessage, 'template_id' | 'off_topic' | 'relevance'>;

/** Per department: `templated_share` over its agent/bot replies, `off_topic_share` over the judged ones. */
export type DepartmentTextShares = Pick<ReportDepartment, 'templated_share' | 'off_topic_share'>;

export interface TextFlags {
	/** agent/bot message_id -> its flags; customer and system messages are absent. */
	byMessage: Map<string, MessageTextFlags>;
	/** Templates by uses, as REPORT-SCHEMA.md `templates[]`. */
	templates: ReportTemplate[];
	/** Department -> shares; departments without agent/bot replies are absent. */
	departments: Map<string | null, DepartmentTextShares>;
}

interface Row {
	conversation_id: string;
	message_id: string;
	role: string;
	author: string | null;
	department: string | null;
	text: string;
}

function round(x: number): number {
	return Math.round(x * 1000) / 1000;
}

/** Conversations with their messages, from rows ordered by conversation then (sent_at, seq). */
function groupConversations(rows: readonly Row[]): RelevanceConversation[] {
	const out: RelevanceConversation[] = [];
	let current: RelevanceConversation | undefined;
	for (const r of rows) {
		if (current?.conversation_id !== r.conversation_id) {
			current = { conversation_id: r.conversation_id, messages: [] };
			out.push(current);
		}
		current.messages.push({ message_id: r.message_id, role: r.role, text: r.text });
	}
	return out;
}

/**
 * Templates (text/templates.ts) and off-topic replies (text/relevance.ts) of the dataset in `messages`, as plain
 * maps for the report. Needs `message_metrics` (computeMetrics): replies carry their effective department.
 */
export async function computeTextFlags(db: Db): Promise<TextFlags> {
	// All messages, conversation by conversation in (sent_at, seq) order; replies are taken in input order below,
	// so template numbers break ties by first use in the input.
	const rows = await db.query<Row & { seq: number }>(`
		SELECT conversation_id, message_id, role, author,
			CASE WHEN is_reply THEN effective_department ELSE department END AS department, text, seq
		FROM message_metrics ORDER BY conversation_id, sent_at, seq`);
	const replies: ReplyInput[] = rows
		.filter((r) => r.role === 'agent' || r.role === 'bot')
		.sort((a, b) => a.seq - b.seq);

	const { byMessage: templateOf, templates } = findTemplates(replies);
	const relevance = scoreRelevance(groupConversations(rows));

	const byMessage = new Map<string, MessageTextFlags>();
	const counts = new Map<string | null, { replies: number; templated: number; judged: number; offTopic: number }>();
	for (const r of replies) {
		const score = relevance.get(r.message_id);
		const flags: MessageTextFlags = {
			template_id: templateOf.get(r.message_id) ?? null,
			off_topic: score?.off_topic ?? null,
			relevance: score?.relevance ?? null
		};
		byMessage.set(r.message_id, flags);
		let c = counts.get(r.department);
		if (!c) counts.set(r.department, (c = { replies: 0, templated: 0, judged: 0, offTopic: 0 }));
		c.replies++;
		if (flags.template_id !== null) c.templated++;
		if (flags.off_topic !== null) c.judged++;
		if (flags.off_topic === true) c.offTopic++;
	}
	const departments = new Map<string | null, DepartmentTextShares>();
	for (const [department, c] of counts) {
		departments.set(department, {
			templated_share: round(c.templated / c.replies),
			off_topic_share: c.judged > 0 ? round(c.offTopic / c.judged) : null
		});
	}
	return {
		byMessage,
		templates: templates.map(({ template_id, messages, conversations, text, departments, authors, roles }) => ({
			template_id, messages, conversations, text, departments, authors, roles
		})),
		departments
	};
}
