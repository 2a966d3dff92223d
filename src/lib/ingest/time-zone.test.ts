import { describe, expect, it } from 'vitest';
import {
	defaultTimeZone,
	formatIsoWithOffset,
	isValidTimeZone,
	localToUtc,
	offsetMinutes,
	utcToLocalMs
} from '$lib/ingest/time-zone';

const iso = (ms: number) => new Date(ms).toISOString();

describe('defaultTimeZone / isValidTimeZone', () => {
	it('returns the process zone (the suite runs with TZ set) or UTC', () => {
		const expected = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
		expect(defaultTimeZone()).toBe(expected);
	});

	it('accepts IANA zones and UTC', () => {
		expect(isValidTimeZone('Europe/Moscow')).toBe(true);
		expect(isValidTimeZone('UTC')).toBe(true);
	});

	it('rejects unknown and empty zones', () => {
		expect(isValidTimeZone('Mars/Olympus')).toBe(false);
		expect(isValidTimeZone('')).toBe(false);
	});
});

describe('localToUtc', () => {
	it('reads Moscow wall time as UTC+3', () => {
		expect(iso(localToUtc(2024, 5, 10, 12, 15, 0, 0, 'Europe/Moscow'))).toBe('2024-05-10T09:15:00.000Z');
	});

	it('keeps milliseconds', () => {
		expect(iso(localToUtc(2024, 5, 10, 12, 15, 30, 250, 'Europe/Moscow'))).toBe('2024-05-10T09:15:30.250Z');
	});

	it('uses Berlin winter (+1) and summer (+2) time either side of 31 March 2024', () => {
		expect(iso(localToUtc(2024, 3, 31, 1, 30, 0, 0, 'Europe/Berlin'))).toBe('2024-03-31T00:30:00.000Z');
		expect(iso(localToUtc(2024, 3, 31, 3, 30, 0, 0, 'Europe/Berlin'))).toBe('2024-03-31T01:30:00.000Z');
	});

	it('moves a wall time skipped by spring-forward (Berlin 02:30) forward by the gap', () => {
		// 02:30 does not exist; read with the old offset (+1) it is 01:30Z, which is 03:30 CEST.
		expect(iso(localToUtc(2024, 3, 31, 2, 30, 0, 0, 'Europe/Berlin'))).toBe('2024-03-31T01:30:00.000Z');
	});

	it('takes the earlier instant for a wall time that occurs twice (Berlin 27 Oct 2024 02:30)', () => {
		// 02:30 CEST (+2) = 00:30Z comes before 02:30 CET (+1) = 01:30Z.
		expect(iso(localToUtc(2024, 10, 27, 2, 30, 0, 0, 'Europe/Berlin'))).toBe('2024-10-27T00:30:00.000Z');
	});

	it('handles New York spring-forward (10 March 2024, 02:00 -> 03:00)', () => {
		expect(iso(localToUtc(2024, 3, 10, 1, 59, 0, 0, 'America/New_York'))).toBe('2024-03-10T06:59:00.000Z');
		expect(iso(localToUtc(2024, 3, 10, 2, 30, 0, 0, 'America/New_York'))).toBe('2024-03-10T07:30:00.000Z');
		expect(iso(localToUtc(2024, 3, 10, 3, 0, 0, 0, 'America/New_York'))).toBe('2024-03-10T07:00:00.000Z');
	});

	it('handles New York fall-back (3 November 2024, 01:30 twice)', () => {
		expect(iso(localToUtc(2024, 11, 3, 1, 30, 0, 0, 'America/New_York'))).toBe('2024-11-03T05:30:00.000Z');
		expect(iso(localToUtc(2024, 11, 3, 2, 30, 0, 0, 'America/New_York'))).toBe('2024-11-03T07:30:00.000Z');
	});

	it('gives the same answer from the cache as on the first call', () => {
		const first = localToUtc(2023, 3, 26, 2, 30, 0, 0, 'Europe/Berlin');
		expect(localToUtc(2023, 3, 26, 2, 30, 0, 0, 'Europe/Berlin')).toBe(first);
		expect(iso(localToUtc(2023, 3, 26, 1, 0, 0, 0, 'Europe/Berlin'))).toBe('2023-03-26T00:00:00.000Z');
	});

	it('inverts utcToLocalMs every 15 minutes through years with odd transitions', () => {
		// Lord Howe moves by 30 minutes; Moscow changed its rules in 2011 and 2014.
		const cases: [string, number][] = [['Australia/Lord_Howe', 2024], ['Europe/Moscow', 2011], ['Europe/Moscow', 2014]];
		for (const [zone, year] of cases) {
			for (let utc = Date.UTC(year, 0, 1); utc < Date.UTC(year + 1, 0, 1); utc += 900_000) {
				const wall = new Date(utcToLocalMs(utc, zone));
				const back = localToUtc(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(),
					wall.getUTCHours(), wall.getUTCMinutes(), 0, 0, zone);
				// Equal, or the earlier of two instants with this wall time.
				if (back !== utc) expect([back < utc, utcToLocalMs(back, zone)]).toEqual([true, wall.getTime()]);
			}
		}
	});

	it('treats UTC as no offset', () => {
		expect(iso(localToUtc(2024, 1, 1, 0, 0, 0, 0, 'UTC'))).toBe('2024-01-01T00:00:00.000Z');
	});

	it('does not read years below 100 as 19xx', () => {
		expect(iso(localToUtc(50, 1, 1, 0, 0, 0, 0, 'UTC'))).toBe('0050-01-01T00:00:00.000Z');
	});

	it('throws a readable error for an unknown zone', () => {
		expect(() => localToUtc(2024, 1, 1, 0, 0, 0, 0, 'Mars/Olympus')).toThrow("unknown time zone 'Mars/Olympus'");
	});

	it('is fast enough for a million rows (rate printed, not asserted)', () => {
		const n = 1_000_000;
		const start = performance.now();
		let sum = 0;
		for (let i = 0; i < n; i++) {
			// A year of minutes-apart messages in a DST zone, so transition hours are crossed too.
			sum += localToUtc(2024, 1 + (i % 12), 1 + (i % 28), i % 24, i % 60, i % 60, 0, 'Europe/Berlin');
		}
		const seconds = (performance.now() - start) / 1000;
		console.log(`localToUtc: ${Math.round(n / seconds).toLocaleString('en')} calls/s`);
		expect(Number.isFinite(sum)).toBe(true);
	});
});

