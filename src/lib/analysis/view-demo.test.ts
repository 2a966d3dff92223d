/**
 * The view queries on the demo data (data/demo/support-chats.csv): figures that must agree with each other,
 * whatever the data. How long the queries take is measured by `npm run bench` (scripts/bench-views.ts), not here.
 */
import { openAsBlob } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import { importFiles } from '$lib/ingest/import-files';
import { proposeFile } from '$lib/ingest/propose';
import { parseBusinessHours } from './business-hours';
import { listConversations } from './drill';
import { readFacets } from './facets';
import { computeMetrics } from './figures';
import { readHandoffsView } from './handoffs-view';
import { readDepartmentRows, readHeadline, readOverviewView } from './overview-view';
import { readResponseTimesView } from './response-times-view';
import { viewOf } from './test-chats';
import { Params, viewWith } from './view-sql';
import type { Filters } from './view-types';

async function loadFile(db: Db, path: string): Promise<void> {
	const file = new File([await openAsBlob(path)], path.split('/').at(-1)!);
	const proposal = await proposeFile(file, 'Europe/Moscow');
	await importFiles(db, [file], [proposal.plan]);
	await computeMetrics(db);
}

/** Totals of the view straight from the metrics tables, to check the pages against. */
async function totals(db: Db, filters: Filters) {
	const p = new Params();
	const [row] = await db.query<{ conversations: number; handoffs: number; timed_replies: number }>(`
		${viewWith({ filters }, p)}
		SELECT (SELECT count(*) FROM selected) AS conversations, (SELECT coalesce(sum(handoffs), 0) FROM selected) AS handoffs,
			(SELECT count(response_s) FROM selected_messages) AS timed_replies`, p.values);
	return row;
}

let db: Db;
let filtered: Filters;
beforeAll(async () => {
	db = await openNodeDb();
	await loadFile(db, 'data/demo/support-chats.csv');
	const facets = await readFacets(db);
	filtered = { from: facets.firstDay!, to: facets.firstDay!.replace(/-\d\d$/, '-20'), departments: facets.departments.slice(0, 2) };
}, 60_000);
afterAll(() => db.close());

describe('view queries on the demo data', () => {
	it.each([['no filter', () => ({})], ['a filter', () => filtered]] as const)('with %s, buckets sum to the timed replies, flows to the handoffs', async (_, filters) => {
		const view = viewOf({ filters: filters() });
		const expected = await totals(db, view.filters);
		expect(expected.conversations).toBeGreaterThan(0);
		const overview = await readOverviewView(db, view);
		expect(overview.headline.conversations).toBe(expected.conversations);
		expect(overview.buckets.reduce((sum, b) => sum + b.replies, 0)).toBe(expected.timed_replies);
		const handoffs = await readHandoffsView(db, view);
		expect(handoffs.flows.reduce((sum, f) => sum + f.transfers, 0)).toBe(expected.handoffs);
		expect(handoffs.chains.length).toBeLessThanOrEqual(20);
		expect(handoffs.chains.reduce((sum, c) => sum + c.conversations, 0)).toBeLessThanOrEqual(expected.conversations);
		for (const chain of handoffs.chains) expect(chain.departments.length).toBeGreaterThanOrEqual(2);
		for (const row of handoffs.passing) expect(row.passed_on + row.answered_itself).toBeGreaterThanOrEqual(row.cases);
	});

	it('lists as many conversations behind a department as the department row counts', async () => {
		const view = viewOf({ filters: filtered });
		const [row] = await readDepartmentRows(db, view);
		const listed = await listConversations(db, view, { kind: 'department', department: row.department }, 100_000);
		expect(listed).toHaveLength(row.conversations);
	});

	it('fills the response-times page, slowest first', async () => {
		const page = await readResponseTimesView(db, viewOf());
		expect(page.slowest).toHaveLength(20);
		const firsts = page.slowest.map((c) => c.first_response_s!);
		expect(firsts).toEqual([...firsts].sort((a, b) => b - a));
		expect(page.agents.length).toBeGreaterThan(0);
	});

	it('never makes a reply longer on business hours than on the calendar', async () => {
		const calendar = await readHeadline(db, viewOf());
		const hours = parseBusinessHours('mon-fri 09:00-18:00');
		await computeMetrics(db, hours);
		const business = await readHeadline(db, viewOf({ businessHours: hours }));
		await computeMetrics(db);
		expect(business.conversations).toBe(calendar.conversations);
		expect(business.reply_median_s!).toBeLessThanOrEqual(calendar.reply_median_s!);
		expect(business.first_response_median_s!).toBeLessThanOrEqual(calendar.first_response_median_s!);
	});
});
