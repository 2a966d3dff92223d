import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { readBuckets, readDepartmentRows, readHeadline, readMessagesPerDay, readOverviewView, readWeekly } from './overview-view';
import { openTestDb, viewOf } from './test-chats';
import { selectView } from './view-sql';
import type { Filters } from './view-types';
import { DEPARTMENTS, viewChats } from './view-fixture';

// Expected figures worked out by hand from the table in view-fixture.ts.
const { T, V, B } = DEPARTMENTS;
let db: Db;
beforeAll(async () => (db = await openTestDb(viewChats())));
afterAll(() => db.close());

describe('readHeadline', () => {
	it('gives the figures of all conversations', async () => {
		expect(await readHeadline(db, viewOf())).toEqual({
			conversations: 7,
			messages: 30,
			// first responses 10, 30, 299.5, 1200, 1800, 259200 -> (299.5 + 1200) / 2
			first_response_median_s: 749.75,
			// 11 replies with a response_s; the 6th of them sorted is 1800
			reply_median_s: 1800,
			// <= 3600: 10, 30, 299.5, 300, 1200, 1800, 3600 (exactly the target counts)
			within_target_share: 7 / 11,
			handoff_share: 4 / 7,
			period: { from: Date.UTC(2024, 4, 6, 7, 0, 0), to: Date.UTC(2024, 4, 16, 8, 9, 59) }
		});
	});
	it('gives the figures of the filtered conversations, all their replies included', async () => {
		expect(await readHeadline(db, viewOf({ filters: { departments: [B] }, targetS: 1800 }))).toMatchObject({
			conversations: 2, messages: 10, first_response_median_s: 130_500, reply_median_s: 17_999.5,
			within_target_share: 1 / 4, handoff_share: 1
		});
	});
	it('gives nulls, not errors, when nothing is selected', async () => {
		expect(await readHeadline(db, viewOf({ filters: { customers: ['nobody'] } }))).toEqual({
			conversations: 0, messages: 0, first_response_median_s: null, reply_median_s: null,
			within_target_share: null, handoff_share: null, period: null
		});
	});
});

describe('readDepartmentRows', () => {
	it('gives each department its reply and first-response figures and its share within the target', async () => {
		expect(await readDepartmentRows(db, viewOf())).toEqual([
			{
				department: V, conversations: 4, agent_messages: 6,
				first_response_median_s: 129_749.75, first_response_p90_s: 233_309.95, // 299.5, 259200
				reply_median_s: 3600, reply_p90_s: 208_080, within_target_share: 2 / 3 // 299.5, 3600, 259200
			},
			{
				department: T, conversations: 4, agent_messages: 7,
				first_response_median_s: 615, first_response_p90_s: 1620, // 10, 30, 1200, 1800
				reply_median_s: 750, reply_p90_s: 44_100, within_target_share: 5 / 6 // 10, 30, 300, 1200, 1800, 86400: p90 = 1800 + 0.5 * 84600
			},
			{
				department: B, conversations: 2, agent_messages: 3,
				first_response_median_s: null, first_response_p90_s: null,
				reply_median_s: 17_999.5, reply_p90_s: 26_639.9, within_target_share: 0 // 7199, 28800
			}
		]);
	});
	it('keeps only the chosen departments', async () => {
		const rows = await readDepartmentRows(db, viewOf({ filters: { departments: [B] } }));
		expect(rows.map((r) => [r.department, r.conversations])).toEqual([[B, 2]]);
	});
	it('moves the share with the target', async () => {
		const rows = await readDepartmentRows(db, viewOf({ targetS: 299.5 }));
		expect(rows.find((r) => r.department === V)?.within_target_share).toBe(1 / 3);
	});
});

