import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileRecords, sniffFile } from './sniff';
import { UnreadableFileError, type RawRecord } from './types';

async function fixture(name: string): Promise<File> {
	return new File([await openAsBlob(join(process.cwd(), 'tests/fixtures', name))], name);
}

async function readAll(file: File): Promise<RawRecord[]> {
	const records: RawRecord[] = [];
	for await (const batch of readFileRecords(file, await sniffFile(file))) records.push(...batch);
	return records;
}

describe('sniffFile', () => {
	it('reads a windows-1251 ; CSV', async () => {
		const sniff = await sniffFile(await fixture('ru-windows1251-semicolon.csv'));
		expect(sniff).toMatchObject({ format: 'csv', encoding: 'windows-1251', delimiter: ';' });
		expect(sniff.columns).toEqual(['Номер обращения', 'Дата и время', 'Отправитель', 'Роль', 'Отдел', 'Сообщение']);
		expect(sniff.sample).toHaveLength(12);
	});

	it('reads a UTF-16 LE TSV', async () => {
		const sniff = await sniffFile(await fixture('en-utf16le.tsv'));
		expect(sniff).toMatchObject({ format: 'csv', encoding: 'utf-16le', delimiter: '\t' });
		expect(sniff.columns[0]).toBe('ticket_id');
	});

	it('reads a CSV with date and time in two columns', async () => {
		const sniff = await sniffFile(await fixture('split-date-time.csv'));
		expect(sniff).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
		expect(sniff.sample[0].fields).toMatchObject({ Дата: '03.06.2024', Время: '08:02' });
	});

	it('recognises the Twitter support CSV by its header', async () => {
		const sniff = await sniffFile(await fixture('twcs-sample.csv'));
		expect(sniff.format).toBe('twcs');
		expect(sniff.presetMapping).toMatchObject({ role: 'inbound', sent_at: 'created_at', conversation_id: '_conversation' });
		expect(sniff.presetRoles).toEqual({ true: 'customer', false: 'agent' });
		expect(sniff.sample[1].fields._conversation).toBe('5');
	});

	it('recognises a Telegram export', async () => {
		const sniff = await sniffFile(await fixture('telegram-result.json'));
		expect(sniff).toMatchObject({ format: 'telegram', encoding: 'utf-8' });
		expect(sniff.presetMapping?.role).toBe('_role');
		expect(sniff.columns).toContain('_text');
	});

	it('reads a JSON document of conversations', async () => {
		const sniff = await sniffFile(await fixture('nested-conversations.json'));
		expect(sniff.format).toBe('json');
		expect(sniff.columns).toContain('conversation.customer.name');
		expect(sniff.columns).not.toContain('_where');
	});

	it('recognises NDJSON', async () => {
		expect((await sniffFile(await fixture('messages.ndjson'))).format).toBe('ndjson');
	});

	it('refuses an empty file', async () => {
		await expect(sniffFile(new File([], 'empty.csv'))).rejects.toThrow(new UnreadableFileError('empty.csv', 'the file is empty'));
	});

	it('refuses a file of blank lines as empty', async () => {
		await expect(sniffFile(new File(['\r\n\r\n  \n'], 'blank.csv'))).rejects.toThrow('the file is empty');
	});

	it('refuses an image named .csv', async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
		await expect(sniffFile(new File([png], 'chat.csv'))).rejects.toThrow(/^this is not a text file/);
	});

	it('refuses an Excel workbook named .csv', async () => {
		const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0]);
		await expect(sniffFile(new File([zip], 'chat.csv'))).rejects.toThrow(/Excel workbook/);
	});

	it('refuses a file with only a header row', async () => {
		await expect(sniffFile(new File(['Дата;Автор;Сообщение\r\n'], 'header.csv'))).rejects.toThrow(
			'only a header row, no messages'
		);
	});

	it('refuses a cut-off JSON document and says where it ends', async () => {
		const text = '[{"text": "hi", "date": "2024-01-01"}, {"text": "bye", "da';
		await expect(sniffFile(new File([text], 'cut.json'))).rejects.toThrow(`JSON ends unexpectedly at byte ${text.length}`);
	});

	it('refuses JSON without messages', async () => {
		await expect(sniffFile(new File(['{"version": 2}'], 'x.json'))).rejects.toThrow(/^no messages found/);
	});

	it('throws UnreadableFileError with the file name', async () => {
		const error = await sniffFile(new File([], 'empty.csv')).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(UnreadableFileError);
		expect((error as UnreadableFileError).file).toBe('empty.csv');
	});
});

describe('readFileRecords', () => {
	it('streams a CSV', async () => {
		expect(await readAll(await fixture('ru-windows1251-semicolon.csv'))).toHaveLength(12);
	});

	it('streams a UTF-16 TSV', async () => {
		expect(await readAll(await fixture('en-utf16le.tsv'))).toHaveLength(7);
	});

	it('reads twcs with threads', async () => {
		const records = await readAll(await fixture('twcs-sample.csv'));
		expect(records.map((r) => r.fields._conversation)).toEqual(['5', '5', '5', '5', '5', '5', '8', '8', '8', '20', '20', '30']);
	});

	it('reads a Telegram export', async () => {
		expect(await readAll(await fixture('telegram-full-export.json'))).toHaveLength(13);
	});

	it('reads NDJSON, bad line included', async () => {
		const records = await readAll(await fixture('messages.ndjson'));
		expect(records.map((r) => Boolean(r.fields._error))).toEqual([false, false, false, true, false]);
	});

	it('reports progress up to the file size', async () => {
		const file = await fixture('nested-conversations.json');
		let last = 0;
		for await (const _ of readFileRecords(file, await sniffFile(file), (bytes) => (last = bytes))) void _;
		expect(last).toBe(file.size);
	});
});
