import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatPeriod, isValidTimeZone } from './date';

// 2024-05-10 22:00 UTC is already 11 May in Moscow and still 10 May in Los Angeles (the test process zone).
const LATE_EVENING_UTC = Date.UTC(2024, 4, 10, 22, 0);

describe('formatDate', () => {
	it('uses the given zone, not the process zone', () => {
		expect(formatDate(LATE_EVENING_UTC, 'ru', 'Europe/Moscow')).toBe('11 мая 2024 г.');
		expect(formatDate(LATE_EVENING_UTC, 'en', 'America/Los_Angeles')).toBe('10 May 2024');
	});
	it('accepts a Date', () => {
		expect(formatDate(new Date(LATE_EVENING_UTC), 'en', 'UTC')).toBe('10 May 2024');
	});
	it('shows a dash for a missing or invalid instant', () => {
		expect(formatDate(null, 'ru', 'UTC')).toBe('—');
		expect(formatDate(Number.NaN, 'ru', 'UTC')).toBe('—');
	});
});

describe('formatDateTime', () => {
	it('shows the wall clock in the given zone with a 24-hour clock', () => {
		expect(formatDateTime(LATE_EVENING_UTC, 'ru', 'Europe/Moscow')).toBe('11 мая 2024 г., 01:00');
		expect(formatDateTime(LATE_EVENING_UTC, 'en', 'Asia/Yekaterinburg')).toBe('11 May 2024, 03:00');
	});
});

describe('formatPeriod', () => {
	it('joins two dates with a dash', () => {
		expect(formatPeriod(Date.UTC(2024, 4, 1, 12), LATE_EVENING_UTC, 'en', 'UTC')).toBe('1 May 2024 – 10 May 2024');
	});
	it('shows one date when both instants fall on the same day in the zone', () => {
		expect(formatPeriod(Date.UTC(2024, 4, 10, 8), LATE_EVENING_UTC, 'en', 'UTC')).toBe('10 May 2024');
	});
});

describe('formatDay', () => {
	it('formats a calendar day without shifting it by the process zone', () => {
		expect(formatDay('2024-05-10', 'ru')).toBe('10 мая');
		expect(formatDay('2024-05-10', 'en')).toBe('10 May');
	});
	it('adds the year on request', () => {
		expect(formatDay('2024-01-01', 'en', true)).toBe('1 Jan 2024');
	});
	it('returns anything that is not a day unchanged', () => {
		expect(formatDay('week 19', 'ru')).toBe('week 19');
	});
});

describe('isValidTimeZone', () => {
	it('accepts IANA zones and UTC', () => {
		expect(isValidTimeZone('Europe/Moscow')).toBe(true);
		expect(isValidTimeZone('UTC')).toBe(true);
	});
	it('rejects unknown names and empty input', () => {
		expect(isValidTimeZone('Mars/Olympus')).toBe(false);
		expect(isValidTimeZone(' ')).toBe(false);
	});
});
