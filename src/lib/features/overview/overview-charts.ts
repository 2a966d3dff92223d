import type { Overview } from '$lib/engine/protocol';
import { formatDay, formatDuration, formatNumber, type LocaleCode } from '$lib/format';
import type { MessageKey } from '$lib/i18n/locale.svelte';
import type { MessageParams } from '$lib/i18n/translate';
import { niceDurationStep, SERIES_COLORS, type ChartSpec } from '$lib/ui/chart-config';

/** The UI language and its texts, as the chart builders need them. */
export interface ChartTexts {
	locale: LocaleCode;
	t: (key: MessageKey, params?: MessageParams) => string;
}

type DayPoint = Overview['messagesPerDay'][number];

const DAY_MS = 86_400_000;
/** Beyond about two months, daily bars get thinner than a pixel on a phone: draw a line instead. */
const MAX_DAYS_AS_BARS = 62;

function dayToUtc(day: string): number {
	return Date.parse(`${day}T00:00:00Z`);
}

/** Every day from the first to the last, with 0 for the days the engine omitted (no messages that day). */
export function fillDays(points: readonly DayPoint[]): DayPoint[] {
	if (points.length === 0) return [];
	const sorted = [...points].sort((a, b) => a.day.localeCompare(b.day));
	const byDay = new Map(sorted.map((p) => [p.day, p.messages]));
	const filled: DayPoint[] = [];
	for (let t = dayToUtc(sorted[0].day); t <= dayToUtc(sorted.at(-1)!.day); t += DAY_MS) {
		const day = new Date(t).toISOString().slice(0, 10);
		filled.push({ day, messages: byDay.get(day) ?? 0 });
	}
	return filled;
}

/** A department's name for charts and tables; messages without a department get a visible placeholder. */
export function departmentLabel(department: string | null, texts: ChartTexts): string {
	return department?.trim() ? department : texts.t('overview.noDepartment');
}

/** Height in pixels for a horizontal bar chart of `categories` bars (room for two bars per category when paired). */
export function barChartHeight(categories: number, seriesCount = 1): number {
	return Math.max(180, 90 + categories * (22 + 14 * seriesCount));
}

const countFormatter = (locale: LocaleCode) => (value: number) => formatNumber(value, locale, 0);

/** Messages per day, every day of the period on the axis (days in the dataset's time zone). */
export function messagesPerDaySpec(overview: Overview, texts: ChartTexts): ChartSpec {
	const days = fillDays(overview.messagesPerDay);
	const years = new Set(days.map((d) => d.day.slice(0, 4)));
	return {
		type: days.length > MAX_DAYS_AS_BARS ? 'line' : 'bar',
		categories: days.map((d) => formatDay(d.day, texts.locale, years.size > 1)),
		series: [{ label: texts.t('overview.perDay.series'), values: days.map((d) => d.messages), color: SERIES_COLORS[0] }],
		categoryTitle: texts.t('overview.perDay.axisX'),
		valueTitle: texts.t('overview.perDay.axisY'),
		formatValue: countFormatter(texts.locale)
	};
}

/** Conversations per department, most first (horizontal bars). */
export function conversationsPerDepartmentSpec(overview: Overview, texts: ChartTexts): ChartSpec {
	const rows = overview.conversationsPerDepartment;
	return {
		type: 'bar',
		horizontal: true,
		categories: rows.map((r) => departmentLabel(r.department, texts)),
		series: [{ label: texts.t('overview.perDepartment.series'), values: rows.map((r) => r.conversations), color: SERIES_COLORS[0] }],
		categoryTitle: texts.t('overview.perDepartment.axisY'),
		valueTitle: texts.t('overview.perDepartment.axisX'),
		formatValue: countFormatter(texts.locale)
	};
}

/**
 * Median first response per department with the 90th percentile beside it, slowest median first; the value axis
 * is a duration with ticks at whole minutes, hours or days.
 */
export function firstResponseSpec(overview: Overview, texts: ChartTexts): ChartSpec {
	const rows = [...overview.firstResponseByDepartment].sort((a, b) => b.median_s - a.median_s);
	const largest = Math.max(0, ...rows.map((r) => Math.max(r.median_s, r.p90_s)));
	return {
		type: 'bar',
		horizontal: true,
		categories: rows.map((r) => departmentLabel(r.department, texts)),
		series: [
			{ label: texts.t('overview.firstByDepartment.median'), values: rows.map((r) => r.median_s), color: SERIES_COLORS[0] },
			{ label: texts.t('overview.firstByDepartment.p90'), values: rows.map((r) => r.p90_s), color: SERIES_COLORS[1] }
		],
		categoryTitle: texts.t('overview.firstByDepartment.axisY'),
		valueTitle: texts.t('overview.firstByDepartment.axisX'),
		formatValue: (seconds) => formatDuration(seconds, texts.locale),
		valueStep: niceDurationStep(largest)
	};
}
