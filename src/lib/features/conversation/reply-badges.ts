import type { FlagKind, ReplyFlags } from '$lib/analysis/text-view-types';
import { formatPercent } from '$lib/format';
import { departmentLabel, type ChartTexts } from '../labels';

/** A small label on a reply in the conversation view: one of its text flags. */
export interface ReplyBadge {
	/** Unique within the reply. */
	key: string;
	kind: 'template' | 'off_topic' | 'stalling' | 'redirect' | 'generic';
	/** "Шаблон t3", "Не по теме · 12 %". */
	label: string;
	/** The template, for a link to it on the templates page. */
	templateId?: string;
	/** The flag a person can mark as wrong (templates and off-topic verdicts only). */
	mark?: FlagKind;
	/** The person marked this flag as wrong: the badge offers to undo that. */
	marked: boolean;
}

/** The badges of one reply, in a fixed order: template, off-topic, then its kind (stalling, redirect, generic). */
export function replyBadges(flags: ReplyFlags, texts: ChartTexts): ReplyBadge[] {
	const badges: ReplyBadge[] = [];
	if (flags.template_id) {
		badges.push({ key: 'template', kind: 'template', label: texts.t('flags.template', { id: flags.template_id }), templateId: flags.template_id, mark: 'template', marked: false });
	} else if (flags.marked.includes('template')) {
		badges.push({ key: 'template', kind: 'template', label: texts.t('flags.templateMarked'), mark: 'template', marked: true });
	}
	if (flags.off_topic) {
		const percent = formatPercent(flags.relevance ?? 0, texts.locale, 0);
		badges.push({ key: 'off_topic', kind: 'off_topic', label: texts.t('flags.offTopic', { percent }), mark: 'off_topic', marked: false });
	} else if (flags.marked.includes('off_topic')) {
		badges.push({ key: 'off_topic', kind: 'off_topic', label: texts.t('flags.offTopicMarked'), mark: 'off_topic', marked: true });
	}
	if (flags.reply_kind === 'stalling') badges.push({ key: 'kind', kind: 'stalling', label: texts.t('flags.stalling'), marked: false });
	if (flags.reply_kind === 'generic') badges.push({ key: 'kind', kind: 'generic', label: texts.t('flags.generic'), marked: false });
	if (flags.reply_kind === 'redirect') {
		const label = flags.redirect_department
			? texts.t('flags.redirect', { department: departmentLabel(flags.redirect_department, texts) })
			: texts.t('flags.redirectUnnamed');
		badges.push({ key: 'kind', kind: 'redirect', label, marked: false });
	}
	return badges;
}
