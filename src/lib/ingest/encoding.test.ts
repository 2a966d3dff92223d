import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeChunks, detectEncoding } from './encoding';

const fixture = (name: string) => new Uint8Array(readFileSync(join(process.cwd(), 'tests/fixtures', name)));
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());

describe('detectEncoding', () => {
	it('reads a UTF-8 byte order mark', () => {
		expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
	});

	it('reads a UTF-16 LE byte order mark', () => {
		expect(detectEncoding(fixture('en-utf16le.tsv'))).toBe('utf-16le');
	});

	it('reads a UTF-16 BE byte order mark', () => {
		expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0x00, 0x61]))).toBe('utf-16be');
	});

	it('recognises UTF-16 LE without a BOM by its zero bytes', () => {
		expect(detectEncoding(utf16le('Дата;Сообщение\r\n10.05.2024;Здравствуйте\r\n'))).toBe('utf-16le');
	});

	it('recognises UTF-16 BE without a BOM by its zero bytes', () => {
		expect(detectEncoding(utf16be('Дата;Сообщение\r\n10.05.2024;Здравствуйте\r\n'))).toBe('utf-16be');
	});

	it('takes valid UTF-8 Russian text for UTF-8', () => {
		expect(detectEncoding(new TextEncoder().encode('Номер обращения;Сообщение\n1;Привет'))).toBe('utf-8');
	});

	it('tolerates a UTF-8 character cut at the end of the head', () => {
		const bytes = new TextEncoder().encode('Сообщение: привет');
		expect(detectEncoding(bytes.slice(0, bytes.length - 1))).toBe('utf-8');
	});

	it('takes invalid UTF-8 for windows-1251', () => {
		expect(detectEncoding(fixture('ru-windows1251-semicolon.csv'))).toBe('windows-1251');
	});
});

describe('decodeChunks', () => {
	it('decodes windows-1251', async () => {
		const text = await decodeAll(new Blob([fixture('ru-windows1251-semicolon.csv')]), 'windows-1251');
		expect(text.startsWith('Номер обращения;Дата и время;Отправитель;Роль;Отдел;Сообщение\r\n')).toBe(true);
	});

	it('drops the byte order mark', async () => {
		const text = await decodeAll(new Blob([fixture('en-utf16le.tsv')]), 'utf-16le');
		expect(text.startsWith('ticket_id\t')).toBe(true);
	});

	it('drops a UTF-8 BOM', async () => {
		const text = await decodeAll(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), 'a;b']), 'utf-8');
		expect(text).toBe('a;b');
	});

	it('yields several pieces for a large file without splitting a character', async () => {
		const original = 'Здравствуйте, поставка не пришла 😕\n'.repeat(20_000);
		const pieces: string[] = [];
		for await (const piece of decodeChunks(new Blob([original]), 'utf-8')) pieces.push(piece);
		expect(pieces.length).toBeGreaterThan(1);
		expect(pieces.join('')).toBe(original);
	});

	it('reports the bytes read', async () => {
		const blob = new Blob(['x'.repeat(200_000)]);
		let last = 0;
		await decodeAll(blob, 'utf-8', (bytes) => (last = bytes));
		expect(last).toBe(200_000);
	});
});
