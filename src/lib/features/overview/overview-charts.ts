import { REPLY_BUCKETS, type BucketCount, type DepartmentRow, type Drill, type WeeklyPoint } from '$lib/analysis/view-types';
import type { OverviewView } from '$lib/engine/engine';
import { formatDay, formatDuration, formatNumber, type LocaleCode } from '$lib/format';
import {
	categoryColor,
	needsLogScale,
	niceDurationStep,
	SERIES_COLORS,
	valueRange,
	type ChartPick,
	type ChartSpec
} from '$lib/ui/chart-config';
import { bucketLabel, departmentLabel, type ChartTexts } from '../labels';

export { departmentLabel, type ChartTexts } from '../labels';

type DayPoint = OverviewView['messagesPerDay'][number];

/** A chart spec with what each category and series stands for, to list the conversations behind a click. */
export interface DrillableChart {
	spec: ChartSpec;
	/** The conversations behind the clicked element, or null when it stands for none. */
	drillOf: (pick: ChartPick) => Drill | null;
}

const DAY_MS = 86_400_000;
/** Beyond about two months, daily bars get thinner than a pixel on a phone: draw a line instead. */
const MAX_DAYS_AS_BARS = 62;

function dayToUtc(day: string): number {
	return Date.parse(`${day}T00:00:00Z`);
}

function utcToDay(t: number): string {
	return new Date(t).toISOString().slice(0, 10);
}

/** Every day from the first to the last, with 0 for the days the engine omitted (no messages that day). */
export function fillDays(points: readonly DayPoint[]): DayPoint[] {
	if (points.length === 0) return [];
	const sorted = [...points].sort((a, b) => a.day.localeCompare(b.day));
	const byDay = new Map(sorted.map((p) => [p.day, p.messages]));
	const filled: DayPoint[] = [];
	for (let t = dayToUtc(sorted[0].day); t <= dayToUtc(sorted.at(-1)!.day); t += DAY_MS) {
		const day = utcToDay(t);
		filled.push({ day, messages: byDay.get(day) ?? 0 });
	}
	return filled;
}

/** Every Monday from the first week to the last (weeks without conversations included, so the axis is even). */
export function fillWeeks(weeks: readonly string[]): string[] {
	if (weeks.length === 0) return [];
	const sorted = [...weeks].sort();
	const all: string[] = [];
	for (let t = dayToUtc(sorted[0]); t <= dayToUtc(sorted.at(-1)!); t += 7 * DAY_MS) all.push(utcToDay(t));
	return all;
}

/** Height in pixels for a horizontal bar chart of `categories` bars (room for two bars per category when paired). */
export function barChartHeight(categories: number, seriesCount = 1): number {
	return Math.max(180, 90 + categories * (22 + 14 * seriesCount));
}

const countFormatter = (locale: LocaleCode) => (value: number) => formatNumber(value, locale, 0);

/** Messages per day, every day of the period on the axis (days in the dataset's time zone); a click lists that day. */
export function messagesPerDaySpec(messagesPerDay: readonly DayPoint[], texts: ChartTexts): DrillableChart {
	const days = fillDays(messagesPerDay);
	const years = new Set(days.map((d) => d.day.slice(0, 4)));
	return {
		spec: {
			type: days.length > MAX_DAYS_AS_BARS ? 'line' : 'bar',
			categories: days.map((d) => formatDay(d.day, texts.locale, years.size > 1)),
			series: [{ label: texts.t('overview.perDay.series'), values: days.map((d) => d.messages), color: SERIES_COLORS[0] }],
			categoryTitle: texts.t('overview.perDay.axisX'),
			valueTitle: texts.t('overview.perDay.axisY'),
			formatValue: countFormatter(texts.locale),
			tooltipTitles: days.map((d) => formatDay(d.day, texts.locale, true))
		},
		drillOf: ({ index }) => (days[index] ? { kind: 'day', day: days[index].day } : null)
	};
}

/** Conversations per department, most first (horizontal bars). */
export function conversationsPerDepartmentSpec(departments: readonly DepartmentRow[], texts: ChartTexts): DrillableChart {
	const rows = [...departments].sort((a, b) => b.conversations - a.conversations);
	return {
		spec: {
			type: 'bar',
			horizontal: true,
			categories: rows.map((r) => departmentLabel(r.department, texts)),
			series: [{ label: texts.t('overview.perDepartment.series'), values: rows.map((r) => r.conversations), color: SERIES_COLORS[0] }],
			categoryTitle: texts.t('overview.perDepartment.axisY'),
			valueTitle: texts.t('overview.perDepartment.axisX'),
			formatValue: countFormatter(texts.locale)
		},
		drillOf: ({ index }) => (rows[index] ? { kind: 'department', department: rows[index].department } : null)
	};
}

