import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBusinessHours } from '$lib/analysis/business-hours';
import { messageMaker, openTestDb, viewOf } from '$lib/analysis/test-chats';
import { readHandoffsView } from '$lib/analysis/handoffs-view';
import { readOverviewView } from '$lib/analysis/overview-view';
import { readResponseTimesView } from '$lib/analysis/response-times-view';
import { computeMetrics } from '$lib/analysis/figures';
import { computeReplyFlags } from '$lib/analysis/detect-flags';
import type { TemplatesView } from '$lib/analysis/text-view-types';
import { viewChats } from '$lib/analysis/view-fixture';
import type { ConversationDetail, Facets, Filters } from '$lib/analysis/view-types';
import type { Db } from '$lib/db/types';
import type { OverviewView } from './engine';
import type { InputSummary } from './protocol';
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

/**
 * Runs `test` on the view fixture through a `Db` that counts its queries (`queries()`), with a ViewRequests whose
 * metrics are computed; closes the database after.
 */
async function withCountedViews(
	test: (t: { chats: Db; counted: Db; views: ViewRequests; queries: () => number }) => Promise<void>,
	readAheadIdleMs = 0
) {
	const chats = await openTestDb(viewChats());
	let queries = 0;
	const counted: Db = { ...chats, query: (sql, params) => ((queries += 1), chats.query(sql, params)) };
	try {
		const views = new ViewRequests({ readAheadIdleMs });
		await views.computeMetrics(counted);
		await test({ chats, counted, views, queries: () => queries });
	} finally {
		await chats.close();
	}
}

