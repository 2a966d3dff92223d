import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, formatPercent } from './number';

const NBSP = '\u00a0';

describe('formatNumber', () => {
	it('groups Russian thousands with a no-break space and uses a decimal comma', () => {
		expect(formatNumber(1_234_567.5, 'ru')).toBe(`1${NBSP}234${NBSP}567,5`);
	});
	it('groups English thousands with a comma', () => {
		expect(formatNumber(1_234_567.5, 'en')).toBe('1,234,567.5');
	});
	it('limits the decimals', () => {
		expect(formatNumber(2.345, 'en', 2)).toBe('2.35');
		expect(formatNumber(2.5, 'ru', 0)).toBe('3');
	});
	it('shows a dash for a missing value', () => {
		expect(formatNumber(null, 'ru')).toBe('—');
	});
});

describe('formatPercent', () => {
	it('writes a Russian percentage with a comma and a spaced sign', () => {
		expect(formatPercent(0.125, 'ru')).toBe(`12,5${NBSP}%`);
	});
	it('writes an English percentage', () => {
		expect(formatPercent(0.125, 'en')).toBe('12.5%');
	});
	it('shows a dash for a missing value', () => {
		expect(formatPercent(undefined, 'en')).toBe('—');
	});
});

describe('formatBytes', () => {
	it('shows bytes as whole numbers', () => {
		expect(formatBytes(512, 'en')).toBe(`512${NBSP}B`);
	});
	it('shows Russian megabytes with a comma', () => {
		expect(formatBytes(1.5 * 1024 * 1024, 'ru')).toBe(`1,5${NBSP}МБ`);
	});
	it('carries 1023.96 KB into megabytes', () => {
		expect(formatBytes(1024 * 1024 - 40, 'en')).toBe(`1${NBSP}MB`);
	});
	it('shows a dash for a negative size', () => {
		expect(formatBytes(-1, 'en')).toBe('—');
	});
});
