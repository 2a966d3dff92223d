import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { parseBusinessHours } from './business-hours';
import { readChains, readFlows, readHandoffsView, readPassing } from './handoffs-view';
import { openTestDb, viewOf } from './test-chats';
import { DEPARTMENTS, viewChats } from './view-fixture';

// Department lists (view-fixture.ts): P1 [Т, В], P2 [Т, Б, Т], P3 [Т], P4 [В, Б], P5 [], P6 [В], P7 [Т, В].
const { T, V, B } = DEPARTMENTS;
let db: Db;
beforeAll(async () => (db = await openTestDb(viewChats())));
afterAll(() => db.close());

describe('readFlows', () => {
	it('counts transfers between consecutive departments, a ping-pong conversation in both directions', async () => {
		expect(await readFlows(db, viewOf())).toEqual([
			{ from: T, to: V, conversations: 2, transfers: 2 }, // P1, P7
			{ from: B, to: T, conversations: 1, transfers: 1 }, // P2
			{ from: V, to: B, conversations: 1, transfers: 1 }, // P4
			{ from: T, to: B, conversations: 1, transfers: 1 } // P2
		]);
	});
	it('counts only the filtered conversations', async () => {
		expect(await readFlows(db, viewOf({ filters: { customers: ['ПВЗ-3'] } }))).toEqual([
			{ from: V, to: B, conversations: 1, transfers: 1 },
			{ from: T, to: V, conversations: 1, transfers: 1 }
		]);
	});
});

describe('readChains', () => {
	it('lists chains of two or more departments, commonest first, with median duration and ping-pong share', async () => {
		expect(await readChains(db, viewOf())).toEqual([
			{ departments: [T, V], conversations: 2, duration_median_s: 4200, ping_pong_share: 0 }, // 4800, 3600
			{ departments: [V, B], conversations: 1, duration_median_s: 266_999, ping_pong_share: 0 },
			{ departments: [T, B, T], conversations: 1, duration_median_s: 31_860, ping_pong_share: 1 }
		]);
	});
});

describe('readPassing', () => {
	it('counts cases, cases passed on and answered, and the median wait before the first reply in the department', async () => {
		expect(await readPassing(db, viewOf())).toEqual([
			// В: P4 waits from its first customer message (259200); P1 and P7 from Т's last reply (600, 2400);
			// P6 has no wait: Выплаты wrote before the customer did.
			{ department: V, cases: 4, passed_on: 1, answered_itself: 3, wait_median_s: 2400 },
			// Т: first department of P1, P2, P3, P7: 10, 1800, 30, 1200. P2 comes back to Т: its first visit counts.
			{ department: T, cases: 4, passed_on: 3, answered_itself: 2, wait_median_s: 615 },
			// Б: P2 from Т's reply at 00:29 to 00:30 (60); P4 from В's reply at 09:00 to 11:09:59 (7799).
			{ department: B, cases: 2, passed_on: 1, answered_itself: 1, wait_median_s: 3929.5 }
		]);
	});
	it('keeps only the chosen departments', async () => {
		const rows = await readPassing(db, viewOf({ filters: { departments: [B] } }));
		expect(rows.map((r) => r.department)).toEqual([B]);
	});
	it('measures waits on business hours when the metrics are', async () => {
		const business = await openTestDb(viewChats(), parseBusinessHours('mon-fri 09:00-18:00'));
		const rows = await readPassing(business, viewOf({ businessHours: parseBusinessHours('mon-fri 09:00-18:00') }));
		// В: P1 600, P4 Mon 09:00 -> Thu 09:00 = 3 x 9 h, P7 at night 0. Т: 10 and three night waits of 0.
		// Б: P2 at night 0, P4 7799 (inside hours).
		expect(rows.map((r) => [r.department, r.wait_median_s])).toEqual([[V, 600], [T, 0], [B, 3899.5]]);
		await business.close();
	});
});

describe('readHandoffsView', () => {
	it('has as many transfers as handoffs, and no more chains than conversations', async () => {
		const page = await readHandoffsView(db, viewOf());
		expect(page.flows.reduce((sum, f) => sum + f.transfers, 0)).toBe(5); // 1 + 2 + 1 + 1
		expect(page.chains.reduce((sum, c) => sum + c.conversations, 0)).toBe(4);
		expect(page.passing).toHaveLength(3);
	});
});
