/**
 * Charts of the shared HTML report as inline SVG strings: no script, no font, no image, so the file opens offline
 * under a CSP of `default-src 'none'`. Every text from the data goes through `escapeHtml`. Sizes are in viewBox
 * units; the SVG scales to its box (CSS `width: 100%`), so the fonts are set large enough for a phone's width.
 */

/** Text escaped for HTML and SVG text and attribute values. */
export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Series colours: distinguishable for common colour blindness (Okabe–Ito), dark enough on white. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#777777', '#A08C00', '#332288', '#882255'];

/** Round a coordinate for a short file. */
const r = (x: number) => Math.round(x * 10) / 10;

/** Candidate ticks of the duration axis (seconds): 10 s, 1 min, 10 min, 1 h, 4 h, 1 d, 4 d, 14 d, 60 d (about evenly apart on a log scale). */
const DURATION_TICKS = [10, 60, 600, 3600, 14_400, 86_400, 345_600, 1_209_600, 5_184_000];

/** A log scale for durations over [lo, hi] seconds mapped to [0, length]; values below lo sit at 0. */
export function durationScale(values: (number | null)[], length: number) {
	const present = values.filter((v): v is number => v !== null && v > 0);
	const min = present.length ? Math.min(...present) : 60;
	const max = present.length ? Math.max(...present) : 3600;
	const lo = [...DURATION_TICKS].reverse().find((t) => t <= min) ?? DURATION_TICKS[0];
	const hi = DURATION_TICKS.find((t) => t >= max) ?? DURATION_TICKS[DURATION_TICKS.length - 1];
	const span = Math.log(hi) - Math.log(Math.max(lo, 1)) || 1;
	const at = (v: number) => Math.max(0, Math.min(length, ((Math.log(Math.max(v, lo)) - Math.log(lo)) / span) * length));
	return { at, ticks: DURATION_TICKS.filter((t) => t >= lo && t <= hi) };
}

/** Most ticks of a count axis: the step is a quarter of the maximum, so five are drawn. */
const MAX_COUNT_TICKS = 6;

/**
 * A linear scale from 0 to a round maximum over `max`. The ticks are counted, not summed up to the top: near
 * Number.MAX_VALUE the top rounds to Infinity and `t += step` would never pass it.
 */
export function countScale(max: number, length: number) {
	const step = niceStep(max / 4);
	const top = Math.max(step, Math.ceil(max / step) * step);
	const ticks: number[] = [];
	for (let i = 0; i < MAX_COUNT_TICKS && i * step <= top + step / 2; i++) ticks.push(i * step);
	return { at: (v: number) => (v / top) * length, ticks };
}

function niceStep(raw: number): number {
	if (raw <= 0) return 1;
	const power = 10 ** Math.floor(Math.log10(raw));
	const unit = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10;
	return Math.max(1, unit * power);
}