describe('ViewRequests', () => {
	it('recognises its request types', () => {
		expect(isViewRequest({ type: 'overviewView' })).toBe(true);
		expect(isViewRequest({ type: 'load' })).toBe(false);
	});

	it('recomputes the metrics only when a request comes on another clock', async () => {
		const views = new ViewRequests({ readAheadIdleMs: 0 });
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
		const views = new ViewRequests({ readAheadIdleMs: 0 });
		await views.computeMetrics(db);
		const ask = (businessHours: typeof HOURS | null) =>
			views.answer(db, { id: 3, type: 'responseTimes', view: viewOf({ businessHours }) }) as Promise<{ slowest: { first_response_s: number }[] }>;
		const answers = await Promise.all([ask(HOURS), ask(null), ask(HOURS)]);
		expect(answers.map((a) => a.slowest[0].first_response_s)).toEqual([3600, 64 * 3600, 3600]);
	});

	it('reads the overview again on a new target, filters or clock, never an old page', async () => {
		const views = new ViewRequests({ readAheadIdleMs: 0 });
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
		const facets = (await new ViewRequests({ readAheadIdleMs: 0 }).answer(db, { id: 4, type: 'facets' })) as Facets;
		expect(facets).toEqual({ departments: ['Выплаты'], agents: ['Борис'], customers: ['ПВЗ-1'], firstDay: '2024-05-10', lastDay: '2024-05-13' });
	});

	it('gives the same pages from its copy of the filtered rows as the queries that filter inline', async () => {
		const chats = await openTestDb(viewChats());
		try {
			const views = new ViewRequests({ readAheadIdleMs: 0 });
			await views.computeMetrics(chats);
			const filterSets: Filters[] = [
				{ departments: ['Бренд-менеджер'] }, { departments: ['Выплаты'], from: '2024-05-13' }, {},
				{ agents: ['Анна'] }, { customers: ['ПВЗ-2'] }, { departments: ['Бренд-менеджер'] }
			];
			for (const [i, filters] of filterSets.entries()) {
				for (const businessHours of [null, HOURS]) {
					const view = viewOf({ filters, businessHours });
					const answered = {
						overview: await views.answer(chats, { id: 10 + i, type: 'overviewView', view }),
						responseTimes: await views.answer(chats, { id: 20 + i, type: 'responseTimes', view }),
						handoffs: await views.answer(chats, { id: 30 + i, type: 'handoffs', view })
					};
					await views.readingAhead;
					await computeMetrics(chats, businessHours); // inline: no selection, same clock
					const inline = {
						overview: await readOverviewView(chats, view),
						responseTimes: await readResponseTimesView(chats, view),
						handoffs: await readHandoffsView(chats, view)
					};
					expect(answered, JSON.stringify(filters)).toEqual(inline);
				}
			}
		} finally {
			await chats.close();
		}
	});

	it('answers a page it answered before without querying again, and reads again after the clock changed', () =>
		withCountedViews(async ({ counted, views, queries }) => {
			const overview = (departments: string[], businessHours: typeof HOURS | null = null) =>
				views.answer(counted, { id: 40, type: 'overviewView', view: viewOf({ filters: { departments }, businessHours }) }) as Promise<OverviewView>;
			const all = await overview([]);
			const brand = await overview(['Бренд-менеджер']);
			expect(brand.headline.conversations).toBe(2);
			await views.readingAhead;
			const before = queries();
			expect(await overview([])).toEqual(all);
			expect(await overview(['Бренд-менеджер'])).toEqual(brand);
			expect(queries()).toBe(before);
			expect((await overview(['Бренд-менеджер'], HOURS)).headline.first_response_median_s).not.toBe(brand.headline.first_response_median_s);
			expect(queries()).toBeGreaterThan(before);
		}));

	it('reads ahead the overviews one department tick away, the same pages a request would get', () =>
		withCountedViews(async ({ chats, counted, views, queries }) => {
			const overview = (departments: string[]) =>
				views.answer(counted, { id: 60, type: 'overviewView', view: viewOf({ filters: { departments } }) }) as Promise<OverviewView>;
			await overview([]);
			await views.readingAhead;
			const before = queries();
			const ahead = [await overview(['Выплаты']), await overview(['Бренд-менеджер'])];
			expect(queries()).toBe(before); // both were read ahead
			const fresh = new ViewRequests({ readAheadIdleMs: 0 });
			await fresh.computeMetrics(chats);
			for (const [i, departments] of [['Выплаты'], ['Бренд-менеджер']].entries()) {
				expect(ahead[i]).toEqual(await fresh.answer(chats, { id: 61, type: 'overviewView', view: viewOf({ filters: { departments } }) }));
			}
			// Around ['Бренд-менеджер'] (the last page asked): unticking it is kept, ticking another one is read ahead.
			await views.readingAhead;
			const after = queries();
			expect((await overview(['Бренд-менеджер', 'Выплаты'])).headline.conversations).toBeGreaterThan(0);
			expect(queries()).toBe(after);
		}));

	it('stops reading ahead as soon as another request comes in', () =>
		withCountedViews(async ({ counted, views, queries }) => {
			await views.answer(counted, { id: 70, type: 'overviewView', view: viewOf() });
			const facets = (await views.answer(counted, { id: 71, type: 'facets' })) as Facets; // asked at once
			await views.readingAhead;
			const before = queries();
			await views.answer(counted, { id: 72, type: 'overviewView', view: viewOf({ filters: { departments: [facets.departments[0]] } }) });
			expect(queries()).toBeGreaterThan(before); // not read ahead: the facets request stopped it
		}));

	it('reads ahead at once after the first overview on new metrics, later only once the engine has been idle a while', () =>
		withCountedViews(async ({ counted, views, queries }) => {
			const overview = (departments: string[]) =>
				views.answer(counted, { id: 80, type: 'overviewView', view: viewOf({ filters: { departments } }) });
			await overview([]);
			await views.readingAhead; // started at once: within the test's time, although the idle wait is minutes
			const first = queries();
			await overview(['Выплаты', 'Бренд-менеджер']); // not one of the pages read ahead around the first
			const answered = queries();
			expect(answered).toBeGreaterThan(first);
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(queries()).toBe(answered); // a filter change: reading ahead waits for the engine to be idle
			await views.computeMetrics(counted, HOURS);
			await overview([]);
			await views.readingAhead; // new metrics: at once again
			expect(queries()).toBeGreaterThan(answered + 1);
		}, 600_000));

	it('answers the text requests only once the detection is stored, and not after the dataset is reset', async () => {
		const chats = await openTestDb(viewChats());
		try {
			const views = new ViewRequests({ readAheadIdleMs: 0 });
			await views.computeMetrics(chats);
			const templates = () => views.answer(chats, { id: 50, type: 'templates', view: viewOf() }) as Promise<TemplatesView>;
			await expect(templates()).rejects.toThrow(/not finished/);
			await computeReplyFlags(chats);
			views.flagsStored();
			expect((await templates()).departments.length).toBeGreaterThan(0);
			views.reset();
			await expect(templates()).rejects.toThrow(/not finished/);
		} finally {
			await chats.close();
		}
	});

	it('makes the shareable report on the view\'s clock and target, with the dataset\'s time zone and files', async () => {
		const chats = await openTestDb(viewChats());
		try {
			const views = new ViewRequests({ readAheadIdleMs: 0 });
			await views.computeMetrics(chats);
			await computeReplyFlags(chats);
			views.flagsStored();
			const input = { time_zone: 'Europe/Moscow', files: [{}, {}] } as unknown as InputSummary;
			const options = { language: 'ru' as const, owner: 'ПВЗ на Ленина', anonymise: true, includeTexts: false };
			const calendar = await views.shareReport(chats, input, options, viewOf({ targetS: 1800 }));
			expect(calendar).toMatchObject({ schema: 'replyscope.share/1', owner: 'ПВЗ на Ленина', time_zone: 'Europe/Moscow', target_s: 1800 });
			expect(calendar.source.files).toBe(2);
			expect(JSON.stringify(calendar)).not.toMatch(/Анна|Борис|Вера/);
			const business = await views.shareReport(chats, input, options, viewOf({ businessHours: HOURS }));
			expect(business.headline.first_response_median_s).not.toBe(calendar.headline.first_response_median_s);
		} finally {
			await chats.close();
		}
	});
});
