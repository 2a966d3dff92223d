import { describe, expect, it } from 'vitest';
import { formatIsoWithOffset } from '../ingest/time-zone';
import { addWorkingDays, isWorkingDay, resolveDue, weekdayOf, type DueSpec } from './due-date';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const MSK = 'Europe/Moscow';
const MON = Date.parse('2024-05-13T10:15:00+03:00');
const due = (spec: DueSpec, zone = MSK, at = MON, time: { hour: number; minute: number } | null = null) => {
	const t = resolveDue(spec, time, at, zone);
	return t === null ? null : formatIsoWithOffset(t, zone);
};

describe('working days', () => {
	it('knows the weekday of a day number', () => {
		expect(weekdayOf(day('2024-05-13'))).toBe(1);
		expect(weekdayOf(day('2024-05-19'))).toBe(0);
		expect(weekdayOf(day('1969-12-31'))).toBe(3);
	});

	it('skips Saturdays and Sundays and nothing else (no public holidays)', () => {
		expect(isWorkingDay(day('2024-05-18'))).toBe(false);
		expect(isWorkingDay(day('2024-05-09'))).toBe(true); // Victory Day: a holiday in Russia, not known here
		expect(addWorkingDays(day('2024-05-17'), 1)).toBe(day('2024-05-20'));
		expect(addWorkingDays(day('2024-05-18'), 1)).toBe(day('2024-05-20'));
		expect(addWorkingDays(day('2024-05-19'), 5)).toBe(day('2024-05-24'));
		expect(addWorkingDays(day('2024-05-13'), 10)).toBe(day('2024-05-27'));
	});
});

describe('resolveDue', () => {
	it('ends a day without a clock time at 23:59:59 local', () => {
		expect(due({ type: 'relative', days: 0 })).toBe('2024-05-13T23:59:59+03:00');
	});

	it('names no day for a date that does not exist', () => {
		expect(due({ type: 'date', year: null, month: 2, day: 31 })).toBeNull();
		expect(due({ type: 'date', year: 2023, month: 2, day: 29 })).toBeNull();
	});

	it('reads two-digit years as 20xx; a written date before the message sets nothing', () => {
		expect(due({ type: 'date', year: 25, month: 1, day: 5 })).toBe('2025-01-05T23:59:59+03:00');
		expect(due({ type: 'date', year: 2024, month: 5, day: 13 })).toBe('2024-05-13T23:59:59+03:00');
		expect(due({ type: 'date', year: 2024, month: 5, day: 12 })).toBeNull();
		expect(due({ type: 'date', year: 2023, month: 5, day: 20 })).toBeNull();
	});

	it('takes a date without a year on or after the message date; one in the past three months is a past reference', () => {
		expect(due({ type: 'date', year: null, month: 5, day: 13 })).toBe('2024-05-13T23:59:59+03:00');
		expect(due({ type: 'date', year: null, month: 5, day: 12 })).toBeNull();
		expect(due({ type: 'date', year: null, month: 2, day: 12 })).toBeNull();
		// 13 May 2024 minus 92 days is 11 February 2024: from there back, the date is next year's.
		expect(due({ type: 'date', year: null, month: 2, day: 11 })).toBe('2025-02-11T23:59:59+03:00');
		expect(due({ type: 'date', year: null, month: 12, day: 9 })).toBe('2024-12-09T23:59:59+03:00');
	});

	it('takes a weekday strictly after the message date', () => {
		expect(due({ type: 'weekday', weekday: 1 })).toBe('2024-05-20T23:59:59+03:00');
		expect(due({ type: 'weekday', weekday: 2 })).toBe('2024-05-14T23:59:59+03:00');
	});

	it('ends the week on Sunday and the working week on Friday (the next one at a weekend)', () => {
		expect(due({ type: 'end', of: 'week' })).toBe('2024-05-19T23:59:59+03:00');
		expect(due({ type: 'end', of: 'workweek' })).toBe('2024-05-17T23:59:59+03:00');
		const sunday = Date.parse('2024-05-19T12:00:00+03:00');
		expect(due({ type: 'end', of: 'week' }, MSK, sunday)).toBe('2024-05-19T23:59:59+03:00');
		expect(due({ type: 'end', of: 'workweek' }, MSK, sunday)).toBe('2024-05-24T23:59:59+03:00');
	});

	it('clamps "a month" to the last day of a shorter month', () => {
		const jan31 = Date.parse('2023-01-31T12:00:00+03:00');
		expect(due({ type: 'months', n: 1 }, MSK, jan31)).toBe('2023-02-28T23:59:59+03:00');
		expect(due({ type: 'months', n: 12 }, MSK, jan31)).toBe('2024-01-31T23:59:59+03:00');
	});

	it('adds hours as instants across a daylight-saving change, days on the wall clock', () => {
		const sat = Date.parse('2024-03-30T12:00:00+01:00'); // Berlin goes to +02:00 on Sunday 31 March
		expect(due({ type: 'after', ms: 24 * 3_600_000 }, 'Europe/Berlin', sat)).toBe('2024-03-31T13:00:00+02:00');
		expect(due({ type: 'relative', days: 1 }, 'Europe/Berlin', sat, { hour: 12, minute: 0 })).toBe('2024-03-31T12:00:00+02:00');
	});
});
