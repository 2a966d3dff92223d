import type { ConversationRow } from '$lib/analysis/view-types';
import { formatDateTime, formatDuration, formatNumber } from '$lib/format';
import type { Column } from '$lib/ui/data-table';
import { chainText, type ChartTexts } from '../labels';

/** How much of a conversation list fits: a full-width table, a list under a wide chart, or a half-width panel. */
export type ConversationListWidth = 'full' | 'wide' | 'narrow';

/** The columns each width leaves out, least telling first. */
const LEFT_OUT: Record<ConversationListWidth, ReadonlySet<string>> = {
	full: new Set(),
	wide: new Set(['messages']),
	narrow: new Set(['messages', 'human', 'customer', 'departments'])
};

/**
 * The columns of a list of conversations: its number (a link to its page), when it started (in the dataset's
 * zone), the customer, the departments in order, and its times; a narrower list leaves some out.
 */
export function conversationColumns(
	texts: ChartTexts,
	timeZone: string,
	hrefOf: (id: string) => string,
	width: ConversationListWidth = 'full'
): Column<ConversationRow>[] {
	const duration = (v: string | number | null) => formatDuration(v === null ? null : Number(v), texts.locale);
	const columns: Column<ConversationRow>[] = [
		{ id: 'id', label: texts.t('conversations.id'), nowrap: true, value: (r) => r.conversation_id, href: (r) => hrefOf(r.conversation_id) },
		{ id: 'started', label: texts.t('conversations.started'), nowrap: true, value: (r) => r.started_at, format: (v) => formatDateTime(Number(v), texts.locale, timeZone) },
		{ id: 'customer', label: texts.t('conversations.customer'), nowrap: true, value: (r) => r.customer, format: (v) => (v === null ? '—' : String(v)) },
		{ id: 'departments', label: texts.t('conversations.departments'), value: (r) => chainText(r.departments, texts) },
		{ id: 'first', label: texts.t('conversations.firstResponse'), numeric: true, value: (r) => r.first_response_s, format: duration },
		{ id: 'human', label: texts.t('conversations.firstHuman'), numeric: true, value: (r) => r.first_human_response_s, format: duration },
		{ id: 'duration', label: texts.t('conversations.duration'), numeric: true, value: (r) => r.duration_s, format: duration },
		{ id: 'messages', label: texts.t('conversations.messages'), numeric: true, value: (r) => r.messages, format: (v) => formatNumber(Number(v), texts.locale, 0) }
	];
	return columns.filter((c) => !LEFT_OUT[width].has(c.id));
}
