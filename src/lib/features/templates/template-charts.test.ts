import { describe, expect, it } from 'vitest';
import type { ReplyKindRow, TemplatesView, TemplateWeekPoint } from '$lib/analysis/text-view-types';
import { ru } from '$lib/i18n/messages.ru';
import { translate } from '$lib/i18n/translate';
import { cellText } from '$lib/ui/data-table';
import type { ChartTexts } from '../labels';
import { departmentShareSpec, kindColumns, templateSource, templatesHeadline, weeklyShareSpec } from './template-charts';

const texts: ChartTexts = { locale: 'ru', t: (key, params) => translate(ru[key], 'ru', params) };
const view: TemplatesView = {
	templates: [],
	departments: [
		{ department: 'Техподдержка', replies: 200, templated: 50, templated_share: 0.25 },
		{ department: 'Бренд-менеджер', replies: 100, templated: 60, templated_share: 0.6 },
		{ department: null, replies: 0, templated: 0, templated_share: 0 }
	],
	weekly: [],
	kinds: []
};

describe('templatesHeadline', () => {
	it('sums the departments into one share', () => {
		expect(templatesHeadline(view)).toEqual({ replies: 300, templated: 110, share: 110 / 300, templates: 0 });
	});
	it('has no share without replies', () => {
		expect(templatesHeadline({ ...view, departments: [] }).share).toBeNull();
	});
});

describe('departmentShareSpec', () => {
	it('draws percentages, highest first, leaving out departments without replies', () => {
		const spec = departmentShareSpec(view.departments, texts);
		expect(spec.categories).toEqual(['Бренд-менеджер', 'Техподдержка']);
		expect(spec.series[0].values).toEqual([60, 25]);
		expect(spec.formatValue(25)).toBe('25\u00a0%');
	});
});

describe('weeklyShareSpec', () => {
	const point = (week: string, department: string, replies: number, share: number): TemplateWeekPoint => ({
		week, department, replies, templated: Math.round(replies * share), templated_share: share
	});
	it('fills missing weeks with gaps and puts the busiest department first', () => {
		const spec = weeklyShareSpec([point('2024-05-06', 'Выплаты', 10, 0.1), point('2024-05-20', 'Выплаты', 10, 0.3), point('2024-05-06', 'Техподдержка', 50, 0.5)], texts);
		expect(spec.categories).toHaveLength(3);
		expect(spec.series.map((s) => s.label)).toEqual(['Техподдержка', 'Выплаты']);
		expect(spec.series[1].values).toEqual([10, null, 30]);
	});
});

describe('kindColumns', () => {
	it('writes each kind with its share of the department replies', () => {
		const row: ReplyKindRow = { department: 'Выплаты', replies: 50, generic: 5, stalling: 0, redirect: 2 };
		const cell = (id: string) => cellText(kindColumns(texts).find((c) => c.id === id)!, row);
		expect(cell('generic')).toBe('5 (10\u00a0%)');
		expect(cell('stalling')).toBe('0');
	});
});

describe('templateSource', () => {
	it('calls a template used by both a bot and people a copy of the bot', () => {
		expect(templateSource({ used_by_bot: true, used_by_human: true, human_copies_bot: false })).toBe('copies');
		expect(templateSource({ used_by_bot: true, used_by_human: false, human_copies_bot: false })).toBe('bot');
		expect(templateSource({ used_by_bot: false, used_by_human: true, human_copies_bot: false })).toBe('human');
	});
});
