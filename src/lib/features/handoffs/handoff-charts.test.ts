import { describe, expect, it } from 'vitest';
import type { ChainRow, HandoffFlow, PassingRow } from '$lib/analysis/view-types';
import { ru } from '$lib/i18n/messages.ru';
import { translate } from '$lib/i18n/translate';
import { cellText } from '$lib/ui/data-table';
import type { ChartTexts } from '../labels';
import { chainColumns, handoffSankeySpec, passingSpec, waitSpec } from './handoff-charts';

const texts: ChartTexts = { locale: 'ru', t: (key, params) => translate(ru[key], 'ru', params) };

describe('handoffSankeySpec', () => {
	const flows: HandoffFlow[] = [
		{ from: 'Техподдержка', to: 'Бренд-менеджер', conversations: 12, transfers: 12 },
		{ from: 'Бренд-менеджер', to: 'Техподдержка', conversations: 5, transfers: 6 },
		{ from: 'Выплаты', to: 'Выплаты', conversations: 1, transfers: 1 }
	];
	it('keeps both directions of a ping-pong (two columns, no cycle) and drops a self-transfer', () => {
		const { spec } = handoffSankeySpec(flows, texts);
		expect(spec.flows).toEqual([
			{ from: 'Техподдержка', to: 'Бренд-менеджер', value: 12 },
			{ from: 'Бренд-менеджер', to: 'Техподдержка', value: 5 }
		]);
		expect(spec.fromTitle).toBe('Передал');
	});
	it('colours a department the same in both columns', () => {
		const { spec } = handoffSankeySpec(flows, texts);
		expect(spec.colorOf('Техподдержка')).not.toBe(spec.colorOf('Бренд-менеджер'));
	});
	it('drills into the clicked flow', () => {
		expect(handoffSankeySpec(flows, texts).drillOf({ index: 1, series: 0 })).toEqual({ kind: 'flow', from: 'Бренд-менеджер', to: 'Техподдержка' });
	});
});

describe('chainColumns', () => {
	const chain: ChainRow = { departments: ['Техподдержка', 'Бренд-менеджер', 'Техподдержка'], conversations: 7, duration_median_s: 7 * 86_400, ping_pong_share: 1 };
	const columns = chainColumns(texts);
	const cell = (id: string) => cellText(columns.find((c) => c.id === id)!, chain);
	it('writes the chain with arrows and the ping-pong as yes', () => {
		expect(cell('chain')).toBe('Техподдержка → Бренд-менеджер → Техподдержка');
		expect(cell('ping-pong')).toBe('да');
		expect(cell('steps')).toBe('2');
		expect(cell('duration')).toBe('7 дн');
	});
});

describe('passingSpec and waitSpec', () => {
	const passing: PassingRow[] = [
		{ department: 'Бренд-менеджер', cases: 10, passed_on: 2, answered_itself: 8, wait_median_s: 5 * 86_400 },
		{ department: 'Техподдержка', cases: 40, passed_on: 25, answered_itself: 15, wait_median_s: 600 },
		{ department: 'Выплаты', cases: 3, passed_on: 0, answered_itself: 3, wait_median_s: null }
	];
	it('stacks answered and passed on, most cases first', () => {
		const { spec } = passingSpec(passing, texts);
		expect(spec.stacked).toBe(true);
		expect(spec.categories[0]).toBe('Техподдержка');
		expect(spec.series.map((s) => s.values[0])).toEqual([15, 25]);
	});
	it('puts the longest wait first and leaves out departments without one', () => {
		const { spec } = waitSpec(passing, texts);
		expect(spec.categories).toEqual(['Бренд-менеджер', 'Техподдержка']);
		expect(spec.formatValue(5 * 86_400)).toBe('5 дн');
	});
});
