import { describe, expect, it } from 'vitest';
import { csvField, toCsv, UTF8_BOM } from './csv';

describe('csvField', () => {
	it.each(['=1+1', '+7 900 000-00-00', '-2+3', '@SUM(A1)', '\tx', '\rx'])('neutralises %j with a leading quote', (value) => {
		expect(csvField(value).replace(/^"|"$/g, '').startsWith(`'${value[0]}`)).toBe(true);
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
