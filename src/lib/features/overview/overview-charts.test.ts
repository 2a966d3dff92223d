import { describe, expect, it } from 'vitest';
import type { DepartmentRow, WeeklyPoint } from '$lib/analysis/view-types';
import { en } from '$lib/i18n/messages.en';
import { ru } from '$lib/i18n/messages.ru';
import { translate } from '$lib/i18n/translate';
import {
	barChartHeight,
	conversationsPerDepartmentSpec,
	fillDays,
	fillWeeks,
	firstResponseSpec,
	messagesPerDaySpec,
	replyBucketsSpec,
	weeklyTrendSpec,
	type ChartTexts
} from './overview-charts';

const ruTexts: ChartTexts = { locale: 'ru', t: (key, params) => translate(ru[key], 'ru', params) };
const enTexts: ChartTexts = { locale: 'en', t: (key, params) => translate(en[key], 'en', params) };

const days = [
	{ day: '2024-05-10', messages: 5 },
	{ day: '2024-05-13', messages: 7 }
];

const department = (name: string | null, conversations: number, median: number | null, p90: number | null): DepartmentRow => ({
	department: name,
	conversations,
	agent_messages: conversations * 2,
	first_response_median_s: median,
	first_response_p90_s: p90,
	reply_median_s: median,
	reply_p90_s: p90,
	within_target_share: 0.5
});
const departments = [department('Техподдержка', 3, 600, 1_800), department('Бренд-менеджер', 1, 7 * 86_400, 7 * 86_400), department(null, 2, null, null)];

describe('fillDays', () => {
	it('adds the days without messages as zero', () => {
		expect(fillDays(days).map((d) => [d.day, d.messages])).toEqual([
			['2024-05-10', 5],
			['2024-05-11', 0],
			['2024-05-12', 0],
			['2024-05-13', 7]
		]);
	});
	it('crosses a month end', () => {
		expect(fillDays([{ day: '2024-02-28', messages: 1 }, { day: '2024-03-01', messages: 1 }]).map((d) => d.day)).toEqual([
			'2024-02-28',
			'2024-02-29',
			'2024-03-01'
		]);
	});
	it('is empty for no days', () => {
		expect(fillDays([])).toEqual([]);
	});
});

describe('fillWeeks', () => {
	it('adds the missing Mondays, across the change to summer time', () => {
		expect(fillWeeks(['2024-04-08', '2024-03-25'])).toEqual(['2024-03-25', '2024-04-01', '2024-04-08']);
	});
});

describe('messagesPerDaySpec', () => {
	it('labels days in the UI language', () => {
		expect(messagesPerDaySpec(days, ruTexts).spec.categories[0]).toBe('10 мая');
		expect(messagesPerDaySpec(days, enTexts).spec.categories[0]).toBe('10 May');
	});
	it('draws bars for a short period, with titled axes', () => {
		const { spec } = messagesPerDaySpec(days, ruTexts);
		expect(spec.type).toBe('bar');
		expect(spec.categoryTitle).toBe('День');
		expect(spec.valueTitle).toBe('Сообщений, шт.');
	});
	it('draws a line for a long period', () => {
		expect(messagesPerDaySpec([{ day: '2024-01-01', messages: 1 }, { day: '2024-06-01', messages: 1 }], enTexts).spec.type).toBe('line');
	});
	it('adds the year when the period spans two years', () => {
		const { spec } = messagesPerDaySpec([{ day: '2023-12-31', messages: 1 }, { day: '2024-01-01', messages: 1 }], enTexts);
		expect(spec.categories).toEqual(['31 Dec 2023', '1 Jan 2024']);
	});
	it('lists the conversations of a clicked day, a filled-in day included', () => {
		expect(messagesPerDaySpec(days, ruTexts).drillOf({ index: 1, series: 0 })).toEqual({ kind: 'day', day: '2024-05-11' });
	});
});

describe('conversationsPerDepartmentSpec', () => {
	it('puts the busiest first and names the empty department', () => {
		expect(conversationsPerDepartmentSpec(departments, ruTexts).spec.categories).toEqual(['Техподдержка', '(отдел не указан)', 'Бренд-менеджер']);
	});
	it('writes counts with thousands separators', () => {
		expect(conversationsPerDepartmentSpec(departments, ruTexts).spec.formatValue(12_000)).toBe('12\u00a0000');
	});
	it('drills into the clicked department, the empty one as null', () => {
		expect(conversationsPerDepartmentSpec(departments, ruTexts).drillOf({ index: 1, series: 0 })).toEqual({ kind: 'department', department: null });
	});
});

