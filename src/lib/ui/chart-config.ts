import type { ActiveElement, Chart, ChartConfiguration, ChartEvent, Plugin, Scale, TooltipItem } from 'chart.js';

/** One series of a chart: a value per category, null where there is none. */
export interface ChartSeries {
	/** Legend and tooltip name ("Median"). */
	label: string;
	values: (number | null)[];
	/** CSS colour of the bars or line (and of the legend). */
	color: string;
	/** A colour per value, when the bars of one series mean different things (fast vs slow buckets). */
	colors?: string[];
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
	/** The series stacked into one bar per category (parts of a whole). */
	stacked?: boolean;
	/**
	 * The series drawn over each other in one slot, the first narrower and in front: a median bar inside the lighter
	 * bar of its 90th percentile reads as "typical, and how bad it gets" in one row.
	 */
	overlay?: boolean;
	/** A logarithmic duration axis, ticks at whole minutes, hours and days: for times from minutes to weeks in one chart. */
	logarithmic?: boolean;
	/** Tooltip titles per category, fuller than the axis labels (a department beside an agent's name). */
	tooltipTitles?: string[];
}

/** The element of a chart a person clicked: the category (`index`) and the series. */
export interface ChartPick {
	index: number;
	series: number;
}

/** Colours for series, in order (colour-blind-safe blue and orange first). */
export const SERIES_COLORS = ['#2563eb', '#ea580c', '#0d9488', '#7c3aed'] as const;

/**
 * Colours for many series (one line per department), distinct on white; they repeat after ten. The cyan comes last:
 * beside the teal it was hard to tell apart, and seven departments (the demo's) stop before it.
 */
export const CATEGORY_COLORS = ['#2563eb', '#ea580c', '#0d9488', '#7c3aed', '#db2777', '#65a30d', '#a16207', '#475569', '#dc2626', '#0891b2'] as const;

/** The `index`-th category colour. */
export function categoryColor(index: number): string {
	return CATEGORY_COLORS[index % CATEGORY_COLORS.length];
}

/** A `#rrggbb` colour at `alpha` (0..1) opacity, for the lighter bar behind another. */
export function withAlpha(color: string, alpha: number): string {
	const hex = Math.round(Math.min(1, Math.max(0, alpha)) * 255).toString(16).padStart(2, '0');
	return /^#[0-9a-f]{6}$/i.test(color) ? `${color}${hex}` : color;
}

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

function datasetsOf(spec: ChartSpec) {
	const line = spec.type === 'line';
	return spec.series.map((series, s) => {
		// In an overlay the first series is in front (drawn last) and narrower, inside the second one's bar.
		const front = spec.overlay && s === 0;
		return {
			label: series.label,
			// A zero is drawn as no bar: minBarLength below would otherwise show it as a sliver.
			data: series.values.map((value) => (value === 0 && !line ? null : value)),
			backgroundColor: line ? series.color : (series.colors ?? series.color),
			borderColor: series.color,
			borderWidth: line ? 2 : 0,
			pointRadius: line ? 3 : undefined,
			pointHoverRadius: line ? 5 : undefined,
			// Straight segments (no smoothing): a curve would suggest values between weeks that were never measured.
			tension: 0,
			fill: line ? false : undefined,
			// A week without conversations of a department is a gap in the data, not a fall to zero: join across it.
			spanGaps: line ? true : undefined,
			maxBarThickness: 28,
			// A median of a minute next to a p90 of days would otherwise be an invisible bar.
			minBarLength: line ? undefined : 2,
			grouped: spec.overlay ? false : undefined,
			barPercentage: spec.overlay ? (front ? 0.45 : 0.9) : undefined,
			order: spec.overlay ? s : undefined
		};
	});
}

/** The smallest and largest values of all series (nulls left out), or null when there are none. */
export function valueRange(series: readonly ChartSeries[]): { min: number; max: number } | null {
	const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
	return values.length ? { min: Math.min(...values), max: Math.max(...values) } : null;
}

/** Whether durations from `min` to `max` are too far apart to read on a straight axis (a minute next to a week). */
export function needsLogScale(range: { min: number; max: number } | null, ratio = 50): boolean {
	return range !== null && range.min > 0 && range.max / range.min > ratio;
}

/**
 * Maps a click to the element under it: the nearest point of a line chart (each line is a department), or the
 * category of a bar chart (anywhere in its band) with the first series that has a bar there.
 */
export function pickElement(elements: readonly Pick<ActiveElement, 'index' | 'datasetIndex'>[]): ChartPick | null {
	const first = elements[0];
	return first ? { index: first.index, series: first.datasetIndex } : null;
}

/**
 * The Chart.js configuration for a spec. `title` is set but hidden: the page shows it as a heading, and the PNG
 * export switches it on so that the picture names itself. With `onPick`, clicking a bar or a point reports it.
 */
