import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import type { Message } from '$lib/model';
import { readCommitments, readConflicts, readPromisesKept } from '$lib/report/report-commitments';
import { computeReplyFlags } from './detect-flags';
import { buildShareReport } from '$lib/share/share-report';
import { validateShareReport } from '$lib/share/share-validate';
import { computeCommitments } from './commitments';
import { readCommitmentsView } from './commitments-view';
import { WAITS_LISTED } from './commitments-view-types';
import { messageMaker, openTestDb, viewOf, type MessageExtras } from './test-chats';

// The seed's case, by hand: the owner of ПВЗ-1 asks the brand manager on 10 May and gets the answer on 17 May;
// meanwhile «Проверка пункта» sets a photo-report deadline for 15 May, which she meets only on 24 May.
// Two promises elsewhere: tech support keeps its 3 working days, payouts never comes back.
const m = messageMaker();
const say = (conversation: string, id: string, local: string, role: Message['role'], text: string, extras: MessageExtras = {}) => ({
	...m(conversation, id, local, role, { customer: 'ПВЗ-1', ...extras }),
	text
});
const MESSAGES: Message[] = [
	say('B', 'b1', '2024-05-10 10:41', 'customer', 'Можно ли заменить 3D-панно на обои? Где взять макет?', { department: 'Бренд-менеджер' }),
	say('B', 'b2', '2024-05-17 15:12', 'agent', 'Согласовано, макет во вложении.', { department: 'Бренд-менеджер' }),
	say('I', 'i1', '2024-05-13 14:26', 'agent', 'Замените панно и загрузите фотоотчёт до 15 мая включительно.', { department: 'Проверка пункта' }),
	say('I', 'i2', '2024-05-24 16:52', 'customer', 'Обои поклеили, загружаю фотоотчёт.', { department: 'Проверка пункта' }),
	say('T', 't1', '2024-05-13 09:40', 'customer', 'Не работает сканер.', { department: 'Техподдержка' }),
	say('T', 't2', '2024-05-13 10:25', 'agent', 'Передали инженерам, ответим в течение 3 рабочих дней.', { department: 'Техподдержка' }),
	say('T', 't3', '2024-05-14 11:40', 'agent', 'Обновите приложение, ошибка исправлена.', { department: 'Техподдержка' }),
	say('P', 'p1', '2024-05-20 09:00', 'customer', 'Где выплата за апрель?', { department: 'Выплаты', customer: 'ПВЗ-2' }),
	say('P', 'p2', '2024-05-20 09:30', 'agent', 'Проверим и ответим завтра.', { department: 'Выплаты', customer: 'ПВЗ-2' })
];
const MOSCOW = 'Europe/Moscow';
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}+03:00`);

let db: Db;
beforeAll(async () => {
	db = await openTestDb(MESSAGES);
	await computeCommitments(db, MOSCOW);
});
afterAll(() => db.close());

describe('commitments of a dataset', () => {
	it('finds the deadline, the promises and their status, and the seed\'s conflict', async () => {
		const page = await readCommitmentsView(db, viewOf());
		expect(page.conflicts).toEqual([expect.objectContaining({
			message_id: 'i1', conversation_id: 'I', department: 'Проверка пункта', customer: 'ПВЗ-1', status: 'passed',
			due_at: at('2024-05-15 23:59:59'), waiting: [{ conversation_id: 'B', department: 'Бренд-менеджер', since: at('2024-05-10 10:41') }]
		})]);
		expect(page.conflicts[0].phrase).toMatch(/до 15 мая включительно/);
		expect(page.promises).toEqual([
			{ department: 'Выплаты', promises: 1, kept: 0, missed: 1, open: 0, kept_share: 0 },
			{ department: 'Техподдержка', promises: 1, kept: 1, missed: 0, open: 0, kept_share: 1 }
		]);
		expect(page.deadlines).toEqual([{ department: 'Проверка пункта', deadlines: 1, met: 0, passed: 1, unknown: 0, open: 0 }]);
		expect(page.broken.map((c) => [c.message_id, c.status])).toEqual([['p2', 'missed'], ['i1', 'passed']]);
		expect(page.brokenTotal).toBe(2);
		expect(page.dataEnd).toBe(at('2024-05-24 16:52'));
	});

	it('keeps to the view: a department filter leaves the other departments\' commitments out', async () => {
		const page = await readCommitmentsView(db, viewOf({ filters: { departments: ['Техподдержка'] } }));
		expect(page.promises.map((p) => p.department)).toEqual(['Техподдержка']);
		expect(page.conflicts).toEqual([]);
	});

	it('draws the timeline of the customer with the conflict, with her waits in every conversation', async () => {
		const page = await readCommitmentsView(db, viewOf());
		expect(page.customers[0]).toEqual({ customer: 'ПВЗ-1', commitments: 2, conflicts: 1 });
		const timeline = page.timeline!;
		expect(timeline.customer).toBe('ПВЗ-1');
		expect(timeline.conversations.map((c) => [c.conversation_id, c.department])).toEqual([
			['B', 'Бренд-менеджер'], ['T', 'Техподдержка'], ['I', 'Проверка пункта']
		]);
		expect(timeline.waiting).toContainEqual({ conversation_id: 'B', department: 'Бренд-менеджер', from: at('2024-05-10 10:41'), to: at('2024-05-17 15:12') });
		expect(timeline.waiting).toContainEqual({ conversation_id: 'I', department: 'Проверка пункта', from: at('2024-05-24 16:52'), to: null });
		expect(timeline.conflicts).toEqual(['i1']);
		expect((await readCommitmentsView(db, viewOf(), 'ПВЗ-2')).timeline?.commitments.map((c) => c.message_id)).toEqual(['p2']);
	});

	it('gives the report its commitments, conflicts and kept shares, times in the dataset zone', async () => {
		expect((await readCommitments(db, MOSCOW)).map((c) => [c.message_id, c.kind, c.status, c.due_at])).toEqual([
			['i1', 'deadline', 'passed', '2024-05-15T23:59:59+03:00'],
			['t2', 'promise', 'kept', '2024-05-16T23:59:59+03:00'],
			['p2', 'promise', 'missed', '2024-05-21T23:59:59+03:00']
		]);
		expect(await readConflicts(db)).toEqual([{ message_id: 'i1', conversation_id: 'I', waiting_conversation_ids: ['B'] }]);
		expect(await readPromisesKept(db)).toEqual(new Map([['Техподдержка', 1], ['Выплаты', 0]]));
	});

	it('goes into the shared report without conversation ids or customers, and survives the receiver\'s check', async () => {
		await computeReplyFlags(db);
		const report = await buildShareReport(db, { language: 'ru', anonymise: true, includeTexts: false, targetS: 3600, timeZone: MOSCOW, files: 1 });
		const waited = (at('2024-05-15 23:59:59') - at('2024-05-10 10:41')) / 1000;
		expect(report.commitments).toEqual({
			departments: [
				{ department: 'Выплаты', promises: 1, kept: 0, missed: 1, kept_share: 0, deadlines: 0, passed: 0 },
				{ department: 'Техподдержка', promises: 1, kept: 1, missed: 0, kept_share: 1, deadlines: 0, passed: 0 },
				{ department: 'Проверка пункта', promises: 0, kept: 0, missed: 0, kept_share: null, deadlines: 1, passed: 1 }
			],
			conflicts_total: 1,
			conflicts: [{
				department: 'Проверка пункта', phrase: expect.stringMatching(/до 15 мая включительно/), due_at: '2024-05-15T23:59:59+03:00',
				waiting: [{ department: 'Бренд-менеджер', waited_s: waited }], waiting_total: 1
			}]
		});
		expect(JSON.stringify(report.commitments)).not.toMatch(/ПВЗ-1|"B"|"I"/);
		expect(validateShareReport(JSON.parse(JSON.stringify(report))).commitments).toEqual(report.commitments);
	});

	it('reads the messages a few conversations at a time and stores the same: statuses against the end of all the data', async () => {
		const tables = async () => Promise.all([
			db.query('SELECT * FROM commitments ORDER BY message_id, due_at, kind'),
			db.query('SELECT * FROM commitment_conflicts ORDER BY ALL'),
			db.query('SELECT * FROM commitment_conflict_messages ORDER BY ALL'),
			db.query('SELECT * FROM commitment_conflict_deadlines ORDER BY message_id, due_at')
		]);
		const whole = await tables();
		expect(whole.map((t) => t.length)).toEqual([3, 1, 1, 1]);
		for (const messagesPerRead of [1, 3]) {
			await computeCommitments(db, MOSCOW, messagesPerRead);
			expect(await tables()).toEqual(whole);
		}
	});
});

describe('a deadline while the customer waited in many conversations', () => {
	// ПВЗ-3 asked in seven conversations that nobody answered, then «Проверка пункта» set a deadline that passed.
	const waits = ['01', '02', '03', '04', '05', '06', '07'].map((day, i) =>
		say(`W${i}`, `w${i}`, `2024-05-${day} 10:00`, 'customer', 'Когда будет ответ?', { department: 'Выплаты', customer: 'ПВЗ-3' }));
	const deadline = [
		say('D', 'd1', '2024-05-08 10:00', 'agent', 'Загрузите фотоотчёт до 10 мая включительно.', { department: 'Проверка пункта', customer: 'ПВЗ-3' }),
		say('D', 'd2', '2024-05-12 10:00', 'customer', 'Загрузила.', { department: 'Проверка пункта', customer: 'ПВЗ-3' })
	];

	it('lists the latest waits and counts them all, in the page, the report and the shared report', async () => {
		const many = await openTestDb([...waits, ...deadline]);
		try {
			await computeCommitments(many, MOSCOW);
			const [conflict] = (await readCommitmentsView(many, viewOf())).conflicts;
			expect(conflict.waiting.map((w) => w.conversation_id)).toEqual(['W6', 'W5', 'W4', 'W3', 'W2']);
			expect(conflict.waiting.length).toBe(WAITS_LISTED);
			expect(conflict.waiting_total).toBe(7);
			expect((await readConflicts(many)).map((c) => c.waiting_conversation_ids)).toEqual([['W0', 'W1', 'W2', 'W3', 'W4', 'W5', 'W6']]);
			await computeReplyFlags(many);
			const shared = await buildShareReport(many, { language: 'ru', anonymise: true, includeTexts: false, targetS: 3600, timeZone: MOSCOW, files: 1 });
			expect(shared.commitments?.conflicts.map((c) => [c.waiting.length, c.waiting_total])).toEqual([[WAITS_LISTED, 7]]);
		} finally {
			await many.close();
		}
	});
});
