import { describe, expect, it } from 'vitest';
import { rejectedRowsCsv } from './rejected-csv';

const headings = { file: 'Файл', row: 'Строка', reason: 'Причина' };

describe('rejectedRowsCsv', () => {
	it('starts with a byte order mark and the headings', () => {
		const csv = rejectedRowsCsv([], headings);
		expect(csv).toBe('\ufeffФайл,Строка,Причина\r\n');
	});
	it('writes one line per rejected row with CRLF line ends, formulas neutralised, fields with commas quoted', () => {
		const csv = rejectedRowsCsv(
			[
				{ file: 'chats.csv', row: 7, reason: "unknown role 'оператор'" },
				{ file: '=evil.csv', row: 9, reason: 'duplicate of chats.csv row 3, same text' },
				{ file: ' @SUM(A1).csv', row: 10, reason: 'timestamp \'-1\' is not a date' }
			],
			headings
		);
		expect(csv.split('\r\n')).toEqual([
			'\ufeffФайл,Строка,Причина',
			"chats.csv,7,unknown role 'оператор'",
			`'=evil.csv,9,"duplicate of chats.csv row 3, same text"`,
			`' @SUM(A1).csv,10,timestamp '-1' is not a date`,
			''
		]);
	});
});
