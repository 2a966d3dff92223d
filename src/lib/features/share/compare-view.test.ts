import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import { ru } from '$lib/i18n/messages.ru';
import type { CompareRow, Figures } from '$lib/share/compare';
import { cellText } from '$lib/ui/data-table';
import { compareColumns, compareFirstResponseSpec, GROUP_COLOR } from './compare-view';

const texts = { locale: 'ru' as const, t: (key: keyof typeof ru, params?: Record<string, string | number>) => translate(ru[key], 'ru', params) };
const figures = (first: number | null, share: number | null = 0.25): Figures => ({
	first_response_median_s: first, reply_median_s: null, templated_share: share, off_topic_share: null, handoff_share: null
});
const rows: CompareRow[] = [
	{ department: 'Техподдержка', owners: [figures(60), figures(7200)], group: figures(3630) },
	{ department: null, owners: [figures(null), null], group: figures(null) }
];

describe('compareColumns', () => {
	it('has the department, a column per owner named as they are, and the group median', () => {
		const columns = compareColumns('first_response_median_s', ['ПВЗ на Ленина', 'Владелец 2'], texts);
		expect(columns.map((c) => c.label)).toEqual(['Отдел', 'ПВЗ на Ленина', 'Владелец 2', 'Медиана группы']);
		expect(columns.map((c) => cellText(c, rows[0]))).toEqual(['Техподдержка', '1 мин', '2 ч', '1 ч 1 мин']);
		expect(cellText(columns[2], rows[1])).toBe('—');
	});

	it('writes shares as percentages', () => {
		const columns = compareColumns('templated_share', ['А', 'Б'], texts);
		expect(cellText(columns[1], rows[0])).toMatch(/^25\s%$/u);
	});
});

describe('compareFirstResponseSpec', () => {
	it('draws a series per owner and the group median, leaving out departments without a first response', () => {
		const spec = compareFirstResponseSpec(rows, ['А', 'Б'], texts);
		expect(spec.categories).toEqual(['Техподдержка']);
		expect(spec.series.map((s) => s.label)).toEqual(['А', 'Б', 'Медиана группы']);
		expect(spec.series[2]).toMatchObject({ color: GROUP_COLOR, values: [3630] });
		expect(spec.valueTitle).toBe('Время первого ответа');
		expect(spec.logarithmic).toBe(true); // a minute beside two hours
	});
});
