import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { listConversations } from './drill';
import { openTestDb, viewOf } from './test-chats';
import { DEPARTMENTS, viewChats } from './view-fixture';
import type { Drill, Filters } from './view-types';

// First responses (view-fixture.ts): P4 259200, P2 1800, P7 1200, P6 299.5, P3 30, P1 10, P5 unanswered.
const { T, V, B } = DEPARTMENTS;
let db: Db;
beforeAll(async () => (db = await openTestDb(viewChats())));
afterAll(() => db.close());

const ids = async (drill: Drill, filters: Filters = {}, limit?: number) =>
	(await listConversations(db, viewOf({ filters }), drill, limit)).map((c) => c.conversation_id);

describe('listConversations', () => {
	it('department: conversations in which it replied, slowest first response first', async () => {
		expect(await ids({ kind: 'department', department: B })).toEqual(['P4', 'P2']);
		expect(await ids({ kind: 'department', department: null })).toEqual([]);
	});
	it('agent: conversations with a reply by the author, within the chosen departments', async () => {
		expect(await ids({ kind: 'agent', author: 'Анна' })).toEqual(['P2', 'P7', 'P6', 'P3', 'P1']);
		expect(await ids({ kind: 'agent', author: 'Анна' }, { departments: [V] })).toEqual(['P6']);
	});
	it('week: conversations started that week and first answered by the department', async () => {
		expect(await ids({ kind: 'week', week: '2024-05-06', department: T })).toEqual(['P2', 'P7', 'P3', 'P1']);
		expect(await ids({ kind: 'week', week: '2024-05-13', department: T })).toEqual([]);
	});
	it('bucket: conversations with a reply in the bucket, of the department when given', async () => {
		expect(await ids({ kind: 'bucket', bucket: '30m_2h' })).toEqual(['P4', 'P2', 'P1']); // 7199, 1800, 3600
		expect(await ids({ kind: 'bucket', bucket: '5m_30m' })).toEqual(['P7', 'P1']); // 1200, exactly 300
		expect(await ids({ kind: 'bucket', bucket: 'under_5m', department: V })).toEqual(['P6']); // 299.5
		expect(await ids({ kind: 'bucket', bucket: 'over_3d' })).toEqual(['P4']); // exactly 259200
	});
	it('flow: conversations with that transfer', async () => {
		expect(await ids({ kind: 'flow', from: T, to: V })).toEqual(['P7', 'P1']);
		expect(await ids({ kind: 'flow', from: B, to: T })).toEqual(['P2']);
	});
	it('chain: conversations with exactly that department list', async () => {
		expect(await ids({ kind: 'chain', departments: [T, B, T] })).toEqual(['P2']);
		expect(await ids({ kind: 'chain', departments: [T] })).toEqual(['P3']);
	});
	it('day: conversations with a message that local day, unanswered ones last', async () => {
		expect(await ids({ kind: 'day', day: '2024-05-13' })).toEqual(['P4', 'P7', 'P5']);
	});
	it('stays within the filters and the limit', async () => {
		expect(await ids({ kind: 'day', day: '2024-05-13' }, { customers: ['ПВЗ-3'] })).toEqual(['P4', 'P7']);
		expect(await ids({ kind: 'department', department: T }, {}, 2)).toEqual(['P2', 'P7']);
	});
	it('returns whole conversation rows', async () => {
		const [row] = await listConversations(db, viewOf(), { kind: 'chain', departments: [T, B, T] });
		expect(row).toEqual({
			conversation_id: 'P2', departments: [T, B, T], handoffs: 2, first_response_s: 1800, first_human_response_s: 1800,
			duration_s: 31_860, customer: 'ПВЗ-2', started_at: Date.UTC(2024, 4, 6, 20, 59, 0), messages: 6
		});
	});
});