/**
 * Median first response per department with the 90th percentile beside it, slowest median first; the value axis
 * is a duration with ticks at whole minutes, hours or days. Departments that never answered first are left out.
 */
export function firstResponseSpec(departments: readonly DepartmentRow[], texts: ChartTexts): DrillableChart {
	const rows = departments
		.filter((r) => r.first_response_median_s !== null)
		.sort((a, b) => b.first_response_median_s! - a.first_response_median_s!);
	const largest = Math.max(0, ...rows.map((r) => Math.max(r.first_response_median_s ?? 0, r.first_response_p90_s ?? 0)));
	return {
		spec: {
			type: 'bar',
			horizontal: true,
			categories: rows.map((r) => departmentLabel(r.department, texts)),
			series: [
				{ label: texts.t('overview.firstByDepartment.median'), values: rows.map((r) => r.first_response_median_s), color: SERIES_COLORS[0] },
				{ label: texts.t('overview.firstByDepartment.p90'), values: rows.map((r) => r.first_response_p90_s), color: SERIES_COLORS[1] }
			],
			categoryTitle: texts.t('overview.firstByDepartment.axisY'),
			valueTitle: texts.t('overview.firstByDepartment.axisX'),
			formatValue: (seconds) => formatDuration(seconds, texts.locale),
			valueStep: niceDurationStep(largest)
		},
		drillOf: ({ index }) => (rows[index] ? { kind: 'department', department: rows[index].department } : null)
	};
}

/**
 * The weekly median first response, one line per department (busiest department first, so the legend starts with
 * it). Weeks run Monday to Sunday; a week in which a department had no conversation is a gap the line spans. When
 * minutes and days meet on one chart the axis turns logarithmic, or the fast departments would lie flat on zero.
 */
export function weeklyTrendSpec(weekly: readonly WeeklyPoint[], texts: ChartTexts): DrillableChart {
	const weeks = fillWeeks([...new Set(weekly.map((p) => p.week))]);
	const totals = new Map<string | null, number>();
	for (const p of weekly) totals.set(p.department, (totals.get(p.department) ?? 0) + p.conversations);
	const departments = [...totals].sort((a, b) => b[1] - a[1]).map(([department]) => department);
	const byKey = new Map(weekly.map((p) => [`${p.department}\u0000${p.week}`, p.first_response_median_s]));
	const series = departments.map((department, i) => ({
		label: departmentLabel(department, texts),
		values: weeks.map((week) => byKey.get(`${department}\u0000${week}`) ?? null),
		color: categoryColor(i)
	}));
	const years = new Set(weeks.map((w) => w.slice(0, 4)));
	const logarithmic = needsLogScale(valueRange(series));
	return {
		spec: {
			type: 'line',
			categories: weeks.map((w) => formatDay(w, texts.locale, years.size > 1)),
			series,
			categoryTitle: texts.t('overview.weekly.axisX'),
			valueTitle: texts.t(logarithmic ? 'overview.weekly.axisYLog' : 'overview.weekly.axisY'),
			formatValue: (seconds) => formatDuration(seconds, texts.locale),
			logarithmic,
			valueStep: logarithmic ? undefined : niceDurationStep(valueRange(series)?.max ?? 0),
			tooltipTitles: weeks.map((w) => texts.t('overview.weekly.tooltipTitle', { week: formatDay(w, texts.locale, true) }))
		},
		drillOf: ({ index, series: s }) =>
			weeks[index] && s < departments.length ? { kind: 'week', week: weeks[index], department: departments[s] } : null
	};
}

/** From fast to slow: teal to dark red, so the slow buckets stand out. */
const BUCKET_COLORS = ['#0f766e', '#14b8a6', '#84cc16', '#eab308', '#f97316', '#dc2626', '#7f1d1d'];

/** How many replies took how long, in the seven buckets from "under 5 min" to "over 3 days". */
export function replyBucketsSpec(buckets: readonly BucketCount[], texts: ChartTexts): DrillableChart {
	const counts = new Map(buckets.map((b) => [b.bucket, b.replies]));
	return {
		spec: {
			type: 'bar',
			categories: REPLY_BUCKETS.map((b) => bucketLabel(b, texts)),
			series: [
				{ label: texts.t('overview.buckets.series'), values: REPLY_BUCKETS.map((b) => counts.get(b) ?? 0), color: SERIES_COLORS[0], colors: BUCKET_COLORS }
			],
			categoryTitle: texts.t('overview.buckets.axisX'),
			valueTitle: texts.t('overview.buckets.axisY'),
			formatValue: countFormatter(texts.locale)
		},
		drillOf: ({ index }) => (REPLY_BUCKETS[index] ? { kind: 'bucket', bucket: REPLY_BUCKETS[index] } : null)
	};
}
