import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv, UTF8_BOM } from './csv';

/** The cell a spreadsheet reads from one CSV field (RFC 4180 unquoting). */
const cell = (field: string) => (field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);

describe('csvField', () => {
	it.each(['=1+1', '+7 900 000-00-00', '-2+3', '@SUM(A1)', '\tx', '\rx'])('neutralises %j with a leading quote', (value) => {
		expect(csvField(value).replace(/^"|"$/g, '').startsWith(`'${value[0]}`)).toBe(true);
	});

	it.each([' =1+1', '   +SUM(A1)', '\u00a0-2+3', '\u3000@cmd', ' \t=1', '\n=HYPERLINK("x")', '\r\n-1'])(
		'neutralises %j, where blanks come before the formula sign',
		(value) => {
			expect(cell(csvField(value))).toBe(`'${value}`);
		}
	);

	it.each(['a=1', 'x - y', 'mail@example.com', ' text', '', '\'=1'])('leaves %j as it is', (value) => {
		expect(cell(csvField(value))).toBe(value);
	});

	it('never writes a text cell a spreadsheet would run, and loses no character', () => {
		const risky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' ', '\u00a0', '"', ',', 'a', '1');
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.string({ unit: risky })), (value) => {
				const read = cell(csvField(value));
				const formula = /^[\t\r]/.test(read) || '=+-@'.includes(read.trimStart()[0] ?? 'x');
				expect(formula).toBe(false);
				expect(read === value || read === `'${value}`).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});

	it('neutralises every cell of a table, headers included', () => {
		const csv = toCsv([{ a: ' =1', b: '@x' }], [{ header: '=h', value: (r) => r.a }, { header: 'b', value: (r) => r.b }]);
		expect(csv.slice(1).split('\r\n')).toEqual(["'=h,b", "' =1,'@x", '']);
	});

	it('leaves numbers, negative ones included, as numbers', () => {
		expect([csvField(-5), csvField(0.25), csvField(Number.NaN)]).toEqual(['-5', '0.25', '']);
	});

	it('quotes commas, quotes and line breaks', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('line\nbreak')).toBe('"line\nbreak"');
	});

	it('writes null and undefined as empty fields', () => {
		expect([csvField(null), csvField(undefined)]).toEqual(['', '']);
	});
});

describe('toCsv', () => {
	it('starts with a BOM, has a header and CRLF line ends', () => {
		const csv = toCsv([{ d: 'Выплаты', s: 0.5 }, { d: '=HYPERLINK("http://x")', s: null }], [
			{ header: 'Отдел', value: (r) => r.d },
			{ header: 'Доля', value: (r) => r.s }
		]);
		expect(csv.startsWith(UTF8_BOM)).toBe(true);
		expect(csv.slice(1)).toBe('Отдел,Доля\r\nВыплаты,0.5\r\n"\'=HYPERLINK(""http://x"")",\r\n');
	});
});
