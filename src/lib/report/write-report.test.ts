import { openAsBlob } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageMaker } from '$lib/analysis/test-chats';
import { createMessagesTableSql } from '$lib/db/schema';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import type { InputSummary } from '$lib/engine/protocol';
import { importFiles } from '$lib/ingest/import-files';
import { proposeFile } from '$lib/ingest/propose';
import type { Message } from '$lib/model';
import { computeReportTables, readReport } from './build-report';
import type { Report } from './types';
import { writeReport } from './write-report';

const MOSCOW = 'Europe/Moscow';
const NOW = Date.UTC(2024, 5, 1, 9, 30, 15, 400);

/** What the writer writes, joined, and how many pieces it wrote. */
async function written(db: Db, input: InputSummary, chunkRows?: number): Promise<{ text: string; pieces: number }> {
	const pieces: string[] = [];
	await writeReport(db, input, async (text) => void pieces.push(text), { now: NOW, chunkRows });
	return { text: pieces.join(''), pieces: pieces.length };
}

/** The report as the browser's "Download JSON" and the command line wrote it before it was streamed. */
async function stringified(db: Db, input: InputSummary): Promise<string> {
	return `${JSON.stringify(await readReport(db, input, NOW), null, 2)}\n`;
}

async function loadDemo(): Promise<{ db: Db; input: InputSummary }> {
	const db = await openNodeDb();
	const file = new File([await openAsBlob('data/demo/support-chats.csv')], 'support-chats.csv');
	const input = await importFiles(db, [file], [(await proposeFile(file, MOSCOW)).plan]);
	await computeReportTables(db, input);
	return { db, input };
}

async function loadMessages(messages: Message[]): Promise<{ db: Db; input: InputSummary }> {
	const db = await openNodeDb();
	await db.exec(createMessagesTableSql('messages'));
	await db.appendMessages('messages', messages);
	const n = messages.length;
	const input = { files: [], rows_read: n, rows_loaded: n, rows_rejected: 0, rejected: [], time_zone: MOSCOW, imported_at: 0 };
	await computeReportTables(db, input);
	return { db, input };
}

const PROMISE = 'Передали инженерам, ответим в течение 3 рабочих дней.';
const GREETING = 'Здравствуйте! Спасибо за обращение, уже проверяем информацию по вашему пункту.';
const THANKS = 'Благодарим за ожидание, вопрос решён. Хорошего дня и спасибо за работу!';

/**
 * Four customers, each waiting for answers in two conversations while «Проверка пункта» sets two deadlines in a
 * third (two conflicts, two waiting conversations each), plus a promise in a fourth; three replies are canned.
 * Every long list of the report is longer than the small ranges the tests read.
 */
function handMadeMessages(): Message[] {
	const m = messageMaker();
	const say = (conversation: string, id: string, local: string, role: Message['role'], text: string, department: string, customer: string) =>
		({ ...m(conversation, id, local, role, { department, customer }), text });
	return [1, 2, 3, 4].flatMap((k) => {
		const who = `ПВЗ-${k}`;
		return [
			say(`B${k}`, `b${k}-1`, `2024-05-10 10:0${k}`, 'customer', 'Можно ли заменить 3D-панно на обои?', 'Бренд-менеджер', who),
			say(`B${k}`, `b${k}-2`, `2024-05-17 15:1${k}`, 'agent', GREETING, 'Бренд-менеджер', who),
			say(`W${k}`, `w${k}-1`, `2024-05-11 12:0${k}`, 'customer', 'Где взять макет вывески?', 'Бренд-менеджер', who),
			say(`W${k}`, `w${k}-2`, `2024-05-18 11:0${k}`, 'agent', THANKS, 'Бренд-менеджер', who),
			say(`I${k}`, `i${k}-1`, `2024-05-13 14:2${k}`, 'agent', 'Замените панно и загрузите фотоотчёт до 15 мая включительно.', 'Проверка пункта', who),
			say(`I${k}`, `i${k}-2`, `2024-05-13 14:3${k}`, 'agent', 'Акт сверки пришлите до 16 мая включительно.', 'Проверка пункта', who),
			say(`I${k}`, `i${k}-3`, `2024-05-24 16:5${k}`, 'customer', 'Обои поклеили, загружаю фотоотчёт.', 'Проверка пункта', who),
			say(`T${k}`, `t${k}-1`, `2024-05-13 09:4${k}`, 'customer', 'Не работает сканер.', 'Техподдержка', who),
			say(`T${k}`, `t${k}-2`, `2024-05-13 10:2${k}`, 'agent', PROMISE, 'Техподдержка', who),
			say(`T${k}`, `t${k}-3`, `2024-05-14 11:4${k}`, 'agent', 'Обновите приложение, ошибка исправлена.', 'Техподдержка', who)
		];
	});
}

/** How many ranges of `chunkRows` the long lists take: commitments and conflicts are ranged by message. */
function rangesOf(report: Report, chunkRows: number): number {
	const counts = [
		report.conversations.length, report.messages.length, report.templates.length,
		new Set(report.commitments.map((c) => c.message_id)).size, new Set(report.conflicts.map((c) => c.message_id)).size
	];
	return counts.reduce((n, count) => n + Math.ceil(count / chunkRows), 0);
}

describe('writeReport', () => {
	it('writes the demo data\'s report exactly as JSON.stringify of readReport, in ranges of 50,000 rows and of 1,000', async () => {
		const { db, input } = await loadDemo();
		try {
			const expected = await stringified(db, input);
			expect(JSON.parse(expected).messages.length).toBeGreaterThan(1000);
			expect((await written(db, input)).text).toBe(expected);
			expect((await written(db, input, 1000)).text).toBe(expected);
		} finally {
			await db.close();
		}
	}, 120_000);

	it('joins ranges of 1 to 4 rows of a small dataset into the same text, one piece per range', async () => {
		const { db, input } = await loadMessages(handMadeMessages());
		try {
			const expected = await stringified(db, input);
			const report: Report = JSON.parse(expected);
			// Each list is long enough to cross range boundaries, some conflicts wait on two conversations.
			expect(report.conversations).toHaveLength(16);
			expect(report.messages).toHaveLength(40);
			expect(report.templates.length).toBeGreaterThanOrEqual(3);
			expect(report.commitments.length).toBeGreaterThan(4);
			expect(report.conflicts.length).toBeGreaterThan(4);
			expect(report.conflicts.some((c) => c.waiting_conversation_ids.length > 1)).toBe(true);
			for (const chunkRows of [1, 2, 3, 4]) {
				const { text, pieces } = await written(db, input, chunkRows);
				expect(text).toBe(expected);
				expect(pieces).toBeGreaterThanOrEqual(rangesOf(report, chunkRows));
			}
		} finally {
			await db.close();
		}
	});

	it('writes empty lists as [] (no templates, commitments or conflicts)', async () => {
		const m = messageMaker();
		const { db, input } = await loadMessages([m('A', 'a1', '2024-05-10 10:00', 'customer'), m('A', 'a2', '2024-05-10 10:05', 'agent')]);
		try {
			const expected = await stringified(db, input);
			expect(expected).toContain('"templates": [],\n  "commitments": [],\n  "conflicts": []\n}\n');
			expect((await written(db, input, 1)).text).toBe(expected);
		} finally {
			await db.close();
		}
	});
});
