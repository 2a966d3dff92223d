import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_BATCH, MAX_RECORD_CHARS, readCsvRecords, sniffCsv } from './csv';
import type { EncodingName, RawRecord } from './types';

const fixtureBlob = (name: string) => new Blob([readFileSync(join(process.cwd(), 'tests/fixtures', name))]);

async function readAll(blob: Blob, delimiter: string, encoding: EncodingName = 'utf-8'): Promise<RawRecord[]> {
	const records: RawRecord[] = [];
	for await (const batch of readCsvRecords(blob, encoding, delimiter)) records.push(...batch);
	return records;
}

describe('sniffCsv', () => {
	it('chooses ; over the commas inside messages', () => {
		const text = new TextDecoder('windows-1251').decode(readFileSync('tests/fixtures/ru-windows1251-semicolon.csv'));
		expect(sniffCsv(text, true).delimiter).toBe(';');
	});

	it('chooses tab for a TSV', () => {
		const text = 'ticket\ttime\ttext\nT-1\t2024-01-01 10:00\tHello, world; again\n';
		expect(sniffCsv(text, true).delimiter).toBe('\t');
	});

	it('chooses , when quoted fields hold semicolons', () => {
		const text = 'id,time,text\n1,10:00,"a; b; c"\n2,10:05,"d; e"\n';
		expect(sniffCsv(text, true).delimiter).toBe(',');
	});

	it('chooses |', () => {
		expect(sniffCsv('id|time|text\n1|10:00|hi, there\n', true).delimiter).toBe('|');
	});

	it('returns the header names as columns', () => {
		expect(sniffCsv('Дата;Время;Сообщение\n01.01.2024;10:00;Привет\n', true).columns).toEqual([
			'Дата', 'Время', 'Сообщение'
		]);
	});

	it('makes repeated header names unique with a suffix', () => {
		expect(sniffCsv('Текст;Текст;Текст\n1;2;3\n', true).columns).toEqual(['Текст', 'Текст (2)', 'Текст (3)']);
	});

	it('names empty header cells by position', () => {
		expect(sniffCsv('id;;text\n1;2;3\n', true).columns).toEqual(['id', 'column 2', 'text']);
	});

	it('keeps header names off the object prototype', () => {
		const { sample } = sniffCsv('__proto__,constructor,text\nx,y,z\n', true);
		expect(Object.getPrototypeOf(sample[0].fields)).toBe(Object.prototype);
		expect(sample[0].fields['[__proto__]']).toBe('x');
		expect(sample[0].fields['[constructor]']).toBe('y');
	});

	it('samples the first 20 records', () => {
		const text = 'id;text\n' + Array.from({ length: 50 }, (_, i) => `${i};message ${i}`).join('\n');
		expect(sniffCsv(text, true).sample.map((r) => r.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
	});

	it('leaves out the possibly cut last line of a head', () => {
		const { sample } = sniffCsv('id;text\n1;one\n2;tw', false);
		expect(sample.map((r) => r.fields.text)).toEqual(['one']);
	});
});

describe('readCsvRecords', () => {
	it('reads every record of the windows-1251 fixture', async () => {
		const records = await readAll(fixtureBlob('ru-windows1251-semicolon.csv'), ';', 'windows-1251');
		expect(records).toHaveLength(12);
		expect(records[0].fields).toMatchObject({ 'Номер обращения': '48213', Роль: 'Клиент', Отдел: '' });
	});

	it('keeps a quoted multi-line message whole, with doubled quotes undone', async () => {
		const records = await readAll(fixtureBlob('ru-windows1251-semicolon.csv'), ';', 'windows-1251');
		expect(records[2].fields['Сообщение']).toBe(
			'Добрый день, Елена. Уточните, пожалуйста:\r\n1) номер поставки;\r\n2) фото накладной с отметкой "Принято с расхождением".'
		);
	});

	it('leaves no carriage return at the end of CRLF rows', async () => {
		const records = await readAll(fixtureBlob('ru-windows1251-semicolon.csv'), ';', 'windows-1251');
		expect(records.some((r) => Object.values(r.fields).some((v) => v?.endsWith('\r')))).toBe(false);
	});

	it('reads a UTF-16 LE TSV', async () => {
		const records = await readAll(fixtureBlob('en-utf16le.tsv'), '\t', 'utf-16le');
		expect(records).toHaveLength(7);
		expect(records[0].fields.body).toBe('Hi, the scanner rejects every parcel from batch 5531 with "unknown barcode".');
	});

	it('numbers records from 1 after the header and skips blank lines', async () => {
		const records = await readAll(new Blob(['id;text\n\n1;a\n   \n2;b\n;\n3;c\n']), ';');
		expect(records.map((r) => [r.row, r.fields.id])).toEqual([[1, '1'], [2, '2'], [3, '3']]);
	});

	it('flags a row with too few fields', async () => {
		const [record] = await readAll(new Blob(['a;b;c;d;e;f;g\n1;2;3;4;5\n']), ';');
		expect(record.fields._error).toBe('row has 5 fields, the header has 7');
	});

	it('flags a row with too many fields', async () => {
		const [record] = await readAll(new Blob(['a;b\n1;2;3\n']), ';');
		expect(record.fields._error).toBe('row has 3 fields, the header has 2');
	});

	it('accepts a delimiter at the end of the row', async () => {
		const [record] = await readAll(new Blob(['a;b\n1;2;\n']), ';');
		expect(record.fields).toEqual({ a: '1', b: '2' });
	});

	it('reports an unclosed quote instead of loading the rest as one message', async () => {
		const records = await readAll(new Blob(['id;text\n1;ok\n2;"broken\n3;more\n4;text\n']), ';');
		expect(records).toHaveLength(2);
		expect(records[1].fields._error).toBe('unclosed quote: this field runs to the end of the file');
	});

	it('stops at a field longer than the limit', async () => {
		const blob = new Blob(['id;text\n1;ok\n2;"', 'x'.repeat(MAX_RECORD_CHARS + 10)]);
		const records = await readAll(blob, ';');
		expect(records.map((r) => r.row)).toEqual([1, 2]);
		expect(records[1].fields._error).toMatch(/^unclosed quote: a field runs on for more than 16 million characters/);
	});

	it('joins quoted line breaks that straddle the pieces the file is read in', async () => {
		const rows = Array.from({ length: 4000 }, (_, i) => `${i};"строка ${i}\nпродолжение; ""${i}""\r\nконец"`);
		const records = await readAll(new Blob(['id;text\r\n' + rows.join('\r\n') + '\r\n']), ';');
		expect(records).toHaveLength(4000);
		expect(records.every((r, i) => r.fields.text === `строка ${i}\nпродолжение; "${i}"\r\nконец` && !r.fields._error)).toBe(true);
	});

	it('yields batches of at most the batch size', async () => {
		const text = 'id,text\n' + Array.from({ length: 12_000 }, (_, i) => `${i},m`).join('\n');
		const sizes: number[] = [];
		for await (const batch of readCsvRecords(new Blob([text]), 'utf-8', ',')) sizes.push(batch.length);
		expect(sizes).toEqual([CSV_BATCH, CSV_BATCH, 2000]);
	});

	it('reports progress up to the file size', async () => {
		const blob = new Blob(['id,text\n' + '1,hello\n'.repeat(50_000)]);
		let last = 0;
		for await (const _ of readCsvRecords(blob, 'utf-8', ',', (bytes) => (last = bytes))) void _;
		expect(last).toBe(blob.size);
	});

	it('reads 200k rows (throughput in the log)', async () => {
		const lines = ['Номер обращения;Дата и время;Отправитель;Роль;Отдел;Сообщение'];
		for (let i = 0; i < 200_000; i++) {
			const text = i % 10 === 0 ? `"Здравствуйте!\nПоставка №${i} не пришла, ""срочно"""` : `Ответ по обращению ${i}, проверяем`;
			lines.push(`${1000 + (i >> 3)};10.05.2024 09:${String(i % 60).padStart(2, '0')}:00;Автор ${i % 97};Клиент;Техподдержка;${text}`);
		}
		const blob = new Blob([lines.join('\r\n')]);
		const started = performance.now();
		let count = 0;
		for await (const batch of readCsvRecords(blob, 'utf-8', ';')) count += batch.length;
		const seconds = (performance.now() - started) / 1000;
		console.log(
			`readCsvRecords: ${count} rows, ${(blob.size / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s = ` +
				`${Math.round(count / seconds)} rows/s, ${(blob.size / 1e6 / seconds).toFixed(1)} MB/s`
		);
		expect(count).toBe(200_000);
	});
});
