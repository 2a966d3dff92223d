import { describe, expect, it } from 'vitest';
import type { ReplyFlags } from '$lib/analysis/text-view-types';
import { ru } from '$lib/i18n/messages.ru';
import { translate } from '$lib/i18n/translate';
import type { ChartTexts } from '../labels';
import { replyBadges } from './reply-badges';

const texts: ChartTexts = { locale: 'ru', t: (key, params) => translate(ru[key], 'ru', params) };
const flags = (patch: Partial<ReplyFlags>): ReplyFlags => ({
	message_id: 'm1', template_id: null, off_topic: null, relevance: null, matched: [], reply_kind: null, redirect_department: null, marked: [], ...patch
});

describe('replyBadges', () => {
	it('has no badges for a plain reply', () => {
		expect(replyBadges(flags({ off_topic: false, relevance: 0.8 }), texts)).toEqual([]);
	});
	it('names the template and the off-topic score, both markable', () => {
		const badges = replyBadges(flags({ template_id: 't3', off_topic: true, relevance: 0.12 }), texts);
		expect(badges.map((b) => b.label)).toEqual(['Шаблон t3', 'Не по теме · 12\u00a0%']);
		expect(badges.map((b) => b.mark)).toEqual(['template', 'off_topic']);
	});
	it('names the department a redirect sends to', () => {
		expect(replyBadges(flags({ reply_kind: 'redirect', redirect_department: 'Бренд-менеджер' }), texts)[0].label).toBe('Перенаправление → Бренд-менеджер');
	});
	it('shows a flag marked wrong as such, to undo', () => {
		const [badge] = replyBadges(flags({ off_topic: false, marked: ['off_topic'] }), texts);
		expect(badge).toMatchObject({ kind: 'off_topic', marked: true, mark: 'off_topic' });
	});
	it('labels stalling and generic replies', () => {
		expect(replyBadges(flags({ reply_kind: 'stalling' }), texts)[0].label).toBe('Только ожидание');
		expect(replyBadges(flags({ reply_kind: 'generic' }), texts)[0].label).toBe('Общие фразы');
	});
});
