import { describe, expect, it } from 'vitest';
import type { AgentRow, BotHumanRow, DepartmentRow } from '$lib/analysis/view-types';
import { en } from '$lib/i18n/messages.en';
import { ru } from '$lib/i18n/messages.ru';
import { translate } from '$lib/i18n/translate';
import type { ChartTexts } from '../labels';
import { agentsSpec, botHumanSpec, departmentTimesSpec, overlayChartHeight } from './response-times-charts';

const ruTexts: ChartTexts = { locale: 'ru', t: (key, params) => translate(ru[key], 'ru', params) };
const enTexts: ChartTexts = { locale: 'en', t: (key, params) => translate(en[key], 'en', params) };

const agent = (author: string, median: number | null, role: AgentRow['role'] = 'agent'): AgentRow => ({
	author,
	department: 'Техподдержка',
	role,
	replies: 10,
	conversations: 5,
	reply_median_s: median,
	reply_p90_s: median === null ? null : median * 3,
	within_target_share: 0.5
});

describe('agentsSpec', () => {
	const agents = [agent('Иванова', 600), agent('Бот-помощник', 5, 'bot'), agent('Петров', 86_400), agent('Молчун', null)];
	it('puts the slowest first, leaves out authors without a timed reply and marks bots', () => {
		const { spec } = agentsSpec(agents, ruTexts);
		expect(spec.categories).toEqual(['Петров', 'Иванова', 'Бот-помощник (бот)']);
	});
	it('draws the median inside its lighter 90th percentile', () => {
		const { spec } = agentsSpec(agents, ruTexts);
		expect(spec.overlay).toBe(true);
		expect(spec.series.map((s) => s.label.split(' ')[0])).toEqual(['Медиана', '90-й']);
		expect(spec.series[1].values[0]).toBe(3 * 86_400);
	});
	it('names the department in the tooltip', () => {
		expect(agentsSpec(agents, enTexts).spec.tooltipTitles?.[0]).toBe('Петров — Техподдержка, 10 replies');
	});
	it('drills into the clicked author', () => {
		expect(agentsSpec(agents, ruTexts).drillOf({ index: 2, series: 0 })).toEqual({ kind: 'agent', author: 'Бот-помощник' });
	});
});

describe('departmentTimesSpec', () => {
	const row = (department: string | null, median: number | null): DepartmentRow => ({
		department, conversations: 1, agent_messages: 1, first_response_median_s: null, first_response_p90_s: null, reply_median_s: median, reply_p90_s: median, within_target_share: null
	});
	it('orders departments by reply median and formats durations in the UI language', () => {
		const { spec } = departmentTimesSpec([row('A', 60), row(null, 7_200)], enTexts);
		expect(spec.categories).toEqual(['(no department)', 'A']);
		expect(spec.formatValue(7_200)).toBe('2 h');
	});
});

describe('botHumanSpec', () => {
	const rows: BotHumanRow[] = [
		{ department: 'Техподдержка', conversations: 10, first_response_median_s: 9, first_human_response_median_s: 6 * 3_600 },
		{ department: 'Выплаты', conversations: 4, first_response_median_s: 1_800, first_human_response_median_s: 1_800 }
	];
	it('shows any first response beside the first human one, largest human wait first', () => {
		const { spec } = botHumanSpec(rows, ruTexts);
		expect(spec.categories).toEqual(['Техподдержка', 'Выплаты']);
		expect(spec.series.map((s) => s.values)).toEqual([[9, 1_800], [6 * 3_600, 1_800]]);
		expect(spec.overlay).toBeUndefined();
	});
});

describe('overlayChartHeight', () => {
	it('gives every agent a row', () => {
		expect(overlayChartHeight(30)).toBeGreaterThan(overlayChartHeight(5));
	});
});