/** A titled, labelled SVG element (role="img" with a title for screen readers). */
function svg(width: number, height: number, title: string, body: string): string {
	return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${body}</svg>`;
}

/** One series of a horizontal bar chart: a value (and optional whisker to a p90) per row. */
export interface BarSeries {
	name: string;
	color: string;
	values: (number | null)[];
	whiskers?: (number | null)[];
}

export interface HBarChart {
	title: string;
	/** Row labels (already plain text; escaped here). */
	labels: string[];
	series: BarSeries[];
	/** 'duration' uses a log scale with duration ticks; 'count' a linear one. */
	scale: 'duration' | 'count';
	/** Axis tick and value text. */
	format: (v: number) => string;
}

const WIDTH = 520;
/** Label and tick sizes: the SVG is about 360 units wide on a phone (scale 0.7), so 14 shows near 10 px there. */
const FONT = 17;
const SMALL = 14;

/** Text anchor of an axis tick label at `x` in [from, to], so the first and last do not run off the edge. */
function anchorAt(x: number, from: number, to: number): string {
	return x - from < 24 ? 'start' : to - x < 24 ? 'end' : 'middle';
}

/**
 * Horizontal bars, the row's label on its own line above its bars (so long department names fit a phone),
 * one bar per series, a whisker to the p90 when given, the value in a column at the right edge.
 */
export function hBarChart(chart: HBarChart): string {
	const left = 8;
	const valueColumn = 96;
	const plot = WIDTH - left - valueColumn - 8;
	const barH = 16;
	const rowH = FONT + 8 + chart.series.length * (barH + 4) + 10;
	const all = chart.series.flatMap((s) => [...s.values, ...(s.whiskers ?? [])]);
	const scale = chart.scale === 'duration'
		? durationScale(all, plot)
		: countScale(Math.max(1, ...all.filter((v): v is number => v !== null)), plot);
	const top = 6;
	const height = top + chart.labels.length * rowH + 30;
	const parts: string[] = [];
	let lastEnd = -Infinity;
	for (const t of scale.ticks) {
		const x = r(left + scale.at(t));
		parts.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${height - 24}" stroke="#ddd"/>`);
		// A label that would touch the previous one is left out (its grid line stays).
		const label = chart.format(t);
		const anchor = anchorAt(x, left, left + plot);
		const width = label.length * SMALL * 0.6;
		const start = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
		if (start < lastEnd + 6) continue;
		lastEnd = start + width;
		parts.push(`<text x="${x}" y="${height - 8}" font-size="${SMALL}" text-anchor="${anchor}" fill="#555">${escapeHtml(label)}</text>`);
	}
	chart.labels.forEach((label, i) => {
		const y0 = top + i * rowH;
		parts.push(`<text x="${left}" y="${y0 + FONT}" font-size="${FONT}" fill="#222">${escapeHtml(label)}</text>`);
		chart.series.forEach((s, j) => {
			const v = s.values[i];
			const y = y0 + FONT + 8 + j * (barH + 4);
			if (v === null || v === undefined) {
				parts.push(`<text x="${left}" y="${y + barH - 2}" font-size="${SMALL}" fill="#777">—</text>`);
				return;
			}
			const w = Math.max(2, scale.at(v));
			parts.push(`<rect class="bar" x="${left}" y="${y}" width="${r(w)}" height="${barH}" fill="${s.color}"><title>${escapeHtml(`${s.name}: ${chart.format(v)}`)}</title></rect>`);
			const p90 = s.whiskers?.[i];
			const end = left + w;
			if (p90 !== null && p90 !== undefined && p90 > v) {
				const x2 = left + scale.at(p90);
				parts.push(`<line x1="${r(end)}" x2="${r(x2)}" y1="${y + barH / 2}" y2="${y + barH / 2}" stroke="${s.color}" stroke-width="2"/>`,
					`<line x1="${r(x2)}" x2="${r(x2)}" y1="${y + 1}" y2="${y + barH - 1}" stroke="${s.color}" stroke-width="2"/>`);
			}
			parts.push(`<text x="${WIDTH - 2}" y="${y + barH - 3}" font-size="${SMALL}" text-anchor="end" fill="#222">${escapeHtml(chart.format(v))}</text>`);
		});
	});
	return svg(WIDTH, height, chart.title, parts.join(''));
}

export interface ColumnChart {
	title: string;
	labels: string[];
	values: number[];
	color: string;
	format: (v: number) => string;
}