describe('utcToLocalMs', () => {
	it('gives Moscow wall time read as UTC', () => {
		expect(iso(utcToLocalMs(Date.UTC(2024, 4, 10, 9, 15), 'Europe/Moscow'))).toBe('2024-05-10T12:15:00.000Z');
	});

	it('follows New York DST: -5 in January, -4 in July', () => {
		expect(iso(utcToLocalMs(Date.UTC(2024, 0, 15, 12), 'America/New_York'))).toBe('2024-01-15T07:00:00.000Z');
		expect(iso(utcToLocalMs(Date.UTC(2024, 6, 15, 12), 'America/New_York'))).toBe('2024-07-15T08:00:00.000Z');
	});

	it('switches Berlin offset exactly at 01:00Z on 31 March 2024', () => {
		expect(iso(utcToLocalMs(Date.UTC(2024, 2, 31, 0, 59, 59), 'Europe/Berlin'))).toBe('2024-03-31T01:59:59.000Z');
		expect(iso(utcToLocalMs(Date.UTC(2024, 2, 31, 1, 0, 0), 'Europe/Berlin'))).toBe('2024-03-31T03:00:00.000Z');
	});

	it('is fast enough for a million rows (rate printed, not asserted)', () => {
		const n = 1_000_000;
		const base = Date.UTC(2024, 0, 1);
		const start = performance.now();
		let sum = 0;
		for (let i = 0; i < n; i++) sum += utcToLocalMs(base + i * 31_000, 'America/New_York');
		const seconds = (performance.now() - start) / 1000;
		console.log(`utcToLocalMs: ${Math.round(n / seconds).toLocaleString('en')} calls/s`);
		expect(Number.isFinite(sum)).toBe(true);
	});
});

describe('offsetMinutes', () => {
	it('is 180 for Moscow', () => {
		expect(offsetMinutes(Date.UTC(2024, 0, 1), 'Europe/Moscow')).toBe(180);
	});

	it('is -300 / -240 for New York in winter / summer', () => {
		expect(offsetMinutes(Date.UTC(2024, 0, 1), 'America/New_York')).toBe(-300);
		expect(offsetMinutes(Date.UTC(2024, 6, 1), 'America/New_York')).toBe(-240);
	});

	it('handles half-hour zones (India +5:30)', () => {
		expect(offsetMinutes(Date.UTC(2024, 0, 1), 'Asia/Kolkata')).toBe(330);
	});
});

describe('formatIsoWithOffset', () => {
	it('prints wall time with the offset and whole seconds', () => {
		expect(formatIsoWithOffset(Date.UTC(2024, 4, 10, 9, 15), 'Europe/Moscow')).toBe('2024-05-10T12:15:00+03:00');
	});

	it('prints a fraction only when there is one', () => {
		expect(formatIsoWithOffset(Date.UTC(2024, 4, 10, 9, 15, 0, 250), 'Europe/Moscow')).toBe(
			'2024-05-10T12:15:00.250+03:00'
		);
	});

	it('prints negative offsets and +00:00 for UTC', () => {
		expect(formatIsoWithOffset(Date.UTC(2024, 0, 15, 12), 'America/New_York')).toBe('2024-01-15T07:00:00-05:00');
		expect(formatIsoWithOffset(Date.UTC(2024, 0, 15, 12), 'UTC')).toBe('2024-01-15T12:00:00+00:00');
	});

	it('round-trips through localToUtc on the Berlin autumn night', () => {
		const first = localToUtc(2024, 10, 27, 2, 30, 0, 0, 'Europe/Berlin');
		expect(formatIsoWithOffset(first, 'Europe/Berlin')).toBe('2024-10-27T02:30:00+02:00');
		expect(formatIsoWithOffset(first + 3_600_000, 'Europe/Berlin')).toBe('2024-10-27T02:30:00+01:00');
	});
});
