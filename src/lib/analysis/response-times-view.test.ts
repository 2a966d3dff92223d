import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { readAgents, readBotHuman, readResponseTimesView, readSlowest } from './response-times-view';
import { openTestDb, viewOf } from './test-chats';
import { DEPARTMENTS, viewChats } from './view-fixture';

// Expected figures worked out by hand from the table in view-fixture.ts.
const { T, V, B } = DEPARTMENTS;
let db: Db;
beforeAll(async () => (db = await openTestDb(viewChats())));
afterAll(() => db.close());

describe('readAgents', () => {
	it('gives each author of replies their figures and the department of most of their replies', async () => {
		expect(await readAgents(db, viewOf())).toEqual([
			// 5 replies in Т and 1 in В; response_s 300, 1800, 86400, 1200 (two replies answered no customer message)
			{ author: 'Анна', department: T, role: 'agent', replies: 6, conversations: 5, reply_median_s: 1500, reply_p90_s: 61_020, within_target_share: 3 / 4 },
			{ author: 'Борис', department: V, role: 'agent', replies: 5, conversations: 4, reply_median_s: 3600, reply_p90_s: 208_080, within_target_share: 2 / 3 },
			{ author: 'Вера', department: B, role: 'agent', replies: 3, conversations: 2, reply_median_s: 17_999.5, reply_p90_s: 26_639.9, within_target_share: 0 },
			{ author: 'Бот', department: T, role: 'bot', replies: 2, conversations: 2, reply_median_s: 20, reply_p90_s: 28, within_target_share: 1 }
		]);
	});
	it('counts only the replies in the chosen departments', async () => {
		expect(await readAgents(db, viewOf({ filters: { departments: [V] } }))).toEqual([
			{ author: 'Борис', department: V, role: 'agent', replies: 5, conversations: 4, reply_median_s: 3600, reply_p90_s: 208_080, within_target_share: 2 / 3 },
			{ author: 'Анна', department: V, role: 'agent', replies: 1, conversations: 1, reply_median_s: null, reply_p90_s: null, within_target_share: null }
		]);
	});
	it('keeps only the chosen agents', async () => {
		const rows = await readAgents(db, viewOf({ filters: { agents: ['Бот'] } }));
		expect(rows.map((r) => r.author)).toEqual(['Бот']);
	});
});

describe('readBotHuman', () => {
	it('sets the first response of any kind against the first human one, per department that answered first', async () => {
		expect(await readBotHuman(db, viewOf())).toEqual([
			// Т: first responses 10, 1800, 30, 1200; first human 360, 1800, 86700, 1200
			{ department: T, conversations: 4, first_response_median_s: 615, first_human_response_median_s: 1500 },
			{ department: V, conversations: 2, first_response_median_s: 129_749.75, first_human_response_median_s: 129_749.75 }
		]);
	});
	it('keeps only the chosen departments', async () => {
		const rows = await readBotHuman(db, viewOf({ filters: { departments: [V] } }));
		expect(rows.map((r) => r.department)).toEqual([V]);
	});
});

describe('readSlowest', () => {
	it('lists answered conversations by first response, longest first, with their figures', async () => {
		const rows = await readSlowest(db, viewOf());
		expect(rows.map((r) => [r.conversation_id, r.first_response_s])).toEqual([
			['P4', 259_200], ['P2', 1800], ['P7', 1200], ['P6', 299.5], ['P3', 30], ['P1', 10]
		]);
		expect(rows[0]).toEqual({
			conversation_id: 'P4', departments: [V, B], handoffs: 1, first_response_s: 259_200, first_human_response_s: 259_200,
			duration_s: 266_999, customer: 'ПВЗ-3', started_at: Date.UTC(2024, 4, 13, 6, 0, 0), messages: 4
		});
	});
});

describe('readResponseTimesView', () => {
	it('puts the department table, agents, bot vs human and slowest together for the filtered conversations', async () => {
		const page = await readResponseTimesView(db, viewOf({ filters: { customers: ['ПВЗ-1'] } }));
		// ПВЗ-1 is P1 and P3; Выплаты answered in P1 after the handoff.
		expect(page.departments.map((d) => [d.department, d.conversations])).toEqual([[T, 2], [V, 1]]);
		// Two replies each: ties go by name.
		expect(page.agents.map((a) => [a.author, a.replies])).toEqual([['Анна', 2], ['Борис', 2], ['Бот', 2]]);
		expect(page.botHuman).toEqual([{ department: T, conversations: 2, first_response_median_s: 20, first_human_response_median_s: 43_530 }]);
		expect(page.slowest.map((c) => c.conversation_id)).toEqual(['P3', 'P1']);
	});
});
