import type { TimestampFormat } from '$lib/ingest/types';
import { valueInReason } from '$lib/ingest/record-fields';
import { localToUtc, utcFromFields } from '$lib/ingest/time-zone';

/**
 * Timestamp parsing for every row of an import: precompiled regular expressions, no allocation beyond
 * the match, no Intl in the hot path (zone offsets are cached in time-zone.ts).
 */

/** Formats in the order detection prefers them when they parse equally many samples (dmy before mdy: Russian exports). */
const FORMATS: readonly TimestampFormat[] = ['iso', 'dmy', 'mdy', 'unix_s', 'unix_ms', 'twitter'];

// Time of day shared by the day-month-year forms and the separate time column: H:MM[:SS[.fff]] [AM|PM].
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?`;
/** 10.05.2024, 10/05/24, 10-05-2024, then optionally a time after a space, a comma or a T. */
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:\s*,\s*|\s+|T)${TIME})?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);
/** 2024-05-10, 2024-05-10T09:15:00.123+03:00, 2024-05-10 09:15:00Z, ... +0300, +03, UTC. */
const ISO =
	/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/;
const UNIX_S = /^(\d{10})(?:\.(\d{1,9}))?$/;
const UNIX_MS = /^\d{13}(?:\.\d+)?$/;
/** Tue Oct 31 22:10:47 +0000 2017 (Twitter API v1.1 created_at). */
const TWITTER = /^[A-Za-z]{3} ([A-Za-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;
const MONTHS: Record<string, number> = {
	jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12
};
/** Longest value shown inside a rejected-row reason. */
const PROBLEM_VALUE_MAX = 60;

/** Scratch fields of the value being parsed: one object reused so a million rows allocate nothing here. */
const f = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, ms: 0, hasTime: false, offsetMin: NaN };

/** How well one format reads a sample column. */
export interface TimestampFit {
	/** The format that parses the most non-empty samples (ties: iso, dmy, mdy, unix_s, unix_ms, twitter). */
	format: TimestampFormat;
	/** Non-empty samples it parses. */
	parsed: number;
	/** Non-empty samples seen. */
	total: number;
}

/** The best format for sample values and how many it reads, or null when none reads any. */
export function timestampFit(values: readonly (string | null | undefined)[]): TimestampFit | null {
	const present = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
	let best: TimestampFit | null = null;
	for (const format of FORMATS) {
		let parsed = 0;
		for (const value of present) if (!Number.isNaN(parseTimestamp(value, format, 'UTC'))) parsed++;
		if (parsed > 0 && (!best || parsed > best.parsed)) best = { format, parsed, total: present.length };
	}
	return best;
}

/**
 * The timestamp format of a column from sample values: the one that parses the most non-empty values.
 * Day-first wins over month-first unless a value proves month-first (05/13/2024), because the users'
 * exports are Russian. Null when no format parses any value.
 */
export function detectTimestampFormat(values: string[]): TimestampFormat | null {
	return timestampFit(values)?.format ?? null;
}

/**
 * A timestamp -> epoch ms UTC, or NaN when it is not a valid date (31.02.2024, 25:00, garbage).
 * Values with an offset or Z keep it; zone-less ones are wall time in `timeZone`. `time` is the separate
 * time column of exports that split date and time: then `value` holds the date (its own time, if any,
 * must be midnight, as Excel writes dates), and an empty `time` makes the row NaN, not midnight.
 */
export function parseTimestamp(value: string, format: TimestampFormat, timeZone: string, time?: string): number {
	const v = value.trim();
	switch (format) {
		case 'unix_s':
			return parseUnixSeconds(v);
		case 'unix_ms':
			return UNIX_MS.test(v) ? Math.floor(Number(v)) : NaN;
		case 'twitter':
			return readTwitter(v) ? toUtc(timeZone) : NaN;
		case 'iso':
			if (!readIso(v)) return NaN;
			break;
		default:
			if (!readDayMonth(v, format === 'mdy')) return NaN;
	}
	if (time !== undefined && !readTimeColumn(time)) return NaN;
	return toUtc(timeZone);
}

/** The reason a rejected row shows: `timestamp '31.02.2024 10:00' is not a date`, or `timestamp is empty`. */
export function timestampProblem(value: string, time?: string): string {
	const shown = [value ?? '', time ?? ''].map((s) => s.trim()).filter(Boolean).join(' ');
	if (shown === '') return 'timestamp is empty';
	return `timestamp '${valueInReason(shown, PROBLEM_VALUE_MAX)}' is not a date`;
}

function parseUnixSeconds(v: string): number {
	const m = UNIX_S.exec(v);
	if (!m) return NaN;
	return Number(m[1]) * 1000 + (m[2] ? fractionMs(m[2]) : 0);
}

function readIso(v: string): boolean {
	const m = ISO.exec(v);
	if (!m) return false;
	setDate(Number(m[1]), Number(m[2]), Number(m[3]));
	if (m[4] === undefined) return true;
	setTime(m[4], m[5], m[6], m[7], undefined);
	f.offsetMin = m[8] === undefined ? NaN : offsetMinutesOf(m[8]);
	return !(m[8] !== undefined && Number.isNaN(f.offsetMin));
}

function readDayMonth(v: string, monthFirst: boolean): boolean {
	const m = DAY_FIRST.exec(v);
	if (!m) return false;
	const a = Number(m[1]);
	const b = Number(m[3]);
	// Two-digit years are this century's: chat exports are recent.
	const y = m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
	setDate(y, monthFirst ? a : b, monthFirst ? b : a);
	if (m[5] === undefined) return true;
	return setTime(m[5], m[6], m[7], m[8], m[9]);
}

function readTwitter(v: string): boolean {
	const m = TWITTER.exec(v);
	if (!m) return false;
	const month = MONTHS[m[1].toLowerCase()];
	if (month === undefined) return false;
	setDate(Number(m[9]), month, Number(m[2]));
	setTime(m[3], m[4], m[5], undefined, undefined);
	const minutes = Number(m[7]) * 60 + Number(m[8]);
	f.offsetMin = m[6] === '-' ? -minutes : minutes;
	return Number(m[8]) < 60;
}

/** Puts the separate time column on the date just read; false when it is empty or clashes with it. */
function readTimeColumn(time: string): boolean {
	if (f.hasTime && (f.h !== 0 || f.mi !== 0 || f.s !== 0 || f.ms !== 0)) return false;
	const m = TIME_ONLY.exec(time.trim());
	if (!m) return false;
	return setTime(m[1], m[2], m[3], m[4], m[5]);
}

function setDate(y: number, mo: number, d: number): void {
	f.y = y;
	f.mo = mo;
	f.d = d;
	f.h = f.mi = f.s = f.ms = 0;
	f.hasTime = false;
	f.offsetMin = NaN;
}

/** Sets the time of day; false for an AM/PM hour outside 1-12. Ranges are checked later, in toUtc. */
function setTime(h: string, mi: string, s: string | undefined, frac: string | undefined, ampm: string | undefined): boolean {
	let hour = Number(h);
	if (ampm !== undefined) {
		if (hour < 1 || hour > 12) return false;
		hour = (hour % 12) + (ampm === 'p' || ampm === 'P' ? 12 : 0);
	}
	f.h = hour;
	f.mi = Number(mi);
	f.s = s === undefined ? 0 : Number(s);
	f.ms = frac === undefined ? 0 : fractionMs(frac);
	f.hasTime = true;
	return true;
}

/** '5' -> 500, '123456' -> 123 (truncated, as ISO readers do). */
function fractionMs(frac: string): number {
	return frac.length === 3 ? Number(frac) : Number((frac + '00').slice(0, 3));
}

/** 'Z', 'UTC', '+03:00', '+0300', '+03' -> minutes east of UTC; NaN when out of range. */
function offsetMinutesOf(text: string): number {
	if (text === 'Z' || text === 'z' || text === 'UTC' || text === 'GMT') return 0;
	const hours = Number(text.slice(1, 3));
	const rest = text.length > 3 ? text.slice(text.length - 2) : '00';
	const minutes = Number(rest);
	if (hours > 18 || minutes > 59) return NaN;
	const total = hours * 60 + minutes;
	return text[0] === '-' ? -total : total;
}

/** The scratch fields -> epoch ms UTC, NaN when they are not a real date and time. */
function toUtc(timeZone: string): number {
	const { y, mo, d, h, mi, s, ms } = f;
	if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return NaN;
	if (!Number.isNaN(f.offsetMin)) return utcFromFields(y, mo, d, h, mi, s, ms) - f.offsetMin * 60_000;
	return localToUtc(y, mo, d, h, mi, s, ms, timeZone);
}

function daysInMonth(y: number, mo: number): number {
	if (mo !== 2) return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
	return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}
