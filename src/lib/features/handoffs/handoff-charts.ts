import type { ChainRow, Drill, HandoffFlow, PassingRow } from '$lib/analysis/view-types';
import { formatDuration, formatNumber, formatPercent } from '$lib/format';
import { categoryColor, niceDurationStep, SERIES_COLORS, type ChartPick } from '$lib/ui/chart-config';
import type { Column } from '$lib/ui/data-table';
import type { SankeySpec } from '$lib/ui/sankey-config';
import { chainText, departmentLabel, type ChartTexts } from '../labels';
import type { DrillableChart } from '../overview/overview-charts';

/**
 * Who passes conversations to whom, as a Sankey diagram with the departments twice: on the left as the one that
 * passed a conversation on, on the right as the one that received it. Chains loop ("Техподдержка → Бренд-менеджер →
 * Техподдержка"), and a diagram of departments as single nodes would then have a cycle, which chartjs-chart-sankey
 * cannot lay out. Splitting nodes by step ("Техподдержка (1)", "(3)") would need each transfer's position in its
 * chain, which `HandoffFlow` does not carry, and gets wide for long ping-pong; the two columns show every transfer
 * exactly once, and the chains table below keeps the order. A flow's width is the number of conversations with
 * that transfer; clicking it lists them.
 */
export function handoffSankeySpec(flows: readonly HandoffFlow[], texts: ChartTexts): { spec: SankeySpec; drillOf: (pick: ChartPick) => Drill | null } {
	const kept = flows.filter((f) => f.conversations > 0 && f.from !== f.to);
	const totals = new Map<string, number>();
	for (const f of kept) {
		totals.set(f.from, (totals.get(f.from) ?? 0) + f.conversations);
		totals.set(f.to, (totals.get(f.to) ?? 0) + f.conversations);
	}
	const colours = new Map([...totals].sort((a, b) => b[1] - a[1]).map(([name], i) => [name, categoryColor(i)]));
	return {
		spec: {
			type: 'sankey',
			flows: kept.map((f) => ({ from: departmentLabel(f.from, texts), to: departmentLabel(f.to, texts), value: f.conversations })),
			fromTitle: texts.t('handoffs.sankey.from'),
			toTitle: texts.t('handoffs.sankey.to'),
			valueTitle: texts.t('handoffs.sankey.value'),
			formatValue: (v) => formatNumber(v, texts.locale, 0),
			colorOf: (name) => colours.get(name) ?? categoryColor(0)
		},
		drillOf: ({ index }) => (kept[index] ? { kind: 'flow', from: kept[index].from, to: kept[index].to } : null)
	};
}

/** The chains table: the chain (listing its conversations on click), how many, how long, and whether it ping-pongs. */
export function chainColumns(texts: ChartTexts, onPick?: (row: ChainRow) => void): Column<ChainRow>[] {
	return [
		{ id: 'chain', label: texts.t('handoffs.chains.chain'), value: (r) => chainText(r.departments, texts), action: onPick },
		{ id: 'steps', label: texts.t('handoffs.chains.handoffs'), numeric: true, value: (r) => r.departments.length - 1 },
		{ id: 'conversations', label: texts.t('handoffs.chains.conversations'), numeric: true, value: (r) => r.conversations, format: (v) => formatNumber(Number(v), texts.locale, 0) },
		{ id: 'duration', label: texts.t('handoffs.chains.duration'), numeric: true, value: (r) => r.duration_median_s, format: (v) => formatDuration(v === null ? null : Number(v), texts.locale) },
		{
			id: 'ping-pong',
			label: texts.t('handoffs.chains.pingPong'),
			numeric: true,
			value: (r) => r.ping_pong_share,
			// A chain either returns to a department or does not; a mixed list (a share) is written as a percentage.
			format: (v) => (v === 1 ? texts.t('handoffs.chains.yes') : v === 0 ? texts.t('handoffs.chains.no') : formatPercent(Number(v), texts.locale, 0))
		}
	];
}

/** Per department, the conversations it passed on and those it answered to the end, stacked; most cases first. */
export function passingSpec(passing: readonly PassingRow[], texts: ChartTexts): DrillableChart {
	const rows = [...passing].sort((a, b) => b.cases - a.cases);
	return {
		spec: {
			type: 'bar',
			horizontal: true,
			stacked: true,
			categories: rows.map((r) => departmentLabel(r.department, texts)),
			series: [
				{ label: texts.t('handoffs.passing.answered'), values: rows.map((r) => r.answered_itself), color: SERIES_COLORS[0] },
				{ label: texts.t('handoffs.passing.passed'), values: rows.map((r) => r.passed_on), color: SERIES_COLORS[1] }
			],
			categoryTitle: texts.t('handoffs.axisDepartment'),
			valueTitle: texts.t('handoffs.passing.axisX'),
			formatValue: (v) => formatNumber(v, texts.locale, 0)
		},
		drillOf: ({ index }) => (rows[index] ? { kind: 'department', department: rows[index].department } : null)
	};
}

/** How long a conversation waited in each department before the department's first reply there; longest first. */
export function waitSpec(passing: readonly PassingRow[], texts: ChartTexts): DrillableChart {
	const rows = passing.filter((r) => r.wait_median_s !== null).sort((a, b) => b.wait_median_s! - a.wait_median_s!);
	const largest = Math.max(0, ...rows.map((r) => r.wait_median_s ?? 0));
	return {
		spec: {
			type: 'bar',
			horizontal: true,
			categories: rows.map((r) => departmentLabel(r.department, texts)),
			series: [{ label: texts.t('handoffs.wait.series'), values: rows.map((r) => r.wait_median_s), color: SERIES_COLORS[3] }],
			categoryTitle: texts.t('handoffs.axisDepartment'),
			valueTitle: texts.t('handoffs.wait.axisX'),
			formatValue: (v) => formatDuration(v, texts.locale),
			valueStep: niceDurationStep(largest)
		},
		drillOf: ({ index }) => (rows[index] ? { kind: 'department', department: rows[index].department } : null)
	};
}
