import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, formatSchedule, parseSchedule, sameSchedule } from './schedule';

const nineToSix: [number, number] = [540, 1080];

describe('parseSchedule', () => {
	it('reads the Russian default', () => {
		expect(parseSchedule('пн-пт 09:00-18:00')).toEqual({ ok: true, hours: DEFAULT_SCHEDULE });
	});
	it('reads English day names and hours without minutes', () => {
		expect(parseSchedule('mon-fri 9-18')).toEqual({ ok: true, hours: DEFAULT_SCHEDULE });
	});
	it('reads several parts, each range for the days before it', () => {
		const result = parseSchedule('пн-пт 09:00-18:00; сб 10:00-14:00');
		expect(result.ok && result.hours.days).toEqual([nineToSix, nineToSix, nineToSix, nineToSix, nineToSix, [600, 840], null]);
	});
	it('reads a list of days and an en dash with spaces', () => {
		const result = parseSchedule('Пн, Ср, Пт 10:00 – 19:30');
		expect(result.ok && result.hours.days).toEqual([[600, 1170], null, [600, 1170], null, [600, 1170], null, null]);
	});
	it('reads the non-breaking hyphens of the hint’s example', () => {
		expect(parseSchedule('пн\u2011пт 09:00\u201118:00')).toEqual({ ok: true, hours: DEFAULT_SCHEDULE });
	});
	it('reads "ежедневно" as every day and 24:00 as midnight', () => {
		const result = parseSchedule('ежедневно 00:00-24:00');
		expect(result.ok && result.hours.days.every((d) => d?.[0] === 0 && d[1] === 1440)).toBe(true);
	});
	it('wraps a day range over the weekend', () => {
		const result = parseSchedule('fri-mon 10-12');
		expect(result.ok && result.hours.days.map((d) => d !== null)).toEqual([true, false, false, false, true, true, true]);
	});
	it('names an unknown day', () => {
		expect(parseSchedule('пн-пят 09:00-18:00')).toEqual({ ok: false, error: { code: 'unknown-day', token: 'пн-пят' } });
	});
	it('refuses a closing time before the opening time', () => {
		expect(parseSchedule('пн 18:00-09:00')).toEqual({ ok: false, error: { code: 'order', token: '18:00-09:00' } });
	});
	it('refuses an impossible time', () => {
		expect(parseSchedule('пн 09:00-25:00')).toMatchObject({ ok: false, error: { code: 'bad-time' } });
	});
	it('asks for hours after the last days', () => {
		expect(parseSchedule('пн-пт 09:00-18:00, сб')).toEqual({ ok: false, error: { code: 'no-time' } });
	});
	it('asks for days before hours', () => {
		expect(parseSchedule('09:00-18:00')).toMatchObject({ ok: false, error: { code: 'no-days' } });
	});
	it('refuses a day given twice', () => {
		expect(parseSchedule('пн-пт 9-18, пт 10-12')).toMatchObject({ ok: false, error: { code: 'twice' } });
	});
	it('calls blank text empty', () => {
		expect(parseSchedule('   ')).toEqual({ ok: false, error: { code: 'empty' } });
	});
});

describe('formatSchedule', () => {
	it('writes the default in Russian and English', () => {
		expect(formatSchedule(DEFAULT_SCHEDULE, 'ru')).toBe('пн-пт 09:00-18:00');
		expect(formatSchedule(DEFAULT_SCHEDULE, 'en')).toBe('mon-fri 09:00-18:00');
	});
	it('joins consecutive days with the same hours only', () => {
		const result = parseSchedule('пн 9-18, вт 9-18, ср 10-12, сб 10-12');
		expect(result.ok && formatSchedule(result.hours, 'ru')).toBe('пн-вт 09:00-18:00, ср 10:00-12:00, сб 10:00-12:00');
	});
	it('is read back to the same schedule', () => {
		const result = parseSchedule('mon-fri 9:30-18:15, sun 11-13');
		if (!result.ok) throw new Error('not parsed');
		const again = parseSchedule(formatSchedule(result.hours, 'ru'));
		expect(again.ok && sameSchedule(again.hours, result.hours)).toBe(true);
	});
});