export function buildChartConfig(
	spec: ChartSpec,
	title: string,
	animate: boolean,
	onPick?: (pick: ChartPick) => void
): ChartConfiguration<'bar' | 'line'> {
	const horizontal = spec.horizontal ?? false;
	const line = spec.type === 'line';
	const categoryAxis = horizontal ? 'y' : 'x';
	const valueAxis = horizontal ? 'x' : 'y';
	const axisTitle = (text: string) => ({ display: true, text, color: TEXT_COLOR, font: { family: FONT_FAMILY, size: 13, weight: 600 as const } });
	const ticks = { color: TEXT_COLOR, font: { family: FONT_FAMILY, size: 12 } };
	const range = valueRange(spec.series);
	const logarithmic = spec.logarithmic && range !== null && range.min > 0;
	const valueOfItem = (item: TooltipItem<'bar' | 'line'>) => (horizontal ? item.parsed.x : item.parsed.y);
	return {
		type: spec.type,
		data: { labels: spec.categories, datasets: datasetsOf(spec) },
		options: {
			indexAxis: categoryAxis,
			responsive: true,
			maintainAspectRatio: false,
			animation: animate ? { duration: 300 } : false,
			interaction: { mode: 'index', intersect: false, axis: categoryAxis },
			onClick: onPick ? (event: ChartEvent, elements: ActiveElement[], chart: Chart) => {
				// A line chart has one line per department: the point nearest the click says which one.
				const found = line && event.native ? chart.getElementsAtEventForMode(event.native, 'nearest', { intersect: false }, false) : elements;
				const pick = pickElement(found);
				if (pick) onPick(pick);
			} : undefined,
			onHover: onPick ? (event: ChartEvent, elements: ActiveElement[]) => {
				const target = event.native?.target;
				if (target instanceof HTMLElement) target.style.cursor = elements.length ? 'pointer' : 'default';
			} : undefined,
			scales: {
				[categoryAxis]: {
					type: 'category',
					stacked: spec.stacked,
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
				[valueAxis]: logarithmic ? {
					type: 'logarithmic',
					title: axisTitle(spec.valueTitle),
					min: logDurationTicks(range.min, range.max)[0],
					max: logDurationTicks(range.min, range.max).at(-1),
					ticks: { ...ticks, callback: (value: string | number) => spec.formatValue(Number(value)) },
					afterBuildTicks(scale: Scale) {
						scale.ticks = logDurationTicks(range.min, range.max).map((value) => ({ value }));
					},
					grid: { color: GRID_COLOR }
				} : {
					type: 'linear',
					beginAtZero: true,
					stacked: spec.stacked,
					title: axisTitle(spec.valueTitle),
					// Durations such as "1 д 12 ч" are long: skip ticks rather than tilt them on a narrow chart.
					ticks: {
						...ticks,
						stepSize: spec.valueStep,
						precision: 0,
						maxRotation: 0,
						autoSkipPadding: 12,
						callback: (value: string | number) => spec.formatValue(Number(value))
					},
					grid: { color: GRID_COLOR }
				}
			},
			plugins: {
				title: { display: false, text: title, color: TEXT_COLOR, font: { family: FONT_FAMILY, size: 16, weight: 600 }, padding: { top: 4, bottom: 12 } },
				legend: { display: true, position: 'bottom', labels: { color: TEXT_COLOR, font: { family: FONT_FAMILY, size: 12 }, boxWidth: 14 } },
				tooltip: {
					// Lines with no value this week are left out; the slowest line first.
					filter: (item) => valueOfItem(item) !== null && valueOfItem(item) !== undefined,
					itemSort: line ? (a, b) => (valueOfItem(b) ?? 0) - (valueOfItem(a) ?? 0) : undefined,
					callbacks: {
						title: (items) => (items[0] ? (spec.tooltipTitles?.[items[0].dataIndex] ?? spec.categories[items[0].dataIndex]) : ''),
						label: (item) => `${item.dataset.label ?? ''}: ${spec.formatValue(valueOfItem(item) ?? 0)}`
					}
				}
			}
		},
		plugins: [whiteBackground as Plugin<'bar' | 'line'>]
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

/** Durations a logarithmic axis is marked at: 1, 5, 15, 30 min; 1, 2, 4, 8, 12 h; 1, 2, 4 days; 1, 2, 4 weeks. */
const LOG_DURATION_TICKS = [
	1, 10, 60, 300, 900, 1_800, 3_600, 7_200, 14_400, 28_800, 43_200, 86_400, 172_800, 345_600, 604_800, 1_209_600, 2_419_200
];

/**
 * The ticks of a logarithmic duration axis holding values from `min` to `max`: from the largest mark at or below
 * `min` to the smallest at or above `max`, at most `maxTicks` of them (every other one dropped until they fit).
 */
export function logDurationTicks(min: number, max: number, maxTicks = 8): number[] {
	const low = Math.max(0, LOG_DURATION_TICKS.findLastIndex((t) => t <= min));
	let high = LOG_DURATION_TICKS.findIndex((t) => t >= max);
	if (high === -1) high = LOG_DURATION_TICKS.length - 1;
	let ticks = LOG_DURATION_TICKS.slice(low, high + 1);
	while (ticks.length > maxTicks) {
		const last = ticks.at(-1)!;
		ticks = ticks.filter((_, i) => i % 2 === 0);
		if (ticks.at(-1) === last) continue;
		// The top tick must stay (it bounds the axis); one just below it would print on top of it ("4 d" under "7 d").
		if (ticks.at(-1)! * 3 > last) ticks.pop();
		ticks.push(last);
	}
	return ticks;
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
