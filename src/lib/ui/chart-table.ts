import type { ChartPick, ChartSpec } from './chart-config';
import type { Column } from './data-table';
import type { SankeySpec } from './sankey-config';

/** A row of a chart's table: the category (or flow) it stands for. */
export interface ChartTableRow {
	index: number;
}

/**
 * The numbers of a chart as table columns, for the "Table" toggle: a category column and one per series (a bar or
 * line chart), or from / to / value (a Sankey diagram). With `onPick`, the first cell of a row lists the same
 * conversations a click on the chart would, so the drill-down also works from the keyboard.
 */
export function chartTableColumns(spec: ChartSpec | SankeySpec, onPick?: (pick: ChartPick) => void): Column<ChartTableRow>[] {
	const action = onPick ? (row: ChartTableRow) => onPick({ index: row.index, series: 0 }) : undefined;
	if (spec.type === 'sankey') {
		return [
			{ id: 'from', label: spec.fromTitle, value: (r) => spec.flows[r.index].from, action },
			{ id: 'to', label: spec.toTitle, value: (r) => spec.flows[r.index].to },
			{ id: 'value', label: spec.valueTitle, numeric: true, value: (r) => spec.flows[r.index].value, format: (v) => spec.formatValue(Number(v)) }
		];
	}
	return [
		// Sorting by the category keeps the chart's own order (days in time order), not the alphabet.
		{ id: 'category', label: spec.categoryTitle, value: (r) => r.index, format: (_, r) => spec.categories[r.index], action },
		...spec.series.map((series, s) => ({
			id: `series-${s}`,
			label: series.label,
			numeric: true,
			value: (r: ChartTableRow) => series.values[r.index] ?? null,
			format: (v: number | string | null) => (v === null ? '—' : spec.formatValue(Number(v)))
		}))
	];
}

/** One row per category (or flow). */
export function chartTableRows(spec: ChartSpec | SankeySpec): ChartTableRow[] {
	const count = spec.type === 'sankey' ? spec.flows.length : spec.categories.length;
	return Array.from({ length: count }, (_, index) => ({ index }));
}
