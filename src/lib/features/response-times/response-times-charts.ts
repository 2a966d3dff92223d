import type { AgentRow, BotHumanRow, DepartmentRow, Drill } from '$lib/analysis/view-types';
import { formatDuration } from '$lib/format';
import { niceDurationStep, SERIES_COLORS, withAlpha, type ChartSpec } from '$lib/ui/chart-config';
import { departmentLabel, type ChartTexts } from '../labels';
import type { DrillableChart } from '../overview/overview-charts';

/** Height of an overlay bar chart (one slot per category, the median inside its 90th percentile). */
export function overlayChartHeight(categories: number): number {
	return Math.max(180, 100 + categories * 28);
}

function durationAxis(texts: ChartTexts, values: (number | null)[]): Pick<ChartSpec, 'formatValue' | 'valueStep'> {
	const largest = Math.max(0, ...values.map((v) => v ?? 0));
	return { formatValue: (seconds) => formatDuration(seconds, texts.locale), valueStep: niceDurationStep(largest) };
}

/** Median and 90th percentile as one bar inside a lighter one: "half the replies were faster, nine in ten were". */
function medianAndP90(texts: ChartTexts, medians: (number | null)[], p90s: (number | null)[]): ChartSpec['series'] {
	return [
		{ label: texts.t('responseTimes.median'), values: medians, color: SERIES_COLORS[0] },
		{ label: texts.t('responseTimes.p90'), values: p90s, color: withAlpha(SERIES_COLORS[0], 0.3) }
	];
}

/** The reply time of each department (all its replies): median inside the 90th percentile, slowest median first. */
export function departmentTimesSpec(departments: readonly DepartmentRow[], texts: ChartTexts): DrillableChart {
	return replyTimesSpec(departments, texts, {
		label: (r) => departmentLabel(r.department, texts),
		axisY: texts.t('responseTimes.departments.axisY'),
		drill: (r) => ({ kind: 'department', department: r.department })
	});
}

/** An agent's name on the axis, marked when the author is a bot. */
export function agentLabel(agent: AgentRow, texts: ChartTexts): string {
	return agent.role === 'bot' ? texts.t('responseTimes.agents.bot', { author: agent.author }) : agent.author;
}

/** The reply time of each agent: median inside the 90th percentile, slowest median first; the tooltip names the department. */
export function agentsSpec(agents: readonly AgentRow[], texts: ChartTexts): DrillableChart {
	return replyTimesSpec(agents, texts, {
		label: (r) => agentLabel(r, texts),
		tooltip: (r) =>
			texts.t('responseTimes.agents.tooltip', { author: agentLabel(r, texts), department: departmentLabel(r.department, texts), replies: r.replies }),
		axisY: texts.t('responseTimes.agents.axisY'),
		drill: (r) => ({ kind: 'agent', author: r.author })
	});
}

/** How one reply-time chart names, explains and drills into its rows. */
interface ReplyTimesRows<R> {
	label: (row: R) => string;
	tooltip?: (row: R) => string;
	axisY: string;
	drill: (row: R) => Drill;
}

/** Rows with a reply median, slowest first, as median bars inside p90 bars (departments and agents alike). */
function replyTimesSpec<R extends { reply_median_s: number | null; reply_p90_s: number | null }>(
	all: readonly R[], texts: ChartTexts, rowsAre: ReplyTimesRows<R>
): DrillableChart {
	const rows = all.filter((r) => r.reply_median_s !== null).sort((a, b) => b.reply_median_s! - a.reply_median_s!);
	const series = medianAndP90(texts, rows.map((r) => r.reply_median_s), rows.map((r) => r.reply_p90_s));
	return {
		spec: {
			type: 'bar',
			horizontal: true,
			overlay: true,
			categories: rows.map(rowsAre.label),
			...(rowsAre.tooltip ? { tooltipTitles: rows.map(rowsAre.tooltip) } : {}),
			series,
			categoryTitle: rowsAre.axisY,
			valueTitle: texts.t('responseTimes.axisTime'),
			...durationAxis(texts, series.flatMap((s) => s.values))
		},
		drillOf: ({ index }) => (rows[index] ? rowsAre.drill(rows[index]) : null)
	};
}

/**
 * First response per department, any (a bot's greeting counts) beside the first human one: where they differ, a bot
 * answers at once and the customer still waits for a person. Largest human median first.
 */
export function botHumanSpec(rows: readonly BotHumanRow[], texts: ChartTexts): DrillableChart {
	const sorted = rows
		.filter((r) => r.first_response_median_s !== null || r.first_human_response_median_s !== null)
		.sort((a, b) => (b.first_human_response_median_s ?? 0) - (a.first_human_response_median_s ?? 0));
	const series = [
		{ label: texts.t('responseTimes.botHuman.any'), values: sorted.map((r) => r.first_response_median_s), color: SERIES_COLORS[2] },
		{ label: texts.t('responseTimes.botHuman.human'), values: sorted.map((r) => r.first_human_response_median_s), color: SERIES_COLORS[1] }
	];
	return {
		spec: {
			type: 'bar',
			horizontal: true,
			categories: sorted.map((r) => departmentLabel(r.department, texts)),
			series,
			categoryTitle: texts.t('responseTimes.departments.axisY'),
			valueTitle: texts.t('responseTimes.botHuman.axisX'),
			...durationAxis(texts, series.flatMap((s) => s.values))
		},
		drillOf: ({ index }) => (sorted[index] ? { kind: 'department', department: sorted[index].department } : null)
	};
}
