import type { Filters, ViewOptions } from '$lib/analysis/view-types';
import { formatSchedule, parseSchedule, type ScheduleError } from './schedule';

/** The "answered within" target when the link names none: one hour. */
export const DEFAULT_TARGET_S = 3_600;

/** The targets offered in the filter bar: 15 min, 30 min, 1 h, 4 h, 8 h, 24 h. */
export const TARGET_CHOICES_S = [900, 1_800, 3_600, 14_400, 28_800, 86_400] as const;

/** The query parameters of a view, as links carry them (`?from=2024-05-01&dept=A&dept=B&hours=mon-fri+09:00-18:00`). */
const KEYS = { from: 'from', to: 'to', departments: 'dept', agents: 'agent', customers: 'customer', target: 'target', hours: 'hours' } as const;
const VIEW_KEYS: readonly string[] = Object.values(KEYS);

/** What a link says about the view. */
export interface ViewUrlState {
	options: ViewOptions;
	/** Set when the link's `hours` could not be read; business hours are then off. */
	hoursError: ScheduleError | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 'YYYY-MM-DD' naming a real calendar day (not 2024-02-30). */
export function isDay(value: string): boolean {
	if (!DAY.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function readDay(params: URLSearchParams, key: string): string | undefined {
	const value = params.get(key)?.trim();
	return value && isDay(value) ? value : undefined;
}

/** The distinct non-empty values of a repeated parameter, in link order. */
function readList(params: URLSearchParams, key: string): string[] | undefined {
	const values = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
	return values.length > 0 ? values : undefined;
}

function readTarget(params: URLSearchParams): number {
	const value = Number(params.get(KEYS.target));
	return Number.isInteger(value) && value > 0 ? value : DEFAULT_TARGET_S;
}

/**
 * The view a link describes. Anything unreadable (a bad date, a negative target) falls back to "all" or the default,
 * so a mistyped link still opens; an unreadable schedule is reported so that the page can say why hours are off.
 */
export function readViewUrl(params: URLSearchParams): ViewUrlState {
	let from = readDay(params, KEYS.from);
	let to = readDay(params, KEYS.to);
	// A range given backwards still means the days between the two dates.
	if (from && to && from > to) [from, to] = [to, from];
	const filters: Filters = {};
	if (from) filters.from = from;
	if (to) filters.to = to;
	const departments = readList(params, KEYS.departments);
	const agents = readList(params, KEYS.agents);
	const customers = readList(params, KEYS.customers);
	if (departments) filters.departments = departments;
	if (agents) filters.agents = agents;
	if (customers) filters.customers = customers;

	const hoursText = params.get(KEYS.hours);
	let businessHours: ViewOptions['businessHours'] = null;
	let hoursError: ScheduleError | null = null;
	if (hoursText !== null) {
		const parsed = parseSchedule(hoursText);
		if (parsed.ok) businessHours = parsed.hours;
		else hoursError = parsed.error;
	}
	return { options: { filters, targetS: readTarget(params), businessHours }, hoursError };
}

/**
 * `base` with the view's parameters replaced by `options` (other parameters are kept). Empty filters and the
 * default target are left out, so the plain page address means "everything, one hour"; the schedule is written
 * in English day names so that a link reads the same whatever the language of the person who made it.
 */
export function writeViewUrl(options: ViewOptions, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
	const params = new URLSearchParams(base);
	for (const key of VIEW_KEYS) params.delete(key);
	const { filters } = options;
	if (filters.from) params.set(KEYS.from, filters.from);
	if (filters.to) params.set(KEYS.to, filters.to);
	for (const value of filters.departments ?? []) params.append(KEYS.departments, value);
	for (const value of filters.agents ?? []) params.append(KEYS.agents, value);
	for (const value of filters.customers ?? []) params.append(KEYS.customers, value);
	if (options.targetS !== DEFAULT_TARGET_S) params.set(KEYS.target, String(options.targetS));
	if (options.businessHours) params.set(KEYS.hours, formatSchedule(options.businessHours, 'en'));
	return params;
}

/** The view's part of a link, "?from=…" or "" for the default view, to append to a page address. */
export function viewSearch(options: ViewOptions): string {
	const query = writeViewUrl(options).toString();
	return query ? `?${query}` : '';
}

/** Whether any filter narrows the data (the target and the clock are not filters). */
export function hasFilters(filters: Filters): boolean {
	return Boolean(
		filters.from || filters.to || filters.departments?.length || filters.agents?.length || filters.customers?.length
	);
}
