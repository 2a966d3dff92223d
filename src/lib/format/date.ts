import { NO_VALUE } from './duration';
import { intlTag, type LocaleCode } from './locale';

/** An instant: epoch milliseconds or a Date. */
export type Instant = number | Date;

/**
 * Formatters by locale and options: building an Intl.DateTimeFormat costs far more than formatting with it
 * (a chart of 150 days formatted its labels with a new one each: ~80 ms of a filter change in Chromium).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: LocaleCode, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(intlTag(locale), options)));
	return format;
}

function isValidInstant(value: Instant | null | undefined): value is Instant {
	if (value === null || value === undefined) return false;
	return Number.isFinite(typeof value === 'number' ? value : value.getTime());
}

/** The calendar date of an instant in `timeZone` (IANA): ru "10 мая 2024 г.", en "10 May 2024". */
export function formatDate(value: Instant | null | undefined, locale: LocaleCode, timeZone: string): string {
	if (!isValidInstant(value)) return NO_VALUE;
	return dateFormat(locale, { dateStyle: 'medium', timeZone }).format(value);
}

/** Date and wall-clock time of an instant in `timeZone`: ru "10 мая 2024 г., 09:15", en "10 May 2024, 09:15". */
export function formatDateTime(value: Instant | null | undefined, locale: LocaleCode, timeZone: string): string {
	if (!isValidInstant(value)) return NO_VALUE;
	return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(value);
}

/** A period between two instants, as dates in `timeZone`; one date when both fall on the same day. */
export function formatPeriod(from: Instant, to: Instant, locale: LocaleCode, timeZone: string): string {
	const start = formatDate(from, locale, timeZone);
	const end = formatDate(to, locale, timeZone);
	return start === end ? start : `${start} – ${end}`;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day 'YYYY-MM-DD' (already in the dataset's zone, so no zone is applied): ru "10 мая", en "10 May";
 * with `withYear`, ru "10 мая 2024 г.", en "10 May 2024". Anything else is returned as it is.
 */
export function formatDay(day: string, locale: LocaleCode, withYear = false): string {
	const match = DAY_PATTERN.exec(day);
	if (!match) return day;
	const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	const options: Intl.DateTimeFormatOptions = withYear
		? { dateStyle: 'medium', timeZone: 'UTC' }
		: { day: 'numeric', month: 'short', timeZone: 'UTC' };
	return dateFormat(locale, options).format(utc);
}

// One definition of what a valid zone is, shared with the importer.
export { isValidTimeZone, defaultTimeZone as browserTimeZone } from '$lib/ingest/time-zone';
