/**
 * Resolving a time expression to the instant it falls due. Days, weekdays and clock times are read on the
 * wall clock of the dataset's time zone (the zone the chats were written in), then converted to UTC with
 * localToUtc, so "завтра в 10:00" is 10:00 local even across a daylight-saving change. Durations in hours,
 * minutes and сутки are instant arithmetic on sent_at ("within 24 hours" = sent_at + 24 h).
 *
 * Choices the issue leaves open, made here:
 * - a day without a clock time ends at 23:59:59 local;
 * - working ("рабочих") and banking ("банковских") days skip Saturdays and Sundays only: no public holidays
 *   (they differ by country and year, and the export does not say which apply);
 * - "N (calendar) days" ends at 23:59:59 of the message's date + N; "a week" = 7 days; "a month" = the same
 *   date next month (clamped to its last day), at 23:59:59;
 * - a weekday ("в пятницу", "by Friday") is the next such day strictly after the message's date (said on a
 *   Friday, "by Friday" means next week; today would be "сегодня"/"today");
 * - a date without a year is the next such date on or after the message's date, unless that date fell within
 *   the three months (92 days) before the message: then the text speaks of the past ("срок был до 17 мая", "штраф начислен
 *   27 мая", "the deadline was March 1") and sets nothing. So "до 10 января" written in December is next
 *   January, while "до 17 мая" written on 20 May is not a deadline a year ahead. A date with its year that lies
 *   before the message's date sets nothing either; two-digit years are 20xx;
 *   "до 20 числа" is the 20th of the message's month, or of the next month once passed;
 * - a clock time without a day ("до 15:00", "by 5 pm") is on the message's date, even when already past;
 * - "end of the week" is Sunday, "end of the working week" Friday (the next Friday when sent at a weekend);
 *   "end of next week / month" one week / month later;
 * - "end of day" next to a day ("завтра до конца дня", "by EOD Friday") is the end of that day.
 */
import { localToUtc, utcToLocalMs } from '../ingest/time-zone';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A date without a year that fell fewer days than this before the message is a past reference (module comment). */
const PAST_REFERENCE_DAYS = 92;

/** A clock time on the wall of the dataset's zone. */
export interface ClockTime {
	hour: number;
	minute: number;
}

/** What a time expression says, before it is placed on the calendar. */
export type DueSpec =
	/** sent_at + ms: "в течение 24 часов", "within 2 hours", "в течение суток". */
	| { type: 'after'; ms: number }
	/** The Nth (working) day after the message's date. */
	| { type: 'days'; n: number; working: boolean }
	/** The same date N months later. */
	| { type: 'months'; n: number }
	/** A calendar date; month 1-12; year null when not written. */
	| { type: 'date'; year: number | null; month: number; day: number }
	/** A day of the month without the month ("до 20 числа"): this month's, or next month's once passed. */
	| { type: 'dayOfMonth'; day: number }
	/** Today (0), tomorrow (1), the day after (2). */
	| { type: 'relative'; days: number }
	/** The next such weekday, 0 = Sunday ... 6 = Saturday. */
	| { type: 'weekday'; weekday: number }
	/** The last day of the current day, week, working week, month or year. */
	| { type: 'end'; of: 'day' | 'week' | 'workweek' | 'month' | 'year'; next?: boolean };

/** The local date of a wall-clock ms value, as days since 1970-01-01. */
function dayNumber(localMs: number): number {
	return Math.floor(localMs / DAY);
}

/** Weekday of a day number, 0 = Sunday. 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
	return (((day + 4) % 7) + 7) % 7;
}

/** Whether the day is Monday to Friday (public holidays are not known, see the module comment). */
export function isWorkingDay(day: number): boolean {
	const w = weekdayOf(day);
	return w !== 0 && w !== 6;
}

