import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { importDemo, openTestPage, SHOTS } from './browser';

// On the demo data: the overview narrowed by a department through the address, a chart element and a table
// row that list the conversations behind them, and the conversation timeline they open. Screenshots in both languages.
const baseUrl = inject('baseUrl');
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
	({ context, page, pageErrors } = await openTestPage('ru-RU'));
	await importDemo(page, baseUrl);
});
afterAll(() => context?.close());

const headlineNumber = async () => Number((await page.getByTestId('overview-headline').innerText()).split('\n').find((l) => /^\d[\d\s]*$/.test(l.trim()))!.replace(/\s/g, ''));

describe('analysis pages on the demo data', () => {
	it('narrows the overview to one department given in the address', async () => {
		await page.goto(`${baseUrl}/overview`);
		await page.getByTestId('department-table').waitFor();
		const all = await headlineNumber();
		await page.goto(`${baseUrl}/overview?dept=${encodeURIComponent('Бренд-менеджер')}`);
		await page.getByTestId('department-table').getByText('Бренд-менеджер').first().waitFor();
		await expect.poll(headlineNumber, { timeout: 20_000 }).toBeLessThan(all);
		expect(await page.getByTestId('department-table').innerText()).not.toMatch(/Выплаты/);
		await page.screenshot({ path: `${SHOTS}/overview-filtered-ru.png`, fullPage: true });
	});

	it('narrows the overview with the filter bar, keeps the choice in the address, and a reload reopens it', async () => {
		await page.goto(`${baseUrl}/overview`);
		await page.getByTestId('department-table').waitFor();
		const all = await headlineNumber();
		const departments = page.getByTestId('filter-department');
		await departments.getByRole('button').first().click();
		await departments.getByRole('checkbox', { name: 'Выплаты' }).check();
		await expect.poll(() => new URL(page.url()).searchParams.getAll('dept').join()).toBe('Выплаты');
		await expect.poll(headlineNumber, { timeout: 20_000 }).toBeLessThan(all);
		const narrowed = await headlineNumber();
		await page.reload();
		await page.getByTestId('department-table').waitFor({ timeout: 30_000 });
		await expect.poll(headlineNumber, { timeout: 20_000 }).toBe(narrowed);
		expect(await page.getByTestId('department-table').innerText()).not.toMatch(/Бренд-менеджер/);
		await page.getByTestId('filter-clear').click();
		await expect.poll(headlineNumber, { timeout: 20_000 }).toBe(all);
		expect(new URL(page.url()).search).toBe('');
	});

	it('takes the period as dates typed in the UI language, and says why a date is not taken', async () => {
		await page.goto(`${baseUrl}/overview`);
		await page.getByTestId('department-table').waitFor();
		const all = await headlineNumber();
		const from = page.getByTestId('filter-from');
		const to = page.getByTestId('filter-to');
		const firstDay = await from.getAttribute('data-first-day');
		expect(firstDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const weekLater = new Date(Date.parse(`${firstDay}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
		const [year, month, day] = weekLater.split('-');
		await from.fill(`${Number(day)}.${Number(month)}.${year}`);
		await from.press('Enter');
		await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(weekLater);
		await expect.poll(headlineNumber, { timeout: 20_000 }).toBeLessThan(all);
		expect(await from.inputValue()).toBe(`${day}.${month}.${year}`);

		const alert = page.getByTestId('filter-bar').getByRole('alert');
		await to.fill('31.02.2026');
		await to.press('Enter');
		await expect.poll(() => alert.innerText()).toMatch(/Такого дня нет/);
		await to.fill(`${firstDay!.slice(8)}.${firstDay!.slice(5, 7)}.${firstDay!.slice(0, 4)}`);
		await to.press('Enter');
		await expect.poll(() => alert.innerText()).toMatch(/Начало периода позже/);
		expect(await to.getAttribute('aria-invalid')).toBe('true');
		expect(new URL(page.url()).searchParams.get('to')).toBeNull();
		await page.getByTestId('filter-bar').screenshot({ path: `${SHOTS}/period-error-ru.png` });
		// the calendar button's browser calendar sets the field under it
		const fortnightLater = new Date(Date.parse(`${weekLater}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
		await page.getByTestId('filter-bar').locator('input[type="date"]').nth(1).fill(fortnightLater);
		await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe(fortnightLater);
		expect(await to.inputValue()).toBe(fortnightLater.split('-').reverse().join('.'));
		expect(await alert.count()).toBe(0);

		await page.getByTestId('lang-switch').click();
		await expect.poll(() => from.inputValue()).toBe(`${day}/${month}/${year}`);
		await page.getByTestId('filter-bar').screenshot({ path: `${SHOTS}/period-en.png` });
		await page.getByTestId('lang-switch').click();
		await page.getByTestId('filter-clear').click();
		await expect.poll(headlineNumber, { timeout: 20_000 }).toBe(all);
		expect(await from.inputValue()).toBe('');
		expect(await alert.count()).toBe(0);
	});

	it('lists the conversations behind a clicked bar of the reply-time chart', async () => {
		await page.goto(`${baseUrl}/overview`);
		const canvas = page.getByTestId('chart-reply-buckets').locator('canvas');
		await canvas.waitFor();
		await page.getByTestId('department-table').waitFor();
		await page.waitForTimeout(1500); // the bars animate in
		await canvas.scrollIntoViewIfNeeded(); // a click outside the viewport reaches nothing
		const box = (await canvas.boundingBox())!;
		// The first bucket ("under 5 min") is the leftmost and tallest bar in the demo data.
		await page.mouse.click(box.x + box.width * 0.22, box.y + box.height * 0.45);
		await page.screenshot({ path: `${SHOTS}/drill-buckets-ru.png`, fullPage: true });
		await page.getByTestId('drill-list').locator('a').first().waitFor();
		expect(await page.getByTestId('drill-list').locator('a').count()).toBeGreaterThan(0);
	});

	it('opens a conversation from a department row with its timeline and response times', async () => {
		await page.goto(`${baseUrl}/overview`);
		await page.getByTestId('department-table').getByRole('button', { name: 'Бренд-менеджер' }).click();
		const link = page.getByTestId('drill-list').locator('a').first();
		await link.waitFor();
		await link.click();
		const timeline = page.getByTestId('conversation-timeline');
		await timeline.waitFor();
		expect(await timeline.innerText()).toMatch(/Бренд-менеджер/);
		await page.screenshot({ path: `${SHOTS}/conversation-ru.png`, fullPage: true });
	});

	it('draws the response-time and handoff pages, in Russian and English', async () => {
		for (const [path, testIds] of [
			['response-times', ['chart-agents', 'chart-bot-human', 'slowest-table']],
			['handoffs', ['chart-sankey', 'chains-table', 'chart-passing']]
		] as const) {
			await page.goto(`${baseUrl}/${path}`);
			for (const id of testIds) await page.getByTestId(id).waitFor();
			await page.screenshot({ path: `${SHOTS}/${path}-ru.png`, fullPage: true });
		}
		await page.getByTestId('lang-switch').click();
		await page.getByText('Handoffs').first().waitFor();
		await page.screenshot({ path: `${SHOTS}/handoffs-en.png`, fullPage: true });
		expect(pageErrors).toEqual([]);
	});
});
