import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { openTestDb } from './test-chats';
import { DEPARTMENTS, viewChats } from './view-fixture';
import { agentIn, departmentIn, Params, viewWith } from './view-sql';
import type { Filters } from './view-types';

let db: Db;
beforeAll(async () => (db = await openTestDb(viewChats())));
afterAll(() => db.close());

async function selected(filters: Filters): Promise<string[]> {
	const p = new Params();
	const rows = await db.query<{ id: string }>(`${viewWith({ filters }, p)} SELECT conversation_id AS id FROM selected ORDER BY id`, p.values);
	return rows.map((r) => r.id);
}

describe('viewWith: conversations in the view', () => {
	it('takes every conversation when nothing is filtered', async () => {
		expect(await selected({})).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
	});
	it('includes a conversation started at 23:59 local on the last day and excludes one started at 00:00 the next', async () => {
		// P2 starts 2024-05-06 23:59 Moscow (20:59 UTC), P3 at 2024-05-07 00:00 Moscow (2024-05-06 21:00 UTC).
		expect(await selected({ to: '2024-05-06' })).toEqual(['P1', 'P2']);
		expect(await selected({ from: '2024-05-07' })).toEqual(['P3', 'P4', 'P5', 'P6', 'P7']);
		expect(await selected({ from: '2024-05-07', to: '2024-05-07' })).toEqual(['P3']);
	});
	it('goes by the day a conversation started, not by its later messages', async () => {
		// P7 starts Sunday 05-12 23:50 and is answered on Monday.
		expect(await selected({ from: '2024-05-13', to: '2024-05-13' })).toEqual(['P4', 'P5']);
	});
	it('keeps conversations in which a chosen department replied (any of several)', async () => {
		expect(await selected({ departments: [DEPARTMENTS.B] })).toEqual(['P2', 'P4']);
		expect(await selected({ departments: [DEPARTMENTS.B, DEPARTMENTS.V] })).toEqual(['P1', 'P2', 'P4', 'P6', 'P7']);
	});
	it('counts a reply with an empty department under the department it keeps', async () => {
		// P6's only answer to the customer has no department; it keeps Выплаты from the agent's first line.
		expect(await selected({ departments: [DEPARTMENTS.V], customers: ['ПВЗ-2'] })).toEqual(['P6']);
	});
	it('keeps conversations with a reply by a chosen agent', async () => {
		expect(await selected({ agents: ['Бот'] })).toEqual(['P1', 'P3']);
		expect(await selected({ agents: ['Вера', 'Бот'] })).toEqual(['P1', 'P2', 'P3', 'P4']);
	});
	it('keeps conversations of the chosen customers', async () => {
		expect(await selected({ customers: ['ПВЗ-3'] })).toEqual(['P4', 'P7']);
	});
	it('combines filters with AND and treats empty lists as "all"', async () => {
		expect(await selected({ from: '2024-05-07', departments: [DEPARTMENTS.T], agents: [], customers: ['ПВЗ-1', 'ПВЗ-3'] })).toEqual(['P3', 'P7']);
	});
	it('passes values as parameters, so quotes in names are just characters', async () => {
		expect(await selected({ customers: ["ПВЗ-1' OR '1'='1"] })).toEqual([]);
	});
	it('rejects a day that is not YYYY-MM-DD with a sentence', async () => {
		await expect(selected({ from: '06.05.2024' })).rejects.toThrow("'06.05.2024' is not a day (YYYY-MM-DD)");
	});
});

describe('department and agent restrictions', () => {
	it('are TRUE when nothing is chosen and an IN list of parameters otherwise', () => {
		const p = new Params();
		expect(departmentIn({}, p, 'd')).toBe('TRUE');
		expect(departmentIn({ departments: ['a', 'b'] }, p, 'd')).toBe('d IN ($1, $2)');
		expect(agentIn({ agents: ['x'] }, p, 'author')).toBe('author IN ($3)');
		expect(p.values).toEqual(['a', 'b', 'x']);
	});
});