/** The Nth working day strictly after `day` (n >= 1). */
export function addWorkingDays(day: number, n: number): number {
	let d = day;
	let left = n;
	while (left > 0) {
		d++;
		if (isWorkingDay(d)) left--;
	}
	return d;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number of a valid date, or null when the day does not exist in that month (31.02). */
function dateDay(year: number, month: number, day: number): number | null {
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return Date.UTC(year, month - 1, day) / DAY;
}

/** The day an expression names, counted from the message's local day; null when it names none. */
function targetDay(spec: DueSpec, today: number): number | null {
	const date = new Date(today * DAY);
	const year = date.getUTCFullYear();
	const month = date.getUTCMonth() + 1;
	switch (spec.type) {
		case 'days':
			if (spec.n < 1) return null;
			return spec.working ? addWorkingDays(today, spec.n) : today + spec.n;
		case 'months': {
			const total = month - 1 + spec.n;
			const y = year + Math.floor(total / 12);
			const m = (total % 12) + 1;
			return dateDay(y, m, Math.min(date.getUTCDate(), daysInMonth(y, m)));
		}
		case 'date': {
			if (spec.year !== null) {
				const day = dateDay(spec.year < 100 ? 2000 + spec.year : spec.year, spec.month, spec.day);
				return day !== null && day >= today ? day : null;
			}
			const days = [year - 1, year, year + 1].map((y) => dateDay(y, spec.month, spec.day)).filter((d) => d !== null);
			const lastBefore = days.filter((d) => d < today).at(-1);
			if (lastBefore !== undefined && today - lastBefore < PAST_REFERENCE_DAYS) return null;
			return days.find((d) => d >= today) ?? null;
		}
		case 'dayOfMonth': {
			const thisMonth = dateDay(year, month, spec.day);
			if (thisMonth !== null && thisMonth >= today) return thisMonth;
			return month === 12 ? dateDay(year + 1, 1, spec.day) : dateDay(year, month + 1, spec.day);
		}
		case 'relative':
			return today + spec.days;
		case 'weekday': {
			const ahead = (spec.weekday - weekdayOf(today) + 7) % 7;
			return today + (ahead === 0 ? 7 : ahead);
		}
		case 'end':
			if (!spec.next) return endDay(spec.of, today, year, month);
			// "до конца следующей недели / следующего месяца", "by the end of next week / month"
			if (spec.of === 'month') return Date.UTC(year, month + 1, 0) / DAY;
			if (spec.of === 'year') return Date.UTC(year + 1, 11, 31) / DAY;
			return endDay(spec.of, today, year, month) + (spec.of === 'day' ? 1 : 7);
		default:
			return null;
	}
}

function endDay(of: 'day' | 'week' | 'workweek' | 'month' | 'year', today: number, year: number, month: number): number {
	const w = weekdayOf(today);
	switch (of) {
		case 'day':
			return today;
		case 'week':
			return today + ((7 - w) % 7);
		case 'workweek':
			return today + ((5 - w + 7) % 7);
		case 'month':
			return Date.UTC(year, month, 0) / DAY;
		case 'year':
			return Date.UTC(year, 11, 31) / DAY;
	}
}

/**
 * The instant (epoch ms UTC) an expression falls due for a message sent at `sentAt` in `timeZone`, or null
 * when it names no real day. `time` is the clock time written with it, else the day ends at 23:59:59.
 */
export function resolveDue(spec: DueSpec, time: ClockTime | null, sentAt: number, timeZone: string): number | null {
	if (spec.type === 'after') return sentAt + spec.ms;
	const day = targetDay(spec, dayNumber(utcToLocalMs(sentAt, timeZone)));
	if (day === null) return null;
	const d = new Date(day * DAY);
	const [h, mi, s] = time ? [time.hour, time.minute, 0] : [23, 59, 59];
	return localToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), h, mi, s, 0, timeZone);
}

/** Milliseconds in N hours. */
export function hours(n: number): number {
	return n * HOUR;
}
