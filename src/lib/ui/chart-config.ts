import type { ChartConfiguration, Plugin, Scale, TooltipItem } from 'chart.js';

/** One series of a chart: a value per category, null where there is none. */
export interface ChartSeries {
	/** Legend and tooltip name ("Median"). */
	label: string;
	values: (number | null)[];
	/** CSS colour of the bars or line. */
	color: string;
}

/** What a chart shows, in the caller's words and formats; turned into a Chart.js configuration by `buildChartConfig`. */
export interface ChartSpec {
	type: 'bar' | 'line';
	/** Categories along the vertical axis (horizontal bars). */
	horizontal?: boolean;
	/** Category labels, already formatted for the UI language (long ones are wrapped on the axis, whole in tooltips). */
	categories: string[];
	series: ChartSeries[];
	/** Title of the category axis, with its unit ("Day"). */
	categoryTitle: string;
	/** Title of the value axis, with its unit ("Messages", "Response time"). */
	valueTitle: string;
	/** Formats a value for ticks, tooltips and the table ("4 h 10 min", "1 234"). */
	formatValue: (value: number) => string;
	/** Distance between value-axis ticks; Chart.js chooses when absent. */
	valueStep?: number;
}

/** Colours for series, in order (colour-blind-safe blue and orange first). */
export const SERIES_COLORS = ['#2563eb', '#ea580c', '#0d9488', '#7c3aed'] as const;

const TEXT_COLOR = '#1f2937';
const GRID_COLOR = '#e5e7eb';
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Paints a white background behind the chart, so a downloaded PNG is not transparent. */
export const whiteBackground: Plugin = {
	id: 'replyscopeBackground',
	beforeDraw(chart) {
		const { ctx, width, height } = chart;
		ctx.save();
		ctx.globalCompositeOperation = 'destination-over';
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.restore();
	}
};

function valueOf(item: TooltipItem<'bar' | 'line'>, horizontal: boolean): number {
	return (horizontal ? item.parsed.x : item.parsed.y) ?? 0;
}

/**
 * The Chart.js configuration for a spec. `title` is set but hidden: the page shows it as a heading, and the PNG
 * export switches it on so that the picture names itself.
 */
export function buildChartConfig(spec: ChartSpec, title: string, animate: boolean): ChartConfiguration<'bar' | 'line'> {
	const horizontal = spec.horizontal ?? false;
	const categoryAxis = horizontal ? 'y' : 'x';
	const valueAxis = horizontal ? 'x' : 'y';
	const axisTitle = (text: string) => ({ display: true, text, color: TEXT_COLOR, font: { family: FONT_FAMILY, size: 13, weight: 600 as const } });
	const ticks = { color: TEXT_COLOR, font: { family: FONT_FAMILY, size: 12 } };
	return {
		type: spec.type,
		data: {
			labels: spec.categories,
			datasets: spec.series.map((series) => ({
				label: series.label,
				// A zero is drawn as no bar: minBarLength below would otherwise show it as a sliver.
				data: series.values.map((value) => (value === 0 && spec.type === 'bar' ? null : value)),
				backgroundColor: spec.type === 'line' ? `${series.color}33` : series.color,
				borderColor: series.color,
				borderWidth: spec.type === 'line' ? 2 : 0,
				pointRadius: spec.type === 'line' ? 2 : undefined,
				maxBarThickness: 28,
				// A median of a minute next to a p90 of days would otherwise be an invisible bar.
				minBarLength: spec.type === 'bar' ? 2 : undefined
			}))
		},
		options: {
			indexAxis: categoryAxis,
			responsive: true,
			maintainAspectRatio: false,
			animation: animate ? { duration: 300 } : false,
			interaction: { mode: 'index', intersect: false, axis: categoryAxis },
			scales: {
				[categoryAxis]: {
					type: 'category',
					title: axisTitle(spec.categoryTitle),
					ticks: {
						...ticks,
						// Every department must be named; days may be thinned out.
						autoSkip: !horizontal,
						maxRotation: horizontal ? 0 : 45,
						callback(this: Scale, value: string | number) {
							return wrapLabel(this.getLabelForValue(Number(value)));
						}
					},
					grid: { display: false }
				},
				[valueAxis]: {
					type: 'linear',
					beginAtZero: true,
					title: axisTitle(spec.valueTitle),
					ticks: { ...ticks, stepSize: spec.valueStep, precision: 0, callback: (value: string | number) => spec.formatValue(Number(value)) },
					grid: { color: GRID_COLOR }
				}
			},
			plugins: {
				title: { display: false, text: title, color: TEXT_COLOR, font: { family: FONT_FAMILY, size: 16, weight: 600 }, padding: { top: 4, bottom: 12 } },
				legend: { display: true, position: 'bottom', labels: { color: TEXT_COLOR, font: { family: FONT_FAMILY, size: 12 }, boxWidth: 14 } },
				tooltip: {
					callbacks: {
						label: (item) => `${item.dataset.label ?? ''}: ${spec.formatValue(valueOf(item, horizontal))}`
					}
				}
			}
		},
		plugins: [whiteBackground]
	};
}

/**
 * An axis label in at most `maxLines` lines of about `lineLength` characters, broken at spaces and hyphens; the
 * last line ends with "…" when the label is longer. Chart.js draws an array as lines and cuts nothing on narrow
 * screens, where one long department name would otherwise be clipped at the left edge.
 */
export function wrapLabel(label: string, lineLength = 16, maxLines = 2): string | string[] {
	if (label.length <= lineLength) return label;
	const words = label.split(/(?<=[\s-])/u);
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		if (line && (line + word).trimEnd().length > lineLength) {
			lines.push(line.trimEnd());
			line = '';
		}
		line += word;
	}
	if (line) lines.push(line.trimEnd());
	const kept = lines.slice(0, maxLines).map((l) => (l.length > lineLength + 4 ? `${l.slice(0, lineLength + 3)}…` : l));
	if (lines.length > maxLines && !kept[maxLines - 1].endsWith('…')) kept[maxLines - 1] += '…';
	return kept.length === 1 ? kept[0] : kept;
}

const NICE_DURATION_STEPS = [
	1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 259_200,
	604_800, 1_209_600, 2_592_000
];

/**
 * A tick step for a duration axis whose largest value is `maxSeconds`: a whole number of seconds, minutes, hours or
 * days, so that ticks read "30 min, 1 h, 1 h 30 min" rather than "1 h 23 min". Aims at no more than `maxTicks` ticks.
 */
export function niceDurationStep(maxSeconds: number, maxTicks = 6): number {
	if (!Number.isFinite(maxSeconds) || maxSeconds <= 0) return 60;
	const step = NICE_DURATION_STEPS.find((s) => maxSeconds / s <= maxTicks);
	return step ?? Math.ceil(maxSeconds / maxTicks / 604_800) * 604_800;
}

/** A file name for a chart picture from its title: lower case, letters and digits joined by dashes. */
export function pictureFileName(title: string): string {
	const slug = title
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return `${slug || 'chart'}.png`;
}
