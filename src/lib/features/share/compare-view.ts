/** The comparison's table columns and chart, from the rows of compare.ts (pure, tested in Node). */
import { formatDuration, formatPercent } from '$lib/format';
import { categoryColor, needsLogScale, niceDurationStep, valueRange, type ChartSpec } from '$lib/ui/chart-config';
import type { CellValue, Column } from '$lib/ui/data-table';
import type { ComparedFigure, CompareRow } from '$lib/share/compare';
import { departmentLabel, type ChartTexts } from '../labels';

/** Colour of the group median, apart from the owners' colours. */
export const GROUP_COLOR = '#475569';

/** Formats a figure: a duration for times, a percentage for shares. */
export function figureFormat(figure: ComparedFigure, texts: ChartTexts): (value: number | null) => string {
	return figure.endsWith('_s')
		? (v) => (v === null ? '—' : formatDuration(v, texts.locale))
		: (v) => (v === null ? '—' : formatPercent(v, texts.locale));
}

/** The table of one figure: a row per department, a column per owner, then the group median. */
export function compareColumns(figure: ComparedFigure, owners: readonly string[], texts: ChartTexts): Column<CompareRow>[] {
	const format = figureFormat(figure, texts);
	const cell = (value: (row: CompareRow) => number | null, id: string, label: string): Column<CompareRow> => ({
		id, label, numeric: true, value, format: (v: CellValue) => format(typeof v === 'number' ? v : null)
	});
	return [
		{ id: 'department', label: texts.t('compare.department'), value: (r) => departmentLabel(r.department, texts) },
		...owners.map((name, i) => cell((r) => r.owners[i]?.[figure] ?? null, `owner-${i}`, name)),
		cell((r) => r.group[figure], 'group', texts.t('compare.group'))
	];
}

/**
 * Median first response per department, a bar per owner and one for the group median; departments in the rows'
 * order (busiest first), those without any first response left out; a logarithmic axis when minutes meet days.
 */
export function compareFirstResponseSpec(rows: readonly CompareRow[], owners: readonly string[], texts: ChartTexts): ChartSpec {
	const shown = rows.filter((r) => r.group.first_response_median_s !== null);
	const values = (pick: (r: CompareRow) => number | null) => shown.map(pick);
	const series = [
		...owners.map((label, i) => ({ label, color: categoryColor(i), values: values((r) => r.owners[i]?.first_response_median_s ?? null) })),
		{ label: texts.t('compare.group'), color: GROUP_COLOR, values: values((r) => r.group.first_response_median_s) }
	];
	const largest = Math.max(0, ...series.flatMap((s) => s.values).map((v) => v ?? 0));
	// A department answering in two minutes beside one taking three days: on a straight axis the fast ones vanish.
	const logarithmic = needsLogScale(valueRange(series));
	return {
		type: 'bar',
		horizontal: true,
		categories: shown.map((r) => departmentLabel(r.department, texts)),
		series,
		categoryTitle: texts.t('compare.chart.axisY'),
		valueTitle: texts.t('compare.chart.axisX'),
		formatValue: (seconds) => formatDuration(seconds, texts.locale),
		...(logarithmic ? { logarithmic } : { valueStep: niceDurationStep(largest) })
	};
}