describe('firstResponseSpec', () => {
	it('puts the slowest median first, with the 90th percentile beside it, and leaves out departments without one', () => {
		const { spec } = firstResponseSpec(departments, ruTexts);
		expect(spec.categories).toEqual(['Бренд-менеджер', 'Техподдержка']);
		expect(spec.series.map((s) => s.values)).toEqual([
			[7 * 86_400, 600],
			[7 * 86_400, 1_800]
		]);
	});
	it('formats the value axis as durations and titles it "время ответа"', () => {
		const { spec } = firstResponseSpec(departments, ruTexts);
		expect(spec.formatValue(4 * 3_600 + 600)).toBe('4 ч 10 мин');
		expect(spec.valueTitle).toBe('время ответа');
		expect(firstResponseSpec(departments, enTexts).spec.valueTitle).toBe('response time');
	});
	it('steps the axis by whole days for a week-long maximum', () => {
		expect(firstResponseSpec(departments, enTexts).spec.valueStep! % 86_400).toBe(0);
	});
});

describe('weeklyTrendSpec', () => {
	const weekly: WeeklyPoint[] = [
		{ week: '2024-05-06', department: 'Техподдержка', conversations: 30, first_response_median_s: 300 },
		{ week: '2024-05-20', department: 'Техподдержка', conversations: 20, first_response_median_s: 600 },
		{ week: '2024-05-06', department: 'Бренд-менеджер', conversations: 2, first_response_median_s: 6 * 86_400 }
	];
	it('draws one line per department, busiest first, with a gap for a week without conversations', () => {
		const { spec } = weeklyTrendSpec(weekly, ruTexts);
		expect(spec.type).toBe('line');
		expect(spec.series.map((s) => s.label)).toEqual(['Техподдержка', 'Бренд-менеджер']);
		expect(spec.series[0].values).toEqual([300, null, 600]);
		expect(spec.categories).toEqual(['6 мая', '13 мая', '20 мая']);
	});
	it('turns the axis logarithmic when minutes and days share it, and says so', () => {
		const { spec } = weeklyTrendSpec(weekly, ruTexts);
		expect(spec.logarithmic).toBe(true);
		expect(spec.valueTitle).toMatch(/лог\. шкала/);
	});
	it('drills into the week and department of the clicked point', () => {
		expect(weeklyTrendSpec(weekly, ruTexts).drillOf({ index: 0, series: 1 })).toEqual({ kind: 'week', week: '2024-05-06', department: 'Бренд-менеджер' });
	});
	it('steps a straight axis by whole hours or days', () => {
		const { spec } = weeklyTrendSpec([{ ...weekly[0], first_response_median_s: 1_800 }, { ...weekly[2], first_response_median_s: 5 * 3_600 }], ruTexts);
		expect(spec.logarithmic).toBe(false);
		expect(spec.valueStep! % 3_600).toBe(0);
	});
	it('gives durations in the UI language', () => {
		expect(weeklyTrendSpec(weekly, enTexts).spec.formatValue(2 * 86_400 + 4 * 3_600)).toBe('2 d 4 h');
	});
});

describe('replyBucketsSpec', () => {
	it('has the seven buckets in order, zero where the engine had none', () => {
		const { spec } = replyBucketsSpec([{ bucket: '1d_3d', replies: 4 }], ruTexts);
		expect(spec.categories).toHaveLength(7);
		expect(spec.categories[0]).toBe('до 5 мин');
		expect(spec.series[0].values).toEqual([0, 0, 0, 0, 0, 4, 0]);
	});
	it('drills into the clicked bucket', () => {
		expect(replyBucketsSpec([], enTexts).drillOf({ index: 6, series: 0 })).toEqual({ kind: 'bucket', bucket: 'over_3d' });
	});
});

describe('barChartHeight', () => {
	it('grows with the number of bars', () => {
		expect(barChartHeight(20, 2)).toBeGreaterThan(barChartHeight(3, 2));
	});
});
