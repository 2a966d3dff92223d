import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';

// A person imports a Windows-1251 export through the page, confirms the mapping, sees the overview,
// reloads, and finds the data still there. Screenshots go to test-results/ for people to look at.
const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	context = await launchBrowser('ru-RU');
	context.on('request', (request) => requests.push(request.url()));
	page = await context.newPage();
	page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(() => context?.close());

async function chartsDrawn(): Promise<number[]> {
	const ids = ['chart-messages-per-day', 'chart-conversations-per-department', 'chart-first-response'];
	for (const id of ids) await page.getByTestId(id).locator('canvas').waitFor();
	return Promise.all(ids.map((id) => page.getByTestId(id).locator('canvas').evaluate((c: HTMLCanvasElement) => c.width)));
}

describe('import a chat export and see the overview', () => {
	it('imports a Windows-1251 ";" file after the mapping is confirmed', async () => {
		await page.goto(`${baseUrl}/`);
		await page.getByTestId('import-file-input').setInputFiles('tests/fixtures/ru-windows1251-semicolon.csv');
		await page.getByTestId('import-confirm').waitFor();
		await expect(page.getByText('windows-1251').first().isVisible()).resolves.toBe(true);
		await page.screenshot({ path: `${SHOTS}/import-mapping-ru.png`, fullPage: true });
		await page.getByTestId('import-confirm').click();
		const summary = page.getByTestId('import-summary');
		await summary.waitFor();
		expect(await summary.innerText()).toMatch(/12/);
		await page.screenshot({ path: `${SHOTS}/import-summary-ru.png`, fullPage: true });
	});

	it('shows the overview headline and three drawn charts', async () => {
		await page.goto(`${baseUrl}/overview`);
		await page.getByTestId('overview-headline').waitFor();
		expect(await page.getByTestId('overview-headline').innerText()).toMatch(/12/);
		expect((await chartsDrawn()).every((width) => width > 100)).toBe(true);
		await page.screenshot({ path: `${SHOTS}/overview-ru.png`, fullPage: true });
	});

	it('keeps the dataset after a reload', async () => {
		await page.reload();
		await page.getByTestId('overview-headline').waitFor();
		expect(await page.getByTestId('overview-headline').innerText()).toMatch(/12/);
		expect((await chartsDrawn()).length).toBe(3);
	});

	it('switches the interface to English', async () => {
		await page.getByTestId('lang-switch').click();
		await page.getByText('Overview').first().waitFor();
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		await page.screenshot({ path: `${SHOTS}/overview-en.png`, fullPage: true });
	});

	it('deletes the dataset on request', async () => {
		await page.getByTestId('dataset-delete').click();
		await page.getByTestId('dataset-delete-confirm').click();
		await page.reload();
		await page.getByRole('link', { name: /import/i }).first().waitFor();
		expect(await page.getByTestId('overview-headline').count()).toBe(0);
	});

	it('sent no request to any other origin and threw no page error', () => {
		const foreign = requests.filter((url) => !url.startsWith(baseUrl) && !url.startsWith('blob:') && !url.startsWith('data:'));
		expect(foreign).toEqual([]);
		expect(pageErrors).toEqual([]);
	});
});
