/**
 * Business hours: a weekly schedule in the dataset's time zone (METRICS.md: time outside it does not count).
 * Parsing and printing the schedule a person types, and the SQL clock that counts only time inside it.
 */
import type { BusinessHours } from './view-types';

/** A Map, not an object literal: a typed 'constructor' must not find Object.prototype's. */
const DAY_NAMES = new Map(Object.entries({
	mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6,
	пн: 0, вт: 1, ср: 2, чт: 3, пт: 4, сб: 5, вс: 6
}));
const ENGLISH = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_MINUTES = 1440;
const EXAMPLE = 'e.g. "mon-fri 09:00-18:00; sat 10:00-14:00"';

/**
 * Reads a schedule such as `mon-fri 09:00-18:00; sat 10:00-14:00` (days: mon..sun or пн..вс, single, ranges
 * `mon-fri`, lists `mon,wed`; entries separated by `;` or new lines; `24:00` closes at midnight).
 * Days not named are closed. Throws an Error with a sentence saying what is wrong.
 */
export function parseBusinessHours(text: string): BusinessHours {
	const days: BusinessHours['days'] = Array(7).fill(null);
	const entries = text.split(/[;\n]/).map(normaliseEntry).filter(Boolean);
	if (entries.length === 0) throw new Error(`Business hours are empty: give days and hours, ${EXAMPLE}`);
	for (const entry of entries) {
		const match = /^(\S+)\s+(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/u.exec(entry);
		if (!match) throw new Error(`Business hours '${entry}': expected days and hours, ${EXAMPLE}`);
		const [, daySpec, open, close] = match;
		const hours: [number, number] = [readMinute(open, entry), readMinute(close, entry)];
		if (hours[0] >= hours[1]) {
			throw new Error(`Business hours '${entry}': opening must be before closing (overnight hours are not supported)`);
		}
		for (const day of readDays(daySpec, entry)) {
			if (days[day]) throw new Error(`Business hours '${entry}': ${ENGLISH[day]} is given twice`);
			days[day] = hours;
		}
	}
	return { days };
}

/** Drops spaces around ',' and dashes and makes every dash '-', so `Mon - Fri 9:00 – 18:00` reads as typed. */
function normaliseEntry(entry: string): string {
	return entry.trim().replace(/\s*([,\-–—])\s*/gu, (_, c: string) => (c === ',' ? ',' : '-'));
}

/** `mon,wed-fri` -> [0, 2, 3, 4]. A range may wrap over the week's end (`sat-mon`). */
function readDays(spec: string, entry: string): number[] {
	const days: number[] = [];
	for (const part of spec.toLowerCase().split(',')) {
		const [first, last, ...rest] = part.split('-').map((name) => DAY_NAMES.get(name));
		if (first === undefined || rest.length > 0 || (part.includes('-') && last === undefined)) {
			throw new Error(`Business hours '${entry}': '${part}' is not a day or a range of days (mon..sun or пн..вс)`);
		}
		const end = last ?? first;
		for (let day = first; ; day = (day + 1) % 7) {
			days.push(day);
			if (day === end) break;
		}
	}
	return days;
}

function readMinute(time: string, entry: string): number {
	const [hours, minutes] = time.split(':').map(Number);
	const minute = hours * 60 + minutes;
	if (minutes > 59 || minute > DAY_MINUTES) throw new Error(`Business hours '${entry}': '${time}' is not a time of day`);
	return minute;
}

/**
 * The schedule as `parseBusinessHours` reads it, consecutive days with the same hours joined:
 * `mon-fri 09:00-18:00; sat 10:00-14:00`. Empty when closed all week.
 */
export function formatBusinessHours(hours: BusinessHours): string {
	const parts: string[] = [];
	for (let day = 0; day < 7; ) {
		const open = hours.days[day];
		let end = day;
		while (end + 1 < 7 && sameHours(hours.days[end + 1], open)) end++;
		if (open) {
			const days = end === day ? ENGLISH[day] : `${ENGLISH[day]}-${ENGLISH[end]}`;
			parts.push(`${days} ${formatMinute(open[0])}-${formatMinute(open[1])}`);
		}
		day = end + 1;
	}
	return parts.join('; ');
}

function sameHours(a: [number, number] | null, b: [number, number] | null): boolean {
	return a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);
}

function formatMinute(minute: number): string {
	return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** True when both are the same schedule (null = calendar time). */
export function sameBusinessHours(a: BusinessHours | null, b: BusinessHours | null): boolean {
	if (a === null || b === null) return a === b;
	return a.days.every((day, i) => sameHours(day, b.days[i]));
}

/**
 * 1900-01-01 was a Monday. Counting from it keeps every realistic timestamp's offset positive, so DuckDB's
 * integer `//` and `%` (which truncate towards zero) act as floor division.
 */
const MONDAY_EPOCH_MS = Date.UTC(1900, 0, 1);
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * SQL for F(t) in milliseconds: business time from a Monday epoch up to the local wall-clock timestamp `local`.
 * F(t) = full weeks since the epoch * the week's open time + the open time of the earlier days of t's week
 * + clamp(time of day - opening, 0, closing - opening). The business time between a and b is F(b) - F(a):
 * closed form, a few integer operations per row, no generate_series. A week with no open hours gives 0.
 *
 * The schedule's numbers are written into the SQL rather than passed as $n: they are checked integers
 * (never text a person typed), and the expression goes into DDL run by `Db.exec`, which takes no parameters.
 */
export function businessClockMsSql(hours: BusinessHours, local: string): string {
	assertValid(hours);
	const open = hours.days.map((d) => (d ? d[0] * 60_000 : 0));
	const length = hours.days.map((d) => (d ? (d[1] - d[0]) * 60_000 : 0));
	const before = length.map((_, i) => length.slice(0, i).reduce((sum, n) => sum + n, 0));
	const week = length.reduce((sum, n) => sum + n, 0);
	const offset = `(epoch_ms(${local}) - (${MONDAY_EPOCH_MS}))`;
	const day = `((${offset} // ${DAY_MS}) % 7 + 1)`; // 1-based index into the lists below: 1 = Monday
	const timeOfDay = `(${offset} % ${DAY_MS})`;
	return `((${offset} // ${WEEK_MS}) * ${week} + [${before.join(', ')}][${day}]
		+ least(greatest(${timeOfDay} - [${open.join(', ')}][${day}], 0), [${length.join(', ')}][${day}]))`;
}

/**
 * The clock the metrics run on, as SQL over a `messages` row: milliseconds, such that the time between two
 * messages is the difference of their clocks. Calendar time is the UTC instant (`sent_at`: real elapsed time,
 * right across daylight-saving changes); business time is F of the wall clock in the dataset zone (`sent_local`).
 */
export function clockMsSql(hours: BusinessHours | null, row = ''): string {
	const prefix = row ? `${row}.` : '';
	return hours ? businessClockMsSql(hours, `${prefix}sent_local`) : `epoch_ms(${prefix}sent_at)`;
}

function assertValid(hours: BusinessHours): void {
	const ok = hours.days.length === 7 && hours.days.every((d) =>
		d === null || (Number.isInteger(d[0]) && Number.isInteger(d[1]) && d[0] >= 0 && d[0] < d[1] && d[1] <= DAY_MINUTES));
	if (!ok) throw new Error(`Invalid business hours: ${JSON.stringify(hours)}`);
}