/** Vertical columns with a linear count axis, the count above each column. */
export function columnChart(chart: ColumnChart): string {
	const left = 50;
	const plotW = WIDTH - left - 8;
	const plotH = 200;
	const top = 22;
	const scale = countScale(Math.max(1, ...chart.values), plotH);
	const slot = plotW / Math.max(1, chart.labels.length);
	const parts: string[] = [];
	for (const t of scale.ticks) {
		const y = r(top + plotH - scale.at(t));
		parts.push(`<line x1="${left}" x2="${WIDTH - 8}" y1="${y}" y2="${y}" stroke="#ddd"/>`,
			`<text x="${left - 4}" y="${y + 4}" font-size="${SMALL}" text-anchor="end" fill="#555">${escapeHtml(chart.format(t))}</text>`);
	}
	chart.labels.forEach((label, i) => {
		const v = chart.values[i];
		const h = Math.max(v > 0 ? 1 : 0, scale.at(v));
		const x = left + i * slot + slot * 0.15;
		parts.push(`<rect class="bar" x="${r(x)}" y="${r(top + plotH - h)}" width="${r(slot * 0.7)}" height="${r(h)}" fill="${chart.color}"><title>${escapeHtml(`${label}: ${chart.format(v)}`)}</title></rect>`,
			`<text x="${r(x + slot * 0.35)}" y="${r(top + plotH - h - 4)}" font-size="${SMALL}" text-anchor="middle" fill="#333">${escapeHtml(chart.format(v))}</text>`,
			`<text x="${r(x + slot * 0.35)}" y="${top + plotH + 18}" font-size="${SMALL}" text-anchor="middle" fill="#333">${twoLines(label, r(x + slot * 0.35))}</text>`);
	});
	return svg(WIDTH, top + plotH + 46, chart.title, parts.join(''));
}

/** A short axis label on up to two lines (at its middle space), escaped, as SVG tspans. */
function twoLines(label: string, x: number): string {
	const words = label.split(' ');
	if (label.length <= 7 || words.length < 2) return escapeHtml(label);
	const half = Math.ceil(words.length / 2);
	return `<tspan x="${x}">${escapeHtml(words.slice(0, half).join(' '))}</tspan><tspan x="${x}" dy="16">${escapeHtml(words.slice(half).join(' '))}</tspan>`;
}

export interface LineChart {
	title: string;
	/** X positions, in order (weeks). */
	xLabels: string[];
	series: { name: string; color: string; values: (number | null)[] }[];
	format: (v: number) => string;
}

/** Lines over a log duration axis, one per series; a point for each value, gaps where a value is missing. */
export function lineChart(chart: LineChart): string {
	const left = 66;
	const plotW = WIDTH - left - 16;
	const plotH = 240;
	const top = 10;
	const scale = durationScale(chart.series.flatMap((s) => s.values), plotH);
	const n = chart.xLabels.length;
	const xAt = (i: number) => left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
	const parts: string[] = [];
	for (const t of scale.ticks) {
		const y = r(top + plotH - scale.at(t));
		parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y}" y2="${y}" stroke="#ddd"/>`,
			`<text x="${left - 4}" y="${y + 4}" font-size="${SMALL}" text-anchor="end" fill="#555">${escapeHtml(chart.format(t))}</text>`);
	}
	const every = Math.max(1, Math.ceil(n / 4));
	chart.xLabels.forEach((label, i) => {
		if (i % every === 0) parts.push(`<text x="${r(xAt(i))}" y="${top + plotH + 18}" font-size="${SMALL}" text-anchor="${anchorAt(xAt(i), left, left + plotW)}" fill="#555">${escapeHtml(label)}</text>`);
	});
	for (const s of chart.series) {
		let d = '';
		s.values.forEach((v, i) => {
			if (v === null) return;
			const cmd = i > 0 && s.values[i - 1] !== null ? 'L' : 'M';
			d += `${cmd}${r(xAt(i))} ${r(top + plotH - scale.at(v))}`;
		});
		if (!d) continue;
		parts.push(`<path class="line" d="${d}" fill="none" stroke="${s.color}" stroke-width="2"><title>${escapeHtml(s.name)}</title></path>`);
		s.values.forEach((v, i) => {
			if (v !== null) parts.push(`<circle cx="${r(xAt(i))}" cy="${r(top + plotH - scale.at(v))}" r="2.5" fill="${s.color}"/>`);
		});
	}
	return svg(WIDTH, top + plotH + 28, chart.title, parts.join(''));
}

/** An HTML legend for several series (HTML wraps on a phone, SVG text would not). */
export function legend(items: { name: string; color: string }[]): string {
	return `<ul class="legend">${items.map((i) => `<li><span class="swatch" style="background:${i.color}"></span>${escapeHtml(i.name)}</li>`).join('')}</ul>`;
}
