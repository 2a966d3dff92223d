import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, rejectedRowsCsv } from './rejected-csv';

const headings = { file: 'Файл', row: 'Строка', reason: 'Причина' };

describe('neutraliseFormula', () => {
	it('prefixes values a spreadsheet would run as formulas', () => {
		expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
		expect(neutraliseFormula('+7 999')).toBe(`'+7 999`);
		expect(neutraliseFormula('-1')).toBe(`'-1`);
		expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
	});
	it('leaves ordinary text alone', () => {
		expect(neutraliseFormula('роль пустая')).toBe('роль пустая');
	});
});

describe('csvField', () => {
	it('quotes a field with a comma, quote or line break and doubles quotes', () => {
		expect(csvField('a, "b"')).toBe('"a, ""b"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
	});
	it('writes numbers as they are', () => {
		expect(csvField(-3)).toBe('-3');
	});
});

describe('rejectedRowsCsv', () => {
	it('starts with a byte order mark and the headings', () => {
		const csv = rejectedRowsCsv([], headings);
		expect(csv).toBe('\ufeffФайл,Строка,Причина\r\n');
	});
	it('writes one line per rejected row with CRLF line ends', () => {
		const csv = rejectedRowsCsv(
			[
				{ file: 'chats.csv', row: 7, reason: "unknown role 'оператор'" },
				{ file: '=evil.csv', row: 9, reason: 'duplicate of chats.csv row 3, same text' }
			],
			headings
		);
		expect(csv.split('\r\n')).toEqual([
			'\ufeffФайл,Строка,Причина',
			"chats.csv,7,unknown role 'оператор'",
			`'=evil.csv,9,"duplicate of chats.csv row 3, same text"`,
			''
		]);
	});
});
