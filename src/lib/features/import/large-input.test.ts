import { describe, expect, it } from 'vitest';
import { LARGE_INPUT_BYTES, largeInputAdvice } from './large-input';

const MB = 1024 * 1024;

describe('largeInputAdvice', () => {
	it('says nothing below the threshold, counting all files together', () => {
		expect(largeInputAdvice([{ name: 'a.csv', size: LARGE_INPUT_BYTES - 1 }], 'Europe/Moscow')).toBeNull();
		expect(largeInputAdvice([{ name: 'a.csv', size: 60 * MB }, { name: 'b.csv', size: 50 * MB }], 'Europe/Moscow')).toEqual({
			bytes: 110 * MB,
			command: 'npm run --silent cli -- analyze a.csv b.csv --tz Europe/Moscow --json --out report.json'
		});
	});

	it('quotes names a shell would split or expand', () => {
		const advice = largeInputAdvice([{ name: "чаты за 2024 (Ольга's).csv", size: 400 * MB }], 'Asia/Yekaterinburg');
		expect(advice?.command).toBe(
			"npm run --silent cli -- analyze 'чаты за 2024 (Ольга'\\''s).csv' --tz Asia/Yekaterinburg --json --out report.json"
		);
	});
});
