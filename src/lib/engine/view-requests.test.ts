import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBusinessHours } from '$lib/analysis/business-hours';
import { messageMaker, openTestDb, viewOf } from '$lib/analysis/test-chats';
import type { ConversationDetail, Facets } from '$lib/analysis/view-types';
import type { Db } from '$lib/db/types';
import type { OverviewView } from './engine';
import { isViewRequest, ViewRequests } from './view-requests';

// Asked Friday 17:30 Moscow, answered Monday 09:30: 64 h on the calendar, 1 h on weekday business hours.
const m = messageMaker();
const MESSAGES = [
	m('W', 'w-c1', '2024-05-10 17:30', 'customer', { customer: 'ПВЗ-1' }),
	m('W', 'w-a1', '2024-05-13 09:30', 'agent', { department: 'Выплаты', author: 'Борис' })
];
const HOURS = parseBusinessHours('mon-fri 09:00-18:00');

let db: Db;
let rebuilds = 0;
beforeAll(async () => {
	const inner = await openTestDb(MESSAGES);
	// Count the rebuilds of message_metrics that go through this Db.
	db = { ...inner, exec: (sql: string) => ((rebuilds += Number(sql.includes('TABLE message_metrics'))), inner.exec(sql)) };
});
afterAll(() => db.close());

describe('ViewRequests', () => {
	it('recognises its request types', () => {
		expect(isViewRequest({ type: 'overviewView' })).toBe(true);
		expect(isViewRequest({ type: 'load' })).toBe(false);
	});

	it('recomputes the metrics only when a request comes on another clock', async () => {
		const views = new ViewRequests();
		await views.computeMetrics(db);
		const overview = (businessHours: typeof HOURS | null) =>
			views.answer(db, { id: 1, type: 'overviewView', view: viewOf({ businessHours }) }) as Promise<OverviewView>;
		const before = rebuilds;
		expect((await overview(null)).headline.first_response_median_s).toBe(64 * 3600);
		expect(rebuilds - before).toBe(0);
		expect((await overview(parseBusinessHours('mon-fri 09:00-18:00'))).headline.first_response_median_s).toBe(3600);
		expect((await overview(HOURS)).headline.first_response_median_s).toBe(3600);
		expect(rebuilds - before).toBe(1);
		const detail = (await views.answer(db, { id: 2, type: 'conversation', conversationId: 'W', view: viewOf() })) as ConversationDetail;
		expect(detail.messages[1].response_s).toBe(64 * 3600);
		expect(rebuilds - before).toBe(2);
	});

	it('answers requests that overlap one at a time, each on its own clock', async () => {
		const views = new ViewRequests();
		await views.computeMetrics(db);
		const ask = (businessHours: typeof HOURS | null) =>
			views.answer(db, { id: 3, type: 'responseTimes', view: viewOf({ businessHours }) }) as Promise<{ slowest: { first_response_s: number }[] }>;
		const answers = await Promise.all([ask(HOURS), ask(null), ask(HOURS)]);
		expect(answers.map((a) => a.slowest[0].first_response_s)).toEqual([3600, 64 * 3600, 3600]);
	});

	it('reads the overview again on a new target, filters or clock, never an old page', async () => {
		const views = new ViewRequests();
		await views.computeMetrics(db);
		const overview = (targetS: number, businessHours: typeof HOURS | null = null, customers?: string[]) =>
			views.answer(db, { id: 5, type: 'overviewView', view: viewOf({ targetS, businessHours, filters: customers ? { customers } : {} }) }) as Promise<OverviewView>;
		expect((await overview(3600)).headline.within_target_share).toBe(0);
		expect((await overview(3600, HOURS)).headline.within_target_share).toBe(1);
		expect((await overview(1800, HOURS)).headline.within_target_share).toBe(0);
		expect((await overview(1800, HOURS, ['nobody'])).headline).toMatchObject({ conversations: 0, within_target_share: null });
		expect((await overview(64 * 3600)).headline).toMatchObject({ conversations: 1, within_target_share: 1 });
	});

	it('gives facets without a view', async () => {
		const facets = (await new ViewRequests().answer(db, { id: 4, type: 'facets' })) as Facets;
		expect(facets).toEqual({ departments: ['Выплаты'], agents: ['Борис'], customers: ['ПВЗ-1'], firstDay: '2024-05-10', lastDay: '2024-05-13' });
	});
});
