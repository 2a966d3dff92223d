import { describe, expect, it } from 'vitest';
import { dayInputPlaceholder, formatDayInput, parseDayInput } from './day-input';

describe('formatDayInput', () => {
	it('writes the day first in both languages, with each language’s separator', () => {
		expect(formatDayInput('2026-03-07', 'ru')).toBe('07.03.2026');
		expect(formatDayInput('2026-03-07', 'en')).toBe('07/03/2026');
	});
	it('shows nothing for no day or a day that does not exist', () => {
		expect(formatDayInput(undefined, 'ru')).toBe('');
		expect(formatDayInput('2026-02-30', 'en')).toBe('');
	});
	it('has a placeholder in the same shape', () => {
		expect(dayInputPlaceholder('ru')).toBe('дд.мм.гггг');
		expect(dayInputPlaceholder('en')).toBe('dd/mm/yyyy');
	});
});

describe('parseDayInput', () => {
	it('reads what the field shows, in either language', () => {
		expect(parseDayInput('07.03.2026')).toEqual({ ok: true, day: '2026-03-07' });
		expect(parseDayInput('07/03/2026')).toEqual({ ok: true, day: '2026-03-07' });
	});
	it('reads one-digit days and months, two-digit years, dashes and spaces', () => {
		expect(parseDayInput(' 7.3.26 ')).toEqual({ ok: true, day: '2026-03-07' });
		expect(parseDayInput('7-3-2026')).toEqual({ ok: true, day: '2026-03-07' });
		expect(parseDayInput('7 3 2026')).toEqual({ ok: true, day: '2026-03-07' });
	});
	it('reads ISO dates, year first', () => {
		expect(parseDayInput('2026-03-07')).toEqual({ ok: true, day: '2026-03-07' });
	});
	it('takes an empty field as no date', () => {
		expect(parseDayInput('   ')).toEqual({ ok: true, day: null });
	});
	it('refuses days that are not in the calendar', () => {
		expect(parseDayInput('30.02.2026')).toEqual({ ok: false, error: 'noSuchDay' });
		expect(parseDayInput('07.13.2026')).toEqual({ ok: false, error: 'noSuchDay' });
		expect(parseDayInput('29.02.2024')).toEqual({ ok: true, day: '2024-02-29' });
	});
	it('refuses text that is not a date, and American month-first dates that cannot be day-first', () => {
		expect(parseDayInput('вчера')).toEqual({ ok: false, error: 'format' });
		expect(parseDayInput('07.03')).toEqual({ ok: false, error: 'format' });
		expect(parseDayInput('12/31/2026')).toEqual({ ok: false, error: 'noSuchDay' });
		expect(parseDayInput('07.03.202')).toEqual({ ok: false, error: 'format' });
	});
});
