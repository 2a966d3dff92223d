import { describe, expect, it } from 'vitest';
import { overallFraction, recordRows, totalRows } from './import-progress';

describe('overallFraction', () => {
	const files = ['a.csv', 'b.csv'];
	it('gives each file an equal share while reading', () => {
		expect(overallFraction({ phase: 'reading', file: 'a.csv', fraction: 0.5 }, files)).toBe(0.25);
		expect(overallFraction({ phase: 'reading', file: 'b.csv', fraction: 0.5 }, files)).toBe(0.75);
	});
	it('is unknown after reading', () => {
		expect(overallFraction({ phase: 'checking' }, files)).toBeNull();
	});
	it('is unknown when the engine gives no fraction', () => {
		expect(overallFraction({ phase: 'reading', file: 'a.csv' }, files)).toBeNull();
	});
	it('never passes 1', () => {
		expect(overallFraction({ phase: 'reading', file: 'b.csv', fraction: 1.2 }, files)).toBe(1);
	});
});

describe('recordRows', () => {
	it('adds the rows of earlier files to the current one', () => {
		let rows = recordRows({}, { phase: 'reading', file: 'a.csv', rows: 100 });
		rows = recordRows(rows, { phase: 'reading', file: 'a.csv', rows: 300 });
		rows = recordRows(rows, { phase: 'reading', file: 'b.csv', rows: 20 });
		expect(totalRows(rows)).toBe(320);
	});
	it('keeps the count when a phase reports no rows', () => {
		const rows = recordRows({ 'a.csv': 5 }, { phase: 'checking' });
		expect(totalRows(rows)).toBe(5);
	});
});
