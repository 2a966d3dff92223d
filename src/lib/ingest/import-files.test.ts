import { openAsBlob } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import { ImportCancelled, importFiles } from './import-files';
import { proposeFile, type NamedBlob } from './propose';

const fixture = async (name: string): Promise<NamedBlob> => new File([await openAsBlob(`tests/fixtures/${name}`)], name);
const textFile = (name: string, text: string): NamedBlob => new File([text], name);

async function load(db: Db, files: NamedBlob[], timeZone = 'Europe/Moscow', signal?: AbortSignal) {
	const proposals = await Promise.all(files.map((f) => proposeFile(f, timeZone)));
	return importFiles(db, files, proposals.map((p) => p.plan), { signal });
}

const HEADER = 'Номер обращения;ID сообщения;Дата и время;Роль;Отправитель;Отдел;Сообщение\n';
const ROWS = [
	'C-1;m1;10.05.2024 09:00:00;Клиент;Ирина;Бренд-менеджер;Как заменить панно?',
	'C-1;m2;10.05.2024 09:05:00;Сотрудник;Анна;Бренд-менеджер;Ожидайте ответа',
	'C-1;m3;31.02.2024 10:00:00;Сотрудник;Анна;Бренд-менеджер;Ожидайте',
	'C-1;m4;10.05.2024 09:20:00;Курьер;Пётр;Логистика;Привёз',
	'C-1;m5;10.05.2024 09:30:00;Клиент;Ирина'
];

let db: Db;
beforeEach(async () => (db = await openNodeDb()));
afterEach(() => db.close());

describe('importFiles', () => {
	it('loads a Windows-1251 ";" export with Russian headers whole, reading times in the given zone', async () => {
		const input = await load(db, [await fixture('ru-windows1251-semicolon.csv')]);
		expect(input.files[0]).toMatchObject({ encoding: 'windows-1251', delimiter: ';', rows_read: 12, rows_loaded: 12, rows_rejected: 0 });
		const [first] = await db.query<{ sent_at: number; text: string }>('SELECT sent_at, text FROM messages ORDER BY seq LIMIT 1');
		expect(first.sent_at).toBe(Date.UTC(2024, 4, 10, 6, 15, 2));
		expect(first.text).toMatch(/^Здравствуйте! Третий день/);
	});

	it('lists every bad row with its file, row and reason, and keeps rows_read = loaded + rejected', async () => {
		const input = await load(db, [textFile('bad.csv', HEADER + ROWS.join('\n'))]);
		expect(input.rejected).toEqual([
			{ file: 'bad.csv', row: 3, reason: "timestamp '31.02.2024 10:00:00' is not a date" },
			{ file: 'bad.csv', row: 4, reason: expect.stringMatching(/^unknown role 'Курьер'/) },
			{ file: 'bad.csv', row: 5, reason: 'row has 5 fields, the header has 7' }
		]);
		expect(input).toMatchObject({ rows_read: 5, rows_loaded: 2, rows_rejected: 3 });
		expect(await db.query('SELECT count(*) AS n FROM messages')).toEqual([{ n: 2 }]);
	});

	it('loads the same message from two files once and names the first copy', async () => {
		const a = textFile('a.csv', HEADER + ROWS.slice(0, 2).join('\n'));
		const b = textFile('b.csv', HEADER + [ROWS[1], 'C-2;m9;11.05.2024 10:00:00;Клиент;Олег;Выплаты;Где выплата?'].join('\n'));
		const input = await load(db, [a, b]);
		expect(input.rejected).toEqual([{ file: 'b.csv', row: 1, reason: 'duplicate of a.csv row 2' }]);
		expect(input.files.map((f) => [f.rows_read, f.rows_loaded, f.rows_rejected])).toEqual([[2, 2, 0], [2, 1, 1]]);
	});

	it('treats a row with the same conversation, time, author and text but another id as a duplicate', async () => {
		const copy = ROWS[0].replace(';m1;', ';m1-copy;');
		const input = await load(db, [textFile('dup.csv', HEADER + [ROWS[0], copy].join('\n'))]);
		expect(input.rejected).toEqual([{ file: 'dup.csv', row: 2, reason: 'duplicate of dup.csv row 1' }]);
	});

	it('leaves the previous dataset as it was when an import is cancelled', async () => {
		await load(db, [textFile('first.csv', HEADER + ROWS.slice(0, 2).join('\n'))]);
		const controller = new AbortController();
		controller.abort();
		await expect(load(db, [await fixture('ru-windows1251-semicolon.csv')], 'Europe/Moscow', controller.signal)).rejects.toBeInstanceOf(ImportCancelled);
		expect(await db.query('SELECT message_id FROM messages ORDER BY seq')).toEqual([{ message_id: 'm1' }, { message_id: 'm2' }]);
		expect(await db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'staging_messages'")).toEqual([{ n: 0 }]);
	});

	it('replaces the previous dataset with each new import, in input order, with or without duplicates', async () => {
		const csv = (ids: string[]) => HEADER + ids.map((id, i) => `C-${id};${id};10.05.2024 09:0${i}:00;Клиент;Ирина;Выплаты;Текст ${id}`).join('\n');
		const ids = async () => (await db.query<{ message_id: string }>('SELECT message_id FROM messages ORDER BY seq')).map((r) => r.message_id);
		await load(db, [textFile('first.csv', csv(['a1', 'a2']))]);
		expect(await ids()).toEqual(['a1', 'a2']);
		await load(db, [textFile('second.csv', csv(['b3', 'b1', 'b2']))]);
		expect(await ids()).toEqual(['b3', 'b1', 'b2']);
		const input = await load(db, [textFile('third.csv', csv(['c2', 'c1', 'c2']))]);
		expect(input.rejected).toEqual([{ file: 'third.csv', row: 3, reason: 'duplicate of third.csv row 1' }]);
		expect(await ids()).toEqual(['c2', 'c1']);
		expect(await db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name <> 'messages'")).toEqual([{ n: 0 }]);
	});

	it('reads the same zone-less time differently in another dataset time zone', async () => {
		await load(db, [textFile('tz.csv', HEADER + ROWS[0])], 'Asia/Vladivostok');
		expect(await db.query('SELECT sent_at FROM messages')).toEqual([{ sent_at: Date.UTC(2024, 4, 9, 23, 0) }]);
	});
});
