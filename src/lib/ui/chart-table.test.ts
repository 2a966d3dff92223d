import { describe, expect, it } from 'vitest';
import type { ChartSpec } from './chart-config';
import { chartTableColumns, chartTableRows } from './chart-table';
import { cellText } from './data-table';
import type { SankeySpec } from './sankey-config';

const bars: ChartSpec = {
	type: 'bar',
	categories: ['A', 'B'],
	series: [{ label: 'Медиана', values: [60, null], color: '#000000' }],
	categoryTitle: 'Отдел',
	valueTitle: 'время',
	formatValue: (v) => `${v} с`
};
const sankey: SankeySpec = {
	type: 'sankey',
	flows: [{ from: 'A', to: 'B', value: 3 }],
	fromTitle: 'Передал',
	toTitle: 'Получил',
	valueTitle: 'Обращений',
	formatValue: (v) => `${v} шт.`,
	colorOf: () => '#000000'
};

describe('chartTableColumns', () => {
	it('has a category column and one per series, a missing value as a dash', () => {
		const columns = chartTableColumns(bars);
		const rows = chartTableRows(bars);
		expect(columns.map((c) => c.label)).toEqual(['Отдел', 'Медиана']);
		expect(cellText(columns[0], rows[1])).toBe('B');
		expect(cellText(columns[1], rows[0])).toBe('60 с');
		expect(cellText(columns[1], rows[1])).toBe('—');
	});
	it('lists a Sankey diagram as from, to and value', () => {
		const columns = chartTableColumns(sankey);
		expect(columns.map((c) => c.label)).toEqual(['Передал', 'Получил', 'Обращений']);
		expect(cellText(columns[2], chartTableRows(sankey)[0])).toBe('3 шт.');
	});
	it('makes the first cell a button that picks the row when the chart is clickable', () => {
		const picks: unknown[] = [];
		const columns = chartTableColumns(bars, (p) => picks.push(p));
		columns[0].action?.({ index: 1 });
		expect(picks).toEqual([{ index: 1, series: 0 }]);
		expect(chartTableColumns(bars)[0].action).toBeUndefined();
	});
});
