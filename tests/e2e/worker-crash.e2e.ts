import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { importDemo, openTestPage, SHOTS } from './browser';

// The engine's worker dies (as it does when the browser kills it for memory) while the overview is open: the page
// says so, reopens the saved dataset in a new worker, and shows the same figures without a new import.
const baseUrl = inject('baseUrl');
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
	({ context, page, pageErrors } = await openTestPage('en-US'));
});
afterAll(() => context?.close());

/** Moves through the app's own navigation (no page load, so the same engine and its worker stay). */
async function openFromNav(name: string, testId: string): Promise<string> {
	await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
	await page.getByTestId(testId).waitFor({ timeout: 60_000 });
	return page.getByTestId(testId).innerText();
}

function engineWorker(): Worker {
	const worker = page.workers().find((w) => w.url().includes('engine.worker'));
	if (!worker) throw new Error(`no engine worker among ${page.workers().map((w) => w.url()).join(', ')}`);
	return worker;
}

describe('the engine worker crashes', () => {
	let headline = '';
	let slowest = '';
	let handoffs = '';

	it('shows the figures of the demo before the crash', async () => {
		await importDemo(page, baseUrl);
		headline = await openFromNav('Overview', 'overview-headline');
		slowest = await openFromNav('Response times', 'slowest-table');
		handoffs = await openFromNav('Handoffs', 'chains-table');
		await openFromNav('Overview', 'overview-headline');
		expect(headline).toMatch(/\d/);
	});

	it('says what happened and reopens the saved data', async () => {
		const crashed = engineWorker();
		const closed = new Promise((resolve) => crashed.once('close', resolve));
		// An uncaught error in the worker's own event loop reaches the page's Worker.onerror, as a real crash does.
		await crashed.evaluate(() => setTimeout(() => {
			throw new Error('simulated crash');
		}));
		await closed;
		const notice = page.getByTestId('engine-crash');
		await page.locator('[data-testid="engine-crash"][data-recovery="reopened"]').waitFor({ timeout: 60_000 });
		expect(await notice.innerText()).toMatch(/data engine stopped unexpectedly.*reopened the data saved in this browser/s);
		expect(await page.getByTestId('overview-headline').innerText({ timeout: 60_000 })).toBe(headline);
		expect(engineWorker()).not.toBe(crashed);
		await page.screenshot({ path: `${SHOTS}/worker-crash-en.png`, fullPage: true });
	});

	it('keeps working on the other pages with the same numbers', async () => {
		expect(await openFromNav('Response times', 'slowest-table')).toBe(slowest);
		expect(await openFromNav('Handoffs', 'chains-table')).toBe(handoffs);
	});

	it('says it in Russian too', async () => {
		await page.getByTestId('lang-switch').click();
		await page.getByText('Модуль обработки данных неожиданно остановился').waitFor();
		expect(await page.getByTestId('engine-crash').innerText()).toMatch(/заново открыл данные, сохранённые в этом браузере/);
		await page.screenshot({ path: `${SHOTS}/worker-crash-ru.png`, fullPage: true });
	});

	it('raises no page error but the simulated one', () => {
		expect(pageErrors.filter((message) => !message.includes('simulated crash'))).toEqual([]);
	});
});
