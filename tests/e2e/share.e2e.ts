import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { importDemo, launchBrowser } from './browser';

// Sharing on the demo data: the report page makes an anonymised report (HTML with no agent's name in it, JSON with
// another owner's name), its link opens in a fresh browser that has no dataset and requests nothing from another
// origin, and the group comparison shows both owners. Screenshots of the three pages, desktop and phone.
const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
const OUT = resolve('test-results/share-e2e');
const DETECTION_MS = 120_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const OWNER = 'ПВЗ на Ленина';
const OTHER_OWNER = 'ПВЗ на Мира';

let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const files = { html: resolve(OUT, 'report.html'), json: resolve(OUT, 'report-other.json') };
let link = '';

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	mkdirSync(OUT, { recursive: true });
	context = await launchBrowser('ru-RU');
	page = await context.newPage();
	page.on('pageerror', (error) => pageErrors.push(error.message));
	await importDemo(page, baseUrl);
});
afterAll(() => context?.close());

/** The names of the agents in a few of the demo's conversations, as the conversation page shows them. */
async function agentNames(): Promise<string[]> {
	await page.goto(`${baseUrl}/response-times`);
	const links = page.getByTestId('slowest-table').locator('a[href*="/conversation/"]');
	await links.first().waitFor({ timeout: 60_000 });
	const hrefs = (await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).slice(0, 5);
	const names = new Set<string>();
	for (const href of hrefs) {
		await page.goto(href);
		await page.getByTestId('conversation-timeline').waitFor();
		for (const name of await page.locator('.message.agent .author').allInnerTexts()) names.add(name.trim());
	}
	return [...names];
}

/** Clicks `testId` and saves the download it starts to `path`; returns the file's text. */
async function download(testId: string, path: string): Promise<string> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
	await file.saveAs(path);
	return readFileSync(path, 'utf8');
}

/** A fresh browser (no dataset, no storage) that records every request. */
async function freshBrowser() {
	const fresh = await launchBrowser('ru-RU');
	const requests: string[] = [];
	const errors: string[] = [];
	fresh.on('request', (r) => requests.push(r.url()));
	const freshPage = await fresh.newPage();
	freshPage.on('pageerror', (e) => errors.push(e.message));
	return { fresh, freshPage, requests, errors };
}

/** The report embedded in an HTML file (render-html.ts; the e2e config has no `$lib` alias to import it). */
function embeddedReport(html: string): Record<string, unknown> {
	return JSON.parse(/<script type="application\/json" id="replyscope-share">([^<]*)<\/script>/.exec(html)![1]);
}

/** The report in a share link, unpacked here in Node as /shared does in the browser. */
async function linkedReport(url: string): Promise<Record<string, unknown>> {
	const bytes = Buffer.from(url.slice(url.indexOf('#r=') + 3), 'base64url');
	const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
	return JSON.parse(await new Response(stream).text());
}

const foreign = (requests: string[]) => requests.filter((url) => !url.startsWith(`${baseUrl}/`) && !/^(data|blob|about):/.test(url));

