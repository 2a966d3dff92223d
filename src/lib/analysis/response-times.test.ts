import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagesTableSql } from '$lib/db/schema';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import type { Message, Role } from '$lib/model';
import { computeMetrics, readConversations, readDepartments, readMessages, readSummary } from './figures';
import { readMessagesPerDay } from './overview-view';

// Hand-made conversations; every expected figure below was worked out by hand from METRICS.md.
const T0 = Date.UTC(2024, 4, 10, 6, 0, 0); // 2024-05-10 09:00 Moscow
let seq = 0;
function msg(conversation: string, id: string, secondsAfterT0: number, role: Role, department: string | null = null): Message {
	const sent_at = T0 + secondsAfterT0 * 1000;
	return {
		conversation_id: conversation, message_id: id, sent_at, role, author: role === 'customer' ? 'Ольга' : 'Оператор',
		department, customer: role === 'customer' ? 'ПВЗ-77-0142' : null, text: `${role} ${id}`, source: `test row ${seq + 1}`,
		seq: seq++, sent_local: sent_at + 3 * 3600_000
	};
}

const MESSAGES: Message[] = [
	// A: two customer messages before the reply, a system line, bot first then human, empty department, ping-pong.
	msg('A', 'a-c1', 0, 'customer'),
	msg('A', 'a-c2', 60, 'customer'),
	msg('A', 'a-s1', 90, 'system', 'Техподдержка'),
	msg('A', 'a-b1', 120, 'bot', 'Техподдержка'),
	msg('A', 'a-a1', 300, 'agent', null),
	msg('A', 'a-c3', 600, 'customer'),
	msg('A', 'a-a2', 1000, 'agent', 'Бренд-менеджер'),
	msg('A', 'a-a3', 1100, 'agent', 'Техподдержка'),
	// B: nobody answered.
	msg('B', 'b-c1', 0, 'customer'),
	msg('B', 'b-c2', 50, 'customer'),
	// C: ties in time, broken by input order.
	msg('C', 'c-c1', 0, 'customer'),
	msg('C', 'c-a1', 0, 'agent', 'Претензии'),
	msg('C', 'c-a2', 30, 'agent', 'Претензии'),
	msg('C', 'c-c2', 30, 'customer'),
	msg('C', 'c-a3', 40, 'agent', 'Претензии'),
	// D: the agent writes first; the customer's first message starts the clock.
	msg('D', 'd-a1', 0, 'agent', 'Выплаты'),
	msg('D', 'd-c1', 100, 'customer'),
	msg('D', 'd-a2', 400, 'agent', 'Выплаты')
];

let db: Db;
beforeAll(async () => {
	db = await openNodeDb();
	await db.exec(createMessagesTableSql('messages'));
	await db.appendMessages('messages', MESSAGES);
	await computeMetrics(db);
});
afterAll(() => db.close());

describe('response_s of each message', () => {
	const responseOf = async (id: string) => (await readMessages(db)).find((m) => m.message_id === id)?.response_s;

	it('starts the clock at the earliest unanswered customer message, ignoring system lines', async () => {
		expect(await responseOf('a-b1')).toBe(120);
	});
	it('is null for a reply with no customer message since the previous reply', async () => {
		expect(await responseOf('a-a1')).toBeNull();
		expect(await responseOf('a-a3')).toBeNull();
	});
	it('measures from the customer message after the previous reply', async () => {
		expect(await responseOf('a-a2')).toBe(400);
	});
	it('breaks ties in time by input order', async () => {
		expect(await responseOf('c-a1')).toBe(0);
		expect(await responseOf('c-a2')).toBeNull();
		expect(await responseOf('c-a3')).toBe(10);
	});
	it('is null for customer and system messages', async () => {
		expect(await responseOf('a-c1')).toBeNull();
		expect(await responseOf('a-s1')).toBeNull();
	});
	it('gives an agent message with an empty department the previous agent/bot department', async () => {
		const a1 = (await readMessages(db)).find((m) => m.message_id === 'a-a1');
		expect(a1?.department).toBe('Техподдержка');
	});
});

describe('conversation figures', () => {
	const conversation = async (id: string) => (await readConversations(db)).find((c) => c.conversation_id === id);

	it('counts first response from any agent or bot, first human response from agents only', async () => {
		expect(await conversation('A')).toMatchObject({ first_response_s: 120, first_human_response_s: 300, duration_s: 1100 });
	});
	it('collapses consecutive departments and counts handoffs (ping-pong included)', async () => {
		expect(await conversation('A')).toMatchObject({ departments: ['Техподдержка', 'Бренд-менеджер', 'Техподдержка'], handoffs: 2 });
	});
	it('leaves first responses null when nobody answered', async () => {
		expect(await conversation('B')).toMatchObject({ first_response_s: null, first_human_response_s: null, departments: [], handoffs: 0, duration_s: 50 });
	});
	it('starts the first response at the first customer message when the agent wrote first', async () => {
		expect(await conversation('D')).toMatchObject({ first_response_s: 300, first_human_response_s: 300 });
	});
});

describe('summary and departments', () => {
	it('takes continuous medians over conversations and over replies', async () => {
		// first responses: A 120, C 0, D 300 -> 120; replies: 120, 400, 0, 10, 300 -> 120
		expect(await readSummary(db)).toEqual({ conversations: 4, messages: 18, first_response_median_s: 120, reply_median_s: 120 });
	});
	it('attributes first responses to the department that gave them', async () => {
		const departments = await readDepartments(db);
		expect(departments.find((d) => d.department === 'Техподдержка')).toMatchObject({
			conversations: 1, agent_messages: 3, first_response_median_s: 120, reply_median_s: 120
		});
		expect(departments.find((d) => d.department === 'Бренд-менеджер')).toMatchObject({
			conversations: 1, agent_messages: 1, first_response_median_s: null, reply_median_s: 400
		});
		// Претензии replies 0 and 10: p90 = 0 + 0.9 * 10 = 9
		expect(departments.find((d) => d.department === 'Претензии')).toMatchObject({ reply_median_s: 5, reply_p90_s: 9 });
	});
});

describe('overview', () => {
	it('counts messages per day in the dataset time zone', async () => {
		const days = await readMessagesPerDay(db, { filters: {}, targetS: 3600, businessHours: null });
		expect(days).toEqual([{ day: '2024-05-10', messages: 18 }]);
	});
});
