import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import {
	csvCells, formulaCells, HOSTILE_AGENT_ROLE, HOSTILE_COLUMN, HOSTILE_DEPARTMENTS, HOSTILE_FILE_NAME, HOSTILE_OWNER,
	HOSTILE_UNKNOWN_ROLE, hostileExportCsv, injectedMarkup, MARKER, pwnedAnywhere, watch, type Watch
} from './hostile';

// Issue 7, injection: a chat export with markup, script and spreadsheet formulas in every field (hostile.ts) is
// imported through the page and shown on every route, in chart tooltips, in the report's preview, the HTML file
// (opened from file://), the share link's page and the comparison. Nothing may run (window.__pwned stays undefined,
// no dialog), no element may be built from the data (no on* attribute, no javascript: link, no injected <img> or
// <script>), the app's CSP may report no violation, and each payload must be on the page as text. The CSV exports
// may start no cell with = + - @.
const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
const OUT = resolve('test-results/injection-e2e');
const DETECTION_MS = 180_000;

let context: BrowserContext;
let page: Page;
let events: Watch;
let shareLink = '';
let requestCount = 0;
const files = { html: resolve(OUT, 'report.html'), anonymisedHtml: resolve(OUT, 'report-anonymised.html'), json: resolve(OUT, 'report.json') };

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	mkdirSync(OUT, { recursive: true });
	context = await launchBrowser('ru-RU');
	events = await watch(context);
	context.on('request', () => requestCount++);
	page = await context.newPage();
}, 120_000);
afterAll(async () => {
	console.log(`injection e2e: ${requestCount} requests, all checked`);
	await context?.close();
});

/** Requests that only markup from the data could have made: another origin, or the payloads' `src=x` / evil.example. */
const suspicious = (requests: string[]) =>
	requests.filter((url) => /evil\.example|\/x$|\/p\.png$|\/d\.png$/.test(url) || !(url.startsWith(`${baseUrl}/`) || /^(blob|data|about|file):/.test(url)));

/** Everything that must hold on any page the hostile data reached. */
async function expectNothingRan(where: string, target: Page = page): Promise<void> {
	const markup: string[] = [];
	for (const frame of target.frames()) markup.push(...(await injectedMarkup(frame).catch((e: Error) => [`(could not read ${frame.url()}: ${e.message})`])));
	const seen = { where, pwned: await pwnedAnywhere(target), markup, dialogs: [...events.dialogs], csp: [...events.csp], requests: suspicious(events.requests), errors: [...events.errors] };
	// Each check reports what happened since the one before, so one failure does not fail every later step.
	for (const list of [events.dialogs, events.csp, events.requests, events.errors]) list.length = 0;
	expect(seen).toEqual({ where, pwned: [], markup: [], dialogs: [], csp: [], requests: [], errors: [] });
}

/** The visible text of the page and of each frame in it. */
async function visibleText(target: Page = page): Promise<string> {
	const texts = await Promise.all(target.frames().map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
	return texts.join('\n');
}

/** Moves the mouse over a grid of points on every chart canvas, so that Chart.js draws its tooltips. */
async function hoverCharts(): Promise<number> {
	const canvases = page.locator('canvas');
	const count = await canvases.count();
	for (let i = 0; i < count; i++) {
		const canvas = canvases.nth(i);
		await canvas.scrollIntoViewIfNeeded();
		const box = await canvas.boundingBox();
		if (!box) continue;
		for (const fx of [0.15, 0.35, 0.55, 0.75, 0.9]) {
			for (const fy of [0.2, 0.45, 0.7]) {
				await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
				await page.waitForTimeout(40);
			}
		}
	}
	return count;
}

/** Goes to an app page by its link in the navigation bar (no reload), as a user would. */
async function visit(path: string): Promise<void> {
	await page.locator(`nav a[href^="/${path}"]`).first().click();
	await page.waitForURL(new RegExp(`/${path}(\\?|$)`));
}

/** Clicks `testId` and saves its download to `path`; returns the text. */
async function download(testId: string, path: string): Promise<string> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
	await file.saveAs(path);
	return readFileSync(path, 'utf8');
}

