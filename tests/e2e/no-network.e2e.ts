import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { importDemo, launchBrowser } from './browser';

// Issue 7, "nothing leaves the machine": every request the browser makes while the demo data is imported, analysed
// (including the text detection in its worker), shown on every page and exported (JSON report, HTML report, CSV,
// share link, the link's page, the comparison) is recorded, from pages and workers alike, and any whose origin is
// not the app's own fails the test. So do a WebSocket, a service worker or an uncaught error.
const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const OUT = resolve('test-results/no-network-e2e');
const DETECTION_MS = 180_000;

let context: BrowserContext;
let page: Page;
const requests: { url: string; type: string }[] = [];
const sockets: string[] = [];
const serviceWorkers: string[] = [];
const workers: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
	mkdirSync(OUT, { recursive: true });
	context = await launchBrowser('ru-RU');
	// Context level: every page's requests and its dedicated workers' (DuckDB's and the text detection's; Playwright
	// files a worker's requests under its page's frame).
	context.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
	context.on('serviceworker', (sw) => serviceWorkers.push(sw.url()));
	context.on('page', (p) => {
		p.on('websocket', (ws) => sockets.push(ws.url()));
		p.on('worker', (w) => workers.push(w.url()));
		p.on('pageerror', (e) => errors.push(e.message));
	});
	page = await context.newPage();
}, 120_000);

afterAll(async () => {
	const origins = new Map<string, number>();
	for (const { url } of requests) {
		const key = /^(blob|data):/.test(url) ? url.slice(0, url.indexOf(':') + 1) : new URL(url).origin;
		origins.set(key, (origins.get(key) ?? 0) + 1);
	}
	console.log(`no-network e2e: ${requests.length} requests (${[...origins].map(([o, n]) => `${o} ${n}`).join(', ')}), ` +
		`${workers.length} workers, ${sockets.length} websockets, ${serviceWorkers.length} service workers; ` +
		`WebAssembly: ${requests.filter((r) => r.url.endsWith('.wasm')).map((r) => r.url.split('/').pop()).join(', ')}`);
	await context?.close();
});

/** URLs of requests that went to an origin other than the app's (blob: and data: stay in the browser). */
function foreign(): string[] {
	return requests.map((r) => r.url).filter((url) => !/^(blob|data):/.test(url) && new URL(url).origin !== origin);
}

/** Goes to an app page by its link in the navigation bar (no reload); false when the bar has no such page. */
async function visit(path: string): Promise<boolean> {
	const link = page.locator(`nav a[href^="/${path}"]`).first();
	if ((await link.count()) === 0) return false;
	await link.click();
	await page.waitForURL(new RegExp(`/${path}(\\?|$)`));
	return true;
}

/** Clicks `testId` and saves its download under OUT; returns the text. */
async function download(testId: string, name: string): Promise<string> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
	const path = resolve(OUT, name);
	await file.saveAs(path);
	return readFileSync(path, 'utf8');
}

describe('the demo data, from import to every export, requests nothing from another origin', () => {
	it('imports the demo and finishes the analysis, text detection included', async () => {
		await importDemo(page, baseUrl);
		await visit('templates');
		await page.getByTestId('template-list').first().waitFor({ timeout: DETECTION_MS });
		await expect.poll(() => page.getByTestId('report-download').isEnabled(), { timeout: DETECTION_MS }).toBe(true);
		// The recording sees the workers' own requests: DuckDB's worker fetches its WebAssembly module itself.
		expect(requests.some((r) => r.url.endsWith('.wasm'))).toBe(true);
		expect(foreign()).toEqual([]);
	}, 240_000);

	it('visits every page', async () => {
		for (const [path, testId] of [
			['overview', 'department-table'], ['response-times', 'slowest-table'], ['handoffs', 'chart-sankey'],
			['handoffs', 'redirects-table'], ['templates', 'template-list'], ['off-topic', 'off-topic-item'],
			['commitments', 'customer-timeline']
		] as const) {
			if (!(await visit(path))) continue;
			await page.getByTestId(testId).first().waitFor({ timeout: 60_000 });
		}
		await visit('response-times');
		const link = page.getByTestId('slowest-table').locator('a[href*="/conversation/"]').first();
		await link.waitFor({ timeout: 60_000 });
		await link.click();
		await page.getByTestId('conversation-timeline').waitFor({ timeout: 60_000 });
		expect(foreign()).toEqual([]);
	}, 240_000);

	it('downloads the JSON report, the shared HTML, JSON and CSV, and opens the share link and the comparison', async () => {
		const report = JSON.parse(await download('report-download', 'report.json'));
		expect(report.schema).toBe('replyscope.report/1');

		await visit('report');
		await page.getByTestId('share-preview').waitFor({ timeout: DETECTION_MS });
		await expect.poll(() => page.getByTestId('share-covers').getAttribute('inert'), { timeout: 60_000 }).toBeNull();
		expect(await download('share-download-html', 'report.html')).toContain('<!doctype html>');
		await download('share-download-json', 'share.json');
		await page.locator('details.row summary').click();
		await download('share-csv-departments', 'departments.csv');
		const input = page.getByTestId('share-link');
		await expect.poll(async () => (await input.inputValue()).length, { timeout: 30_000 }).toBeGreaterThan(0);
		const link = await input.inputValue();
		expect(link.startsWith(`${baseUrl}/shared#r=`)).toBe(true);

		await page.goto(link);
		await page.frameLocator('[data-testid="shared-report"]').locator('.kpi .value').first().waitFor({ timeout: 30_000 });
		await page.getByTestId('shared-add-compare').click();
		await page.getByTestId('compare-owners').waitFor();
		await page.getByTestId('compare-files').setInputFiles([resolve(OUT, 'report.html'), resolve(OUT, 'share.json')]);
		await page.getByTestId('compare-table').waitFor({ timeout: 30_000 });

		expect(foreign()).toEqual([]);
		expect(sockets).toEqual([]);
		expect(serviceWorkers).toEqual([]);
		expect(errors).toEqual([]);
		expect(requests.length).toBeGreaterThan(0);
	}, 240_000);
});
