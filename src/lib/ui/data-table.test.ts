import { describe, expect, it } from 'vitest';
import { cellText, nextSort, sortRows, type Column } from './data-table';

const collator = new Intl.Collator('ru', { numeric: true });

describe('sortRows', () => {
	it('sorts numbers as numbers', () => {
		expect(sortRows([10, 9, 100], (n) => n, 'ascending', collator)).toEqual([9, 10, 100]);
	});
	it('sorts text by the locale, with digits in numeric order', () => {
		expect(sortRows(['файл10', 'Файл2', 'архив'], (s) => s, 'ascending', collator)).toEqual(['архив', 'Файл2', 'файл10']);
	});
	it('puts nulls last in both directions', () => {
		const rows = [{ v: null }, { v: 2 }, { v: 5 }];
		expect(sortRows(rows, (r) => r.v, 'descending', collator).map((r) => r.v)).toEqual([5, 2, null]);
		expect(sortRows(rows, (r) => r.v, 'ascending', collator).map((r) => r.v)).toEqual([2, 5, null]);
	});
	it('keeps the input order of equal values', () => {
		const rows = [
			{ id: 'a', v: 1 },
			{ id: 'b', v: 1 },
			{ id: 'c', v: 0 }
		];
		expect(sortRows(rows, (r) => r.v, 'descending', collator).map((r) => r.id)).toEqual(['a', 'b', 'c']);
	});
	it('does not change the input array', () => {
		const rows = [3, 1, 2];
		sortRows(rows, (n) => n, 'ascending', collator);
		expect(rows).toEqual([3, 1, 2]);
	});
});

describe('nextSort', () => {
	it('sorts a new text column ascending and a new numeric column descending', () => {
		expect(nextSort(null, 'name', false)).toEqual({ column: 'name', direction: 'ascending' });
		expect(nextSort({ column: 'name', direction: 'ascending' }, 'rows', true)).toEqual({ column: 'rows', direction: 'descending' });
	});
	it('flips the direction of the same column', () => {
		expect(nextSort({ column: 'rows', direction: 'descending' }, 'rows', true)).toEqual({ column: 'rows', direction: 'ascending' });
	});
});

describe('cellText', () => {
	const column: Column<{ n: number | null }> = { id: 'n', label: 'N', value: (r) => r.n };
	it('shows the value as text, and null as empty', () => {
		expect(cellText(column, { n: 3 })).toBe('3');
		expect(cellText(column, { n: null })).toBe('');
	});
	it('uses the column format', () => {
		expect(cellText({ ...column, format: (v) => `${v} s` }, { n: 3 })).toBe('3 s');
	});
});