describe('the Content-Security-Policy of the app', () => {
	it('is strict in the header of the preview server and in the fallback page of the static build', async () => {
		const header = (await fetch(`${baseUrl}/overview`)).headers.get('content-security-policy') ?? '';
		const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(readFileSync('build/index.html', 'utf8'))?.[1] ?? '';
		console.log(`app CSP: ${header}`);
		for (const policy of [header, meta]) {
			expect(policy).toMatch(/(^|; )default-src 'self'(;|$)/);
			expect(policy).toMatch(/(^|; )script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*(;|$)/);
			expect(policy).toMatch(/(^|; )object-src 'none'(;|$)/);
			expect(policy).toMatch(/(^|; )base-uri 'self'(;|$)/);
			expect(policy).toMatch(/(^|; )form-action 'self'(;|$)/);
			// No remote origin, no wildcard, no JavaScript eval.
			expect(policy).not.toMatch(/https?:|wss?:|\*|'unsafe-eval'/);
		}
		expect(meta.replace(/'sha256-[^']+'/g, '')).toBe(header.replace(/'sha256-[^']+'/g, ''));
	});
});

describe('a chat export with markup and formulas in every field', () => {
	it('imports it, showing the hostile file name, column and role values as text', async () => {
		await page.goto(`${baseUrl}/`);
		await page.getByTestId('import-file-input').setInputFiles({
			name: HOSTILE_FILE_NAME, mimeType: 'text/csv', buffer: Buffer.from(hostileExportCsv(), 'utf8')
		});
		await page.getByTestId('import-confirm').waitFor({ timeout: 60_000 });
		// The agents' role value is unknown to the importer: say it is "agent"; HOSTILE_UNKNOWN_ROLE stays unknown.
		await page.getByLabel(HOSTILE_AGENT_ROLE, { exact: true }).selectOption('agent');
		const mapping = await visibleText();
		for (const text of [HOSTILE_FILE_NAME, HOSTILE_COLUMN, HOSTILE_AGENT_ROLE, HOSTILE_UNKNOWN_ROLE]) expect(mapping).toContain(text);
		await page.screenshot({ path: `${SHOTS}/injection-mapping.png`, fullPage: true });
		await expectNothingRan('mapping step');

		await page.getByTestId('import-confirm').click();
		await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
		const summary = await page.getByTestId('import-summary').innerText();
		expect(summary).toContain(HOSTILE_FILE_NAME);
		expect(summary).toContain(`«${HOSTILE_UNKNOWN_ROLE}»`);
		await page.screenshot({ path: `${SHOTS}/injection-import-summary.png`, fullPage: true });
		await expectNothingRan('import summary');
	});

	it('writes the rejected rows as CSV with no cell a spreadsheet would run', async () => {
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать отклонённые строки (CSV)' }).click()]);
		const path = resolve(OUT, 'rejected.csv');
		await file.saveAs(path);
		const cells = csvCells(readFileSync(path, 'utf8'));
		expect(cells).toContain(`'${HOSTILE_FILE_NAME}`);
		expect(formulaCells(cells)).toEqual([]);
	});

	it('shows the overview, its tooltips and a drill-down list as text', async () => {
		await visit('overview');
		await page.getByTestId('department-table').waitFor({ timeout: 60_000 });
		await page.getByTestId('chart-first-response').locator('canvas').waitFor();
		const text = await visibleText();
		for (const name of Object.values(HOSTILE_DEPARTMENTS)) expect(text).toContain(name);
		expect(await hoverCharts()).toBeGreaterThanOrEqual(5);
		await page.getByTestId('department-table').getByRole('button', { name: HOSTILE_DEPARTMENTS['Техподдержка'] }).click();
		await page.getByTestId('drill-list').locator('a').first().waitFor();
		expect(await page.getByTestId('drill-list').innerText()).toContain(MARKER);
		await page.screenshot({ path: `${SHOTS}/injection-overview.png`, fullPage: true });
		await expectNothingRan('overview');
	});

	it('filters by a hostile department through the address bar', async () => {
		const department = HOSTILE_DEPARTMENTS['Претензии'];
		await page.goto(`${baseUrl}/overview?dept=${encodeURIComponent(department)}`);
		await page.getByTestId('department-table').getByText(department).first().waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('filter-bar').innerText()).toContain(department);
		await expectNothingRan('overview filtered by a hostile department');
		await page.getByTestId('filter-clear').click();
		await page.waitForURL((url) => !url.search.includes('dept='));
	});

	it('shows response times, with agent names in the chart and the slowest conversations', async () => {
		await visit('response-times');
		for (const id of ['chart-agents', 'chart-bot-human', 'slowest-table']) await page.getByTestId(id).waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('slowest-table').innerText()).toContain(MARKER);
		await hoverCharts();
		await page.screenshot({ path: `${SHOTS}/injection-response-times.png`, fullPage: true });
		await expectNothingRan('response times');
	});

	it('shows handoffs: the Sankey diagram, chains and redirects', async () => {
		await visit('handoffs');
		for (const id of ['chart-sankey', 'chains-table', 'chart-passing']) await page.getByTestId(id).waitFor({ timeout: 60_000 });
		await page.getByTestId('redirects-table').waitFor({ timeout: DETECTION_MS });
		expect(await page.getByTestId('chains-table').innerText()).toContain(HOSTILE_DEPARTMENTS['Выплаты']);
		await hoverCharts();
		await page.screenshot({ path: `${SHOTS}/injection-handoffs.png`, fullPage: true });
		await expectNothingRan('handoffs');
	});

	it('shows templates whose text starts with a formula or holds markup', async () => {
		await visit('templates');
		await page.getByTestId('template-list').first().waitFor({ timeout: DETECTION_MS });
		expect(await page.getByTestId('template-list').first().innerText()).toContain('=HYPERLINK(');
		await hoverCharts();
		await page.screenshot({ path: `${SHOTS}/injection-templates.png`, fullPage: true });
		await expectNothingRan('templates');
	});

	it('shows off-topic answers with the matched words marked', async () => {
		await visit('off-topic');
		await page.getByTestId('off-topic-item').first().waitFor({ timeout: DETECTION_MS });
		expect(await page.getByTestId('off-topic-list').first().innerText()).toContain(MARKER);
		await page.screenshot({ path: `${SHOTS}/injection-off-topic.png`, fullPage: true });
		await expectNothingRan('off-topic');
	});

	// The commitments page (promises and deadlines in replies) is newer than this test: visited when it is there.
	it.skipIf(!existsSync('src/routes/commitments'))('shows commitments: conflicts, tables and the customer timeline', async () => {
		await visit('commitments');
		await page.locator('[data-testid="customer-timeline"], [data-testid="commitments-none"]').first().waitFor({ timeout: 90_000 });
		await hoverCharts();
		expect(await visibleText()).toContain(MARKER);
		await page.screenshot({ path: `${SHOTS}/injection-commitments.png`, fullPage: true });
		await expectNothingRan('commitments');
	}, 180_000);

	it('opens conversations whose ids hold markup, a javascript: link and a path', async () => {
		await visit('response-times');
		const links = page.getByTestId('slowest-table').locator('a[href*="/conversation/"]');
		await links.first().waitFor({ timeout: 60_000 });
		const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		const hostile = hrefs.map((href, i) => ({ href, i })).filter(({ href }) => /%3C|javascript|%3D|%2F/i.test(href)).slice(0, 3);
		expect(hostile.length).toBeGreaterThan(0);
		for (const { href, i } of hostile) {
			await links.nth(i).click();
			await page.getByTestId('conversation-timeline').waitFor({ timeout: 60_000 });
			expect(await visibleText()).toContain(MARKER);
			await expectNothingRan(`conversation ${href}`);
			await page.goBack();
			await links.first().waitFor({ timeout: 60_000 });
		}
		await links.nth(hostile[0].i).click();
		await page.getByTestId('conversation-timeline').waitFor({ timeout: 60_000 });
		await page.screenshot({ path: `${SHOTS}/injection-conversation.png`, fullPage: true });
		// A hostile id typed straight into the address bar (a full load of the page).
		await page.goto(`${baseUrl}/conversation/${encodeURIComponent('javascript:window.__pwned=1//30418001')}`);
		await page.locator('[data-testid="conversation-timeline"], [data-testid="conversation-missing"]').first().waitFor({ timeout: 60_000 });
		await expectNothingRan('conversation typed into the address bar');
	}, 240_000);

	it('makes a report with a hostile owner name: preview, HTML, JSON, CSV and link', async () => {
		await visit('report');
		await page.getByTestId('share-preview').waitFor({ timeout: DETECTION_MS });
		await page.getByTestId('share-owner').fill(HOSTILE_OWNER);
		await expect.poll(() => page.getByTestId('share-covers').getAttribute('inert'), { timeout: 60_000 }).toBeNull();
		await download('share-download-html', files.anonymisedHtml);
		// Not anonymised, with texts: the names, customers and message excerpts reach the file too.
		await page.getByTestId('share-anonymise').uncheck();
		await page.getByTestId('share-texts').check();
		await expect.poll(() => page.getByTestId('share-covers').getAttribute('inert'), { timeout: 60_000 }).toBeNull();
		const preview = page.frameLocator('[data-testid="share-preview"]');
		await expect.poll(() => preview.locator('.owner').innerText(), { timeout: 30_000 }).toBe(HOSTILE_OWNER);
		const html = await download('share-download-html', files.html);
		expect(html).toContain('http-equiv="Content-Security-Policy"');
		await download('share-download-json', files.json);

		await page.locator('details.row summary').click();
		const csvButtons = await page.locator('[data-testid^="share-csv-"]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-testid')!));
		expect(csvButtons.length).toBeGreaterThan(3);
		const cells: string[] = [];
		for (const id of csvButtons) cells.push(...csvCells(await download(id, resolve(OUT, `${id}.csv`))));
		expect(cells.some((c) => c.startsWith("'=HYPERLINK("))).toBe(true);
		expect(formulaCells(cells)).toEqual([]);

		const input = page.getByTestId('share-link');
		await expect.poll(async () => (await input.inputValue()).length, { timeout: 30_000 }).toBeGreaterThan(0);
		shareLink = await input.inputValue();
		expect(shareLink.startsWith(`${baseUrl}/shared#r=`)).toBe(true);
		expect(await visibleText()).toContain(MARKER);
		await page.screenshot({ path: `${SHOTS}/injection-report.png`, fullPage: true });
		await expectNothingRan('report');
	});

	it('opens the share link read-only', async () => {
		await page.goto(shareLink);
		await expect.poll(() => page.getByTestId('shared-title').innerText(), { timeout: 30_000 }).toContain(HOSTILE_OWNER);
		const frame = page.frameLocator('[data-testid="shared-report"]');
		await frame.locator('.kpi .value').first().waitFor();
		expect(await visibleText()).toContain(HOSTILE_DEPARTMENTS['Претензии']);
		await page.screenshot({ path: `${SHOTS}/injection-shared.png`, fullPage: true });
		await expectNothingRan('shared link');
	});

	it('compares the hostile reports from the HTML file, the JSON file and the link', async () => {
		await visit('compare');
		await page.getByTestId('compare-files').setInputFiles([files.html, files.json]);
		await page.getByTestId('compare-link').fill(shareLink);
		await page.getByTestId('compare-add-link').click();
		await page.getByTestId('compare-table').waitFor({ timeout: 30_000 });
		await page.getByTestId('chart-compare-first-response').locator('canvas').waitFor();
		const table = await page.getByTestId('compare-table').innerText();
		expect(table).toContain(HOSTILE_DEPARTMENTS['Выплаты']);
		expect(table).toContain(HOSTILE_OWNER);
		await hoverCharts();
		await page.screenshot({ path: `${SHOTS}/injection-compare.png`, fullPage: true });
		await expectNothingRan('compare');
	});

	it.each([['not anonymised', 'html'], ['anonymised', 'anonymisedHtml']] as const)(
		'the %s HTML file runs nothing from file:// and shows the payloads as text',
		async (_, which) => {
			const file = await context.newPage();
			try {
				const url = pathToFileURL(files[which]).href;
				await file.goto(url);
				await file.waitForLoadState('load');
				for (const details of await file.locator('details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
				const text = await visibleText(file);
				expect(text).toContain(HOSTILE_OWNER);
				expect(text).toContain(HOSTILE_DEPARTMENTS['Техподдержка']);
				expect(await file.locator('script:not([type="application/json"])').count()).toBe(0);
				await file.screenshot({ path: `${SHOTS}/injection-file-${which}.png`, fullPage: true });
				await expectNothingRan(`file ${which}`, file);
			} finally {
				await file.close();
			}
		}
	);
});