describe('sharing a report of the demo data', () => {
	it('makes an anonymised report whose HTML file names no agent', async () => {
		const agents = await agentNames();
		expect(agents.length).toBeGreaterThan(0);
		await page.goto(`${baseUrl}/report`);
		await page.getByTestId('share-preview').waitFor({ timeout: DETECTION_MS });
		expect(await page.getByTestId('share-anonymise').isChecked()).toBe(true);
		expect(await page.getByTestId('share-texts').isChecked()).toBe(false);
		await expect.poll(() => page.getByTestId('share-covers').innerText()).toMatch(/Период: .+Источник: файлов — 1/s);

		// Switching anonymisation off warns that the copy is for oneself; back on, the report is anonymised again.
		await page.getByTestId('share-anonymise').uncheck();
		await page.getByTestId('share-not-anonymised').waitFor();
		await page.getByTestId('share-anonymise').check();
		await page.getByTestId('share-not-anonymised').waitFor({ state: 'detached' });
		await page.getByTestId('share-owner').fill(OWNER);
		await expect.poll(() => page.getByTestId('share-covers').getAttribute('inert'), { timeout: 60_000 }).toBeNull();

		const html = await download('share-download-html', files.html);
		const report = embeddedReport(html);
		expect(report).toMatchObject({ owner: OWNER, anonymised: true });
		expect(report.off_topic_examples).toBeUndefined();
		expect(agents.filter((name) => html.includes(name))).toEqual([]);
		const surnames = new Set(agents.flatMap((n) => n.split(/\s+/)).filter((w) => w.length >= 4 && /^\p{Lu}/u.test(w)));
		expect([...surnames].filter((w) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'u').test(html))).toEqual([]);

		// The preview is the file itself, in its sandboxed frame.
		const preview = page.frameLocator('[data-testid="share-preview"]');
		expect(await preview.locator('.owner').innerText()).toBe(OWNER);
		expect(await preview.locator('.kpi .value').count()).toBe(5);
		await page.waitForTimeout(500);
		await page.screenshot({ path: `${SHOTS}/share-report-desktop.png`, fullPage: true });
		// A full-page capture leaves out frames below the fold (Chromium paints them once scrolled to): one more in view.
		await page.getByTestId('share-preview').scrollIntoViewIfNeeded();
		await page.waitForTimeout(800);
		await page.screenshot({ path: `${SHOTS}/share-report-preview-desktop.png` });
		await page.setViewportSize(PHONE);
		await page.screenshot({ path: `${SHOTS}/share-report-phone.png`, fullPage: true });
		await page.getByTestId('share-preview').scrollIntoViewIfNeeded();
		await page.waitForTimeout(800);
		await page.screenshot({ path: `${SHOTS}/share-report-preview-phone.png` });
		await page.setViewportSize(DESKTOP);
	});

	it('gives a share link that fits messengers', async () => {
		const input = page.getByTestId('share-link');
		// The link follows the owner's name as it is typed: wait for the one with the name.
		await expect.poll(async () => (await linkedReport(await input.inputValue())).owner, { timeout: 20_000 }).toBe(OWNER);
		link = await input.inputValue();
		expect(link.startsWith(`${baseUrl}/shared#r=`)).toBe(true);
		console.log(`demo share link: ${link.length} characters`);
		expect(await page.getByTestId('share-link-length').innerText()).toContain(String(link.length).slice(-3));
	});

	it('saves a JSON report under another owner name', async () => {
		await page.getByTestId('share-owner').fill(OTHER_OWNER);
		const json = JSON.parse(await download('share-download-json', files.json));
		expect(json).toMatchObject({ schema: 'replyscope.share/1', owner: OTHER_OWNER, anonymised: true });
		expect(pageErrors).toEqual([]);
	});

	it('opens the link in a fresh browser, read-only, with no request to another origin', async () => {
		const { fresh, freshPage, requests, errors } = await freshBrowser();
		try {
			await freshPage.goto(link);
			await expect.poll(() => freshPage.getByTestId('shared-title').innerText()).toContain(OWNER);
			const frame = freshPage.frameLocator('[data-testid="shared-report"]');
			const figures = await frame.locator('.kpi .value').allInnerTexts();
			expect(figures).toHaveLength(5);
			expect(figures[0]).toMatch(/\d/);
			expect(await frame.locator('figure.chart svg').count()).toBeGreaterThan(0);
			await freshPage.screenshot({ path: `${SHOTS}/share-shared-desktop.png` });
			await freshPage.setViewportSize(PHONE);
			await freshPage.screenshot({ path: `${SHOTS}/share-shared-phone.png` });
			await freshPage.setViewportSize(DESKTOP);

			await freshPage.getByTestId('shared-add-compare').click();
			await freshPage.getByTestId('compare-owners').waitFor();
			expect(await freshPage.getByTestId('compare-owner-name').inputValue()).toBe(OWNER);

			await freshPage.goto(`${baseUrl}/shared#r=garbage-link`);
			await expect.poll(() => freshPage.getByTestId('shared-error').innerText()).toMatch(/повреждена|обрезана/);
			expect(errors).toEqual([]);
			expect(foreign(requests)).toEqual([]);
		} finally {
			await fresh.close();
		}
	});

	it('compares the two reports side by side in a fresh browser', async () => {
		const { fresh, freshPage, requests, errors } = await freshBrowser();
		try {
			await freshPage.goto(`${baseUrl}/compare`);
			await freshPage.getByTestId('compare-empty').waitFor();
			await freshPage.getByTestId('compare-files').setInputFiles([files.html, files.json]);
			await freshPage.getByTestId('compare-table').waitFor();
			const head = await freshPage.getByTestId('compare-table').locator('thead th').allInnerTexts();
			expect(head.join('|')).toMatch(new RegExp(`${OWNER}.*\\|.*${OTHER_OWNER}.*\\|.*Медиана группы`));
			const cells = await freshPage.getByTestId('compare-table').locator('tbody tr').first().locator('td').allInnerTexts();
			expect(cells).toHaveLength(4);
			expect(cells[1]).toBe(cells[2]); // the same data under two names: the same figures
			await freshPage.getByTestId('chart-compare-first-response').waitFor();
			await freshPage.waitForTimeout(800); // the chart animates in
			await freshPage.screenshot({ path: `${SHOTS}/share-compare-desktop.png`, fullPage: true });
			await freshPage.setViewportSize(PHONE);
			await freshPage.waitForTimeout(500);
			await freshPage.screenshot({ path: `${SHOTS}/share-compare-phone.png`, fullPage: true });
			expect(errors).toEqual([]);
			expect(foreign(requests)).toEqual([]);
		} finally {
			await fresh.close();
		}
	});
});
