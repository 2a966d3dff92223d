import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
	it('shows days and hours in Russian', () => {
		expect(formatDuration(2 * 86_400 + 4 * 3_600, 'ru')).toBe('2 дн 4 ч');
	});
	it('shows hours and minutes in Russian', () => {
		expect(formatDuration(4 * 3_600 + 10 * 60, 'ru')).toBe('4 ч 10 мин');
	});
	it('shows whole minutes without seconds', () => {
		expect(formatDuration(12 * 60, 'ru')).toBe('12 мин');
	});
	it('shows seconds under a minute', () => {
		expect(formatDuration(45, 'ru')).toBe('45 с');
	});
	it('shows zero as "0 с"', () => {
		expect(formatDuration(0, 'ru')).toBe('0 с');
	});
	it('uses English unit names', () => {
		expect(formatDuration(2 * 86_400 + 4 * 3_600, 'en')).toBe('2 d 4 h');
		expect(formatDuration(4 * 3_600 + 10 * 60, 'en')).toBe('4 h 10 min');
		expect(formatDuration(12 * 60, 'en')).toBe('12 min');
		expect(formatDuration(45, 'en')).toBe('45 s');
	});
	it('keeps only the two largest units, rounding the second', () => {
		expect(formatDuration(4 * 3_600 + 10 * 60 + 40, 'ru')).toBe('4 ч 11 мин');
		expect(formatDuration(86_400 + 3_600 + 59 * 60, 'en')).toBe('1 d 2 h');
	});
	it('drops a zero second unit', () => {
		expect(formatDuration(2 * 3_600, 'ru')).toBe('2 ч');
		expect(formatDuration(3 * 86_400 + 20 * 60, 'ru')).toBe('3 дн');
	});
	it('carries rounding into the larger unit', () => {
		expect(formatDuration(59.6, 'ru')).toBe('1 мин');
		expect(formatDuration(3_599.7, 'en')).toBe('1 h');
		expect(formatDuration(2 * 86_400 + 23 * 3_600 + 45 * 60, 'ru')).toBe('3 дн');
	});
	it('rounds fractions of a second', () => {
		expect(formatDuration(0.4, 'ru')).toBe('0 с');
		expect(formatDuration(44.6, 'en')).toBe('45 s');
	});
	it('shows a dash for a missing value', () => {
		expect(formatDuration(null, 'ru')).toBe('—');
		expect(formatDuration(undefined, 'en')).toBe('—');
		expect(formatDuration(Number.NaN, 'en')).toBe('—');
	});
});
