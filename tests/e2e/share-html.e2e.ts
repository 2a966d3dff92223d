import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';

// The shareable HTML report of the demo data, as the command line writes it, opened from file:// the way a phone
// opens a messenger download: every chart drawn, no console error, no request but the file itself.
const OUT = resolve('test-results/share');
const SCREENSHOTS = resolve('test-results/screenshots');
const files = { ru: resolve(OUT, 'demo-ru.html'), en: resolve(OUT, 'demo-en.html') };

function writeReport(file: string, ...options: string[]): void {
	const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'analyze', 'data/demo/support-chats.csv', '--tz', 'Europe/Moscow',
		'--html', file, '--include-texts', ...options], { encoding: 'utf8', timeout: 120_000 });
	if (run.status !== 0) throw new Error(`cli failed: ${run.stderr}`);
}

let context: BrowserContext;
beforeAll(async () => {
	mkdirSync(OUT, { recursive: true });
	mkdirSync(SCREENSHOTS, { recursive: true });
	writeReport(files.ru, '--owner', 'ПВЗ на Ленина');
	writeReport(files.en, '--lang', 'en');
	context = await launchBrowser('ru-RU');
}, 300_000);
afterAll(() => context?.close());

/** Opens `file` in a new page, recording console errors and every request. */
async function open(file: string, viewport: { width: number; height: number }) {
	const page: Page = await context.newPage();
	await page.setViewportSize(viewport);
	const errors: string[] = [];
	const requests: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('request', (r) => requests.push(r.url()));
	const url = pathToFileURL(file).href;
	await page.goto(url);
	await page.waitForLoadState('load');
	return { page, errors, requests, url };
}

describe.each(['ru', 'en'] as const)('the %s HTML report from file://', (lang) => {
	it('draws every chart, logs no error and requests nothing but itself', async () => {
		const { page, errors, requests, url } = await open(files[lang], { width: 1280, height: 900 });
		const charts = await page.locator('figure.chart svg').evaluateAll((svgs) =>
			svgs.map((svg) => ({ marks: svg.querySelectorAll('rect.bar, path.line').length, width: svg.getBoundingClientRect().width })));
		// response times by department, reply-time buckets, weekly trend, handoff flows, promises kept
		expect(charts.length).toBe(5);
		for (const chart of charts) {
			expect(chart.marks).toBeGreaterThan(0);
			expect(chart.width).toBeGreaterThan(300);
		}
		expect(await page.locator('script:not([type="application/json"])').count()).toBe(0);
		expect(errors).toEqual([]);
		expect(requests).toEqual([url]);
		console.log(`${lang}: ${Math.round(statSync(files[lang]).size / 1024)} KB`);
		await page.screenshot({ path: `${SCREENSHOTS}/share-${lang}-desktop.png`, fullPage: true });
		await page.close();
	});

	it('fits a phone: no sideways scrolling of the page, only inside tables', async () => {
		const { page, errors } = await open(files[lang], { width: 390, height: 844 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		expect(errors).toEqual([]);
		await page.screenshot({ path: `${SCREENSHOTS}/share-${lang}-phone.png`, fullPage: true });
		await page.close();
	});

	it('prints on A4 with every chart and without the table toggles', async () => {
		const { page } = await open(files[lang], { width: 794, height: 1123 });
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('summary').first().isVisible()).toBe(false);
		expect(await page.locator('figure.chart svg').count()).toBe(5);
		await page.screenshot({ path: `${SCREENSHOTS}/share-${lang}-print.png`, fullPage: true });
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		expect(pdf.byteLength).toBeGreaterThan(10_000);
		await page.close();
	});
});