describe('readWeekly', () => {
	it('puts each conversation in the Monday-to-Sunday week of its local start, per department that answered first', async () => {
		// Week of Monday 05-06: P1 10, P2 1800, P3 30 and P7 (Sunday 05-12 23:50) 1200, all first answered by Т.
		// Week of Monday 05-13: P4 259200 and P6 299.5 (В); P5 is unanswered.
		expect(await readWeekly(db, viewOf())).toEqual([
			{ week: '2024-05-06', department: T, conversations: 4, first_response_median_s: 615 },
			{ week: '2024-05-13', department: V, conversations: 2, first_response_median_s: 129_749.75 }
		]);
	});
	it('keeps only the chosen departments', async () => {
		expect(await readWeekly(db, viewOf({ filters: { departments: [V] } }))).toEqual([
			{ week: '2024-05-13', department: V, conversations: 2, first_response_median_s: 129_749.75 }
		]);
	});
});

describe('readBuckets', () => {
	it('counts replies on each edge in the upper bucket: exactly 300 s is 5m_30m, 299.5 s is under_5m', async () => {
		expect(await readBuckets(db, viewOf())).toEqual([
			{ bucket: 'under_5m', replies: 3 }, // 10, 30, 299.5
			{ bucket: '5m_30m', replies: 2 }, // 300, 1200
			{ bucket: '30m_2h', replies: 3 }, // 1800, 3600, 7199
			{ bucket: '2h_8h', replies: 0 },
			{ bucket: '8h_24h', replies: 1 }, // 28800
			{ bucket: '1d_3d', replies: 1 }, // 86400
			{ bucket: 'over_3d', replies: 1 } // 259200
		]);
	});
	it('lists all seven buckets even when nothing is selected', async () => {
		const buckets = await readBuckets(db, viewOf({ filters: { customers: ['nobody'] } }));
		expect(buckets.map((b) => b.replies)).toEqual([0, 0, 0, 0, 0, 0, 0]);
	});
});

describe('readMessagesPerDay', () => {
	it('counts the messages of the filtered conversations per local day', async () => {
		expect(await readMessagesPerDay(db, viewOf())).toEqual([
			{ day: '2024-05-06', messages: 8 },
			{ day: '2024-05-07', messages: 8 },
			{ day: '2024-05-08', messages: 1 },
			{ day: '2024-05-12', messages: 1 },
			{ day: '2024-05-13', messages: 5 },
			{ day: '2024-05-14', messages: 4 },
			{ day: '2024-05-16', messages: 3 }
		]);
		expect(await readMessagesPerDay(db, viewOf({ filters: { customers: ['ПВЗ-3'] } }))).toEqual([
			{ day: '2024-05-12', messages: 1 },
			{ day: '2024-05-13', messages: 3 },
			{ day: '2024-05-16', messages: 3 }
		]);
	});
});

describe('readOverviewView', () => {
	it('reads in one statement what the parts read one by one, inline and on the copy of the filtered rows', async () => {
		const filterSets: Filters[] = [
			{}, { departments: [B] }, { departments: [V, T] }, { from: '2024-05-06', to: '2024-05-13' }, { customers: ['ПВЗ-3'] }, { customers: ['nobody'] }
		];
		for (const filters of filterSets) {
			const view = viewOf({ filters, targetS: 1800 });
			const parts = {
				headline: await readHeadline(db, view),
				departments: await readDepartmentRows(db, view),
				weekly: await readWeekly(db, view),
				buckets: await readBuckets(db, view),
				messagesPerDay: await readMessagesPerDay(db, view)
			};
			if (filters.customers?.[0] !== 'nobody') expect(parts.headline.conversations, JSON.stringify(filters)).toBeGreaterThan(0);
			expect(await readOverviewView(db, view)).toEqual(parts);
			expect(await readOverviewView(db, { ...view, selection: await selectView(db, filters) })).toEqual(parts);
		}
	});

	it('gives the same page from the page on another target as from scratch', async () => {
		for (const filters of [{}, { departments: [B] }, { customers: ['ПВЗ-3'] }, { customers: ['nobody'] }]) {
			const previous = await readOverviewView(db, viewOf({ filters, targetS: 3600 }));
			for (const targetS of [299.5, 1800, 86_400]) {
				const fresh = await readOverviewView(db, viewOf({ filters, targetS }));
				expect(await readOverviewView(db, viewOf({ filters, targetS }), previous)).toEqual(fresh);
			}
		}
	});
});
