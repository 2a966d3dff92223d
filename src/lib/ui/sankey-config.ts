import type { ChartConfiguration, Plugin } from 'chart.js';
import type { SankeyDataPoint } from 'chartjs-chart-sankey';
import { whiteBackground, withAlpha, wrapLabel, type ChartPick } from './chart-config';

/** One flow of a Sankey diagram: `value` units went from `from` to `to`. */
export interface SankeyFlow {
	from: string;
	to: string;
	value: number;
}

/**
 * What a two-column Sankey diagram shows: who passed how much to whom. Every name appears twice, once in the left
 * column (what it passed on) and once in the right (what it received), so a flow never points back into its own
 * column and the diagram has no cycles, which chartjs-chart-sankey cannot lay out (it throws "Unable to place
 * nodes to columns").
 */
export interface SankeySpec {
	type: 'sankey';
	flows: SankeyFlow[];
	/** Caption over the left column ("Passed on by"). */
	fromTitle: string;
	/** Caption over the right column ("Received by"). */
	toTitle: string;
	/** Name and unit of a flow's value ("Transfers"), for tooltips and the table. */
	valueTitle: string;
	formatValue: (value: number) => string;
	/** A name's colour, the same in both columns. */
	colorOf: (name: string) => string;
}

const TEXT_COLOR = '#1f2937';
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const FROM = 'from:';
const TO = 'to:';

/** The node keys of a flow: its left and right ends. */
export function sankeyKeys(flow: Pick<SankeyFlow, 'from' | 'to'>): { from: string; to: string } {
	return { from: FROM + flow.from, to: TO + flow.to };
}

/** The name behind a node key. */
export function nodeName(key: string): string {
	return key.startsWith(FROM) ? key.slice(FROM.length) : key.startsWith(TO) ? key.slice(TO.length) : key;
}

/** Nodes of both columns, largest total first: the order the diagram stacks them from the top. */
export function nodePriority(flows: readonly SankeyFlow[]): Record<string, number> {
	const totals = new Map<string, number>();
	for (const flow of flows) {
		const keys = sankeyKeys(flow);
		totals.set(keys.from, (totals.get(keys.from) ?? 0) + flow.value);
		totals.set(keys.to, (totals.get(keys.to) ?? 0) + flow.value);
	}
	const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	return Object.fromEntries(ranked.map(([key], rank) => [key, rank]));
}

/** A node's label: long names on two lines ("Территориальный" / "менеджер"), as on the bar charts' axes. */
export function nodeLabel(name: string): string {
	const lines = wrapLabel(name);
	return Array.isArray(lines) ? lines.join('\n') : lines;
}

/**
 * Room beside the diagram for the longest label line, in pixels: labels sit outside the columns, not over the flows.
 * About 7.5 px per character of 12 px system font, plus the gap to the node.
 */
export function labelRoom(flows: readonly SankeyFlow[]): number {
	const lines = flows.flatMap((f) => [...nodeLabel(f.from).split('\n'), ...nodeLabel(f.to).split('\n')]);
	const longest = Math.max(0, ...lines.map((line) => line.length));
	return Math.min(200, Math.round(longest * 7.5 + 24));
}

/** Writes the two column captions above the columns. */
function columnCaptions(fromTitle: string, toTitle: string): Plugin<'sankey'> {
	return {
		id: 'replyscopeSankeyCaptions',
		afterDraw(chart) {
			const { ctx, chartArea } = chart;
			ctx.save();
			ctx.fillStyle = TEXT_COLOR;
			ctx.font = `600 13px ${FONT_FAMILY}`;
			ctx.textBaseline = 'bottom';
			ctx.textAlign = 'right';
			ctx.fillText(fromTitle, chartArea.left + 10, chartArea.top - 8);
			ctx.textAlign = 'left';
			ctx.fillText(toTitle, chartArea.right - 10, chartArea.top - 8);
			ctx.restore();
		}
	};
}

/** The Chart.js configuration of a Sankey spec; clicking a flow reports its index in `spec.flows`. */
export function buildSankeyConfig(
	spec: SankeySpec,
	title: string,
	animate: boolean,
	onPick?: (pick: ChartPick) => void
): ChartConfiguration<'sankey'> {
	const labels: Record<string, string> = {};
	const column: Record<string, number> = {};
	const position: Record<string, 'left' | 'right'> = {};
	for (const flow of spec.flows) {
		const keys = sankeyKeys(flow);
		labels[keys.from] = nodeLabel(flow.from);
		labels[keys.to] = nodeLabel(flow.to);
		column[keys.from] = 0;
		column[keys.to] = 1;
		position[keys.from] = 'left';
		position[keys.to] = 'right';
	}
	const data: SankeyDataPoint[] = spec.flows.map((flow) => ({ ...sankeyKeys(flow), flow: flow.value }));
	const room = labelRoom(spec.flows);
	const colorOfKey = (key: string | undefined) => withAlpha(spec.colorOf(nodeName(key ?? '')), 0.55);
	return {
		type: 'sankey',
		data: {
			datasets: [
				{
					label: spec.valueTitle,
					data,
					labels,
					column,
					priority: nodePriority(spec.flows),
					colorFrom: (ctx) => colorOfKey(ctx.raw?.from),
					colorTo: (ctx) => colorOfKey(ctx.raw?.to),
					colorMode: 'gradient',
					borderWidth: 0,
					nodeWidth: 12,
					nodePadding: 16,
					// A department with one transfer still gets a node tall enough to point at.
					nodeMinSize: 4,
					size: 'max',
					font: { family: FONT_FAMILY, size: 12 },
					color: TEXT_COLOR,
					nodeLabels: { position }
				}
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: animate ? { duration: 300 } : false,
			layout: { padding: { top: 30, bottom: 6, left: room, right: room } },
			onClick: onPick
				? (_event, elements) => {
						const first = elements[0];
						if (first) onPick({ index: first.index, series: 0 });
					}
				: undefined,
			onHover: onPick
				? (event, elements) => {
						const target = event.native?.target;
						if (target instanceof HTMLElement) target.style.cursor = elements.length ? 'pointer' : 'default';
					}
				: undefined,
			plugins: {
				title: { display: false, text: title, color: TEXT_COLOR, font: { family: FONT_FAMILY, size: 16, weight: 600 }, padding: { top: 4, bottom: 12 } },
				legend: { display: false },
				tooltip: {
					callbacks: {
						title: () => '',
						label: (item) => {
							const flow = spec.flows[item.dataIndex];
							return flow ? `${flow.from} → ${flow.to}: ${spec.formatValue(flow.value)}` : '';
						}
					}
				}
			}
		},
		plugins: [whiteBackground as Plugin<'sankey'>, columnCaptions(spec.fromTitle, spec.toTitle)]
	};
}
