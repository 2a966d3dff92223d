import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { readConversation } from './conversation';
import { readFacets } from './facets';
import { openTestDb } from './test-chats';
import { DEPARTMENTS, viewChats } from './view-fixture';

const { T, V, B } = DEPARTMENTS;
let db: Db;
beforeAll(async () => (db = await openTestDb(viewChats())));
afterAll(() => db.close());

describe('readConversation', () => {
	it('gives the timeline in order, marking each handoff on the reply where it happened', async () => {
		const detail = await readConversation(db, 'P2');
		expect(detail?.figures).toMatchObject({ conversation_id: 'P2', handoffs: 2, messages: 6 });
		expect(detail?.messages.map((m) => [m.message_id, m.role, m.author, m.department, m.response_s, m.department_changed])).toEqual([
			['p2-c1', 'customer', 'Клиент', null, null, false],
			['p2-a1', 'agent', 'Анна', T, 1800, false],
			['p2-a2', 'agent', 'Вера', B, null, true],
			['p2-c2', 'customer', 'Клиент', null, null, false],
			['p2-a3', 'agent', 'Вера', B, 28_800, false],
			['p2-a4', 'agent', 'Анна', T, null, true]
		]);
		expect(detail?.messages[0]).toMatchObject({ sent_at: Date.UTC(2024, 4, 6, 20, 59, 0), text: 'customer p2-c1' });
	});
	it('shows a reply without a department under the one it keeps, and a system line with its own', async () => {
		const detail = await readConversation(db, 'P6');
		expect(detail?.messages.map((m) => [m.message_id, m.department, m.department_changed])).toEqual([
			['p6-a1', V, false], ['p6-s1', V, false], ['p6-c1', null, false], ['p6-a2', V, false]
		]);
	});
	it('gives null for a conversation that is not there', async () => {
		expect(await readConversation(db, 'nope')).toBeNull();
	});
});

describe('readFacets', () => {
	it('lists departments, agents and customers sorted, and the first and last local day', async () => {
		expect(await readFacets(db)).toEqual({
			departments: [B, V, T],
			agents: ['Анна', 'Борис', 'Бот', 'Вера'],
			customers: ['ПВЗ-1', 'ПВЗ-2', 'ПВЗ-3'],
			firstDay: '2024-05-06',
			lastDay: '2024-05-16'
		});
	});
});
