import { describe, expect, it } from 'vitest';
import type { Overview } from '$lib/engine/protocol';
import { en } from '$lib/i18n/messages.en';
import { ru } from '$lib/i18n/messages.ru';
import { translate } from '$lib/i18n/translate';
import {
	barChartHeight,
	conversationsPerDepartmentSpec,
	fillDays,
	firstResponseSpec,
	messagesPerDaySpec,
	type ChartTexts
} from './overview-charts';

const ruTexts: ChartTexts = { locale: 'ru', t: (key, params) => translate(ru[key], 'ru', params) };
const enTexts: ChartTexts = { locale: 'en', t: (key, params) => translate(en[key], 'en', params) };

const overview: Overview = {
	summary: { conversations: 3, messages: 12, first_response_median_s: 600, reply_median_s: 300 },
	messagesPerDay: [
		{ day: '2024-05-10', messages: 5 },
		{ day: '2024-05-13', messages: 7 }
	],
	conversationsPerDepartment: [
		{ department: 'Техподдержка', conversations: 3 },
		{ department: null, conversations: 1 }
	],
	firstResponseByDepartment: [
		{ department: 'Техподдержка', conversations: 2, median_s: 600, p90_s: 1_800 },
		{ department: 'Бренд-менеджер', conversations: 1, median_s: 7 * 86_400, p90_s: 7 * 86_400 }
	],
	period: { from: Date.UTC(2024, 4, 10, 6), to: Date.UTC(2024, 4, 13, 15) }
};

describe('fillDays', () => {
	it('adds the days without messages as zero', () => {
		expect(fillDays(overview.messagesPerDay).map((d) => [d.day, d.messages])).toEqual([
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

describe('messagesPerDaySpec', () => {
	it('labels days in the UI language', () => {
		expect(messagesPerDaySpec(overview, ruTexts).categories[0]).toBe('10 мая');
		expect(messagesPerDaySpec(overview, enTexts).categories[0]).toBe('10 May');
	});
	it('draws bars for a short period, with titled axes', () => {
		const spec = messagesPerDaySpec(overview, ruTexts);
		expect(spec.type).toBe('bar');
		expect(spec.categoryTitle).toBe('День');
		expect(spec.valueTitle).toBe('Сообщений, шт.');
	});
	it('draws a line for a long period', () => {
		const long = { ...overview, messagesPerDay: [{ day: '2024-01-01', messages: 1 }, { day: '2024-06-01', messages: 1 }] };
		expect(messagesPerDaySpec(long, enTexts).type).toBe('line');
	});
	it('adds the year when the period spans two years', () => {
		const spec = messagesPerDaySpec({ ...overview, messagesPerDay: [{ day: '2023-12-31', messages: 1 }, { day: '2024-01-01', messages: 1 }] }, enTexts);
		expect(spec.categories).toEqual(['31 Dec 2023', '1 Jan 2024']);
	});
});

describe('conversationsPerDepartmentSpec', () => {
	it('names the empty department', () => {
		expect(conversationsPerDepartmentSpec(overview, ruTexts).categories).toEqual(['Техподдержка', '(отдел не указан)']);
	});
	it('writes counts with thousands separators', () => {
		expect(conversationsPerDepartmentSpec(overview, ruTexts).formatValue(12_000)).toBe('12\u00a0000');
	});
});

describe('firstResponseSpec', () => {
	it('puts the slowest median first, with the 90th percentile beside it', () => {
		const spec = firstResponseSpec(overview, ruTexts);
		expect(spec.categories).toEqual(['Бренд-менеджер', 'Техподдержка']);
		expect(spec.series.map((s) => s.values)).toEqual([
			[7 * 86_400, 600],
			[7 * 86_400, 1_800]
		]);
	});
	it('formats the value axis as durations and titles it "время ответа"', () => {
		const spec = firstResponseSpec(overview, ruTexts);
		expect(spec.formatValue(4 * 3_600 + 600)).toBe('4 ч 10 мин');
		expect(spec.valueTitle).toBe('время ответа');
		expect(firstResponseSpec(overview, enTexts).valueTitle).toBe('response time');
	});
	it('steps the axis by whole days for a week-long maximum', () => {
		expect(firstResponseSpec(overview, enTexts).valueStep! % 86_400).toBe(0);
	});
});

describe('barChartHeight', () => {
	it('grows with the number of bars', () => {
		expect(barChartHeight(20, 2)).toBeGreaterThan(barChartHeight(3, 2));
	});
});
