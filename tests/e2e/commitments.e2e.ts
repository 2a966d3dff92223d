import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { importDemo, openTestPage, SHOTS } from './browser';

// The commitments page on the demo data (issue 8): the seed's conflict (ПВЗ-77-0142: the deadline «до 15 мая
// включительно» in «Проверка пункта» ran out while the owner waited for «Бренд-менеджер») is on top, the timeline
// shows that pickup point, and a conversation link opens the conversation. In Russian and in English.
const baseUrl = inject('baseUrl');
const SEED_CUSTOMER = 'ПВЗ-77-0142';
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
	({ context, page, pageErrors } = await openTestPage('ru-RU'));
	await importDemo(page, baseUrl);
});
afterAll(() => context?.close());

/** The seed's conflict card, after "show all" when it is not among the first ones. */
async function seedCard(): Promise<Locator> {
	const cards = page.getByTestId('conflict-card');
	await cards.first().waitFor({ timeout: 90_000 });
	const card = cards.filter({ hasText: 'до 15 мая включительно' }).filter({ hasText: SEED_CUSTOMER });
	if ((await card.count()) === 0) await page.getByTestId('conflicts').getByRole('button').click();
	await card.first().waitFor();
	return card.first();
}

describe('the commitments page on the demo data', () => {
	it('is in the navigation and puts the conflicts on top', async () => {
		await page.goto(`${baseUrl}/overview`);
		await page.getByRole('navigation').getByRole('link', { name: 'Сроки и обещания' }).click();
		await page.waitForURL(/\/commitments/);
		await page.getByTestId('conflict-card').first().waitFor({ timeout: 90_000 });
		await page.getByTestId('customer-timeline').waitFor();
		await page.screenshot({ path: `${SHOTS}/commitments-ru.png`, fullPage: true });
		const card = await seedCard();
		const conflicts = (await page.getByTestId('conflicts').boundingBox())!;
		const departments = (await page.getByTestId('chart-kept-share').boundingBox())!;
		expect(conflicts.y).toBeLessThan(departments.y);
		const text = await card.getByTestId('conflict-text').innerText();
		expect(text).toContain('Срок «до 15 мая включительно» (Проверка пункта) истёк 15 мая в 23:59, пока вы ждали ответа:');
		expect(text).toMatch(/Бренд-менеджер\s+— с 10 мая, 5 дн 13 ч/);
		expect(await card.getByTestId('conflict-status').innerText()).toMatch(/Срок пропущен|Уложились в срок|Ответа в выгрузке нет/);
		await card.screenshot({ path: `${SHOTS}/commitments-conflict-ru.png` });
	});

	it('shows the department figures and the broken commitments', async () => {
		await page.getByTestId('promises-table').locator('tbody tr').first().waitFor();
		expect(await page.getByTestId('promises-table').innerText()).toMatch(/Техподдержка/);
		expect(await page.getByTestId('deadlines-table').innerText()).toMatch(/Проверка пункта/);
		expect(await page.getByTestId('broken-table').locator('tbody tr').count()).toBeGreaterThan(0);
	});

	it('shows the seed customer on the timeline, with the conflict line across the lanes', async () => {
		const card = await seedCard();
		await card.getByRole('link', { name: 'Показать на шкале времени' }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('who')).toBe(SEED_CUSTOMER);
		const select = page.getByTestId('timeline-customer');
		await expect.poll(() => select.inputValue(), { timeout: 60_000 }).toBe(SEED_CUSTOMER);
		const svg = page.getByTestId('timeline-svg');
		await svg.waitFor();
		await expect.poll(() => svg.getAttribute('aria-label')).toContain(SEED_CUSTOMER);
		const lanes = await page.getByTestId('timeline-lane').allTextContents();
		expect(lanes.join('\n')).toMatch(/Бренд-менеджер/);
		expect(lanes.join('\n')).toMatch(/Проверка пункта/);
		expect(await page.getByTestId('timeline-conflict').count()).toBeGreaterThan(0);
		expect(await page.getByTestId('timeline-wait').count()).toBeGreaterThan(0);
		const deadlineMark = page.locator('[data-testid="timeline-mark"].in-conflict').first();
		expect(await deadlineMark.locator('title').textContent()).toMatch(/до 15 мая включительно/);
		await page.getByTestId('customer-timeline').screenshot({ path: `${SHOTS}/commitments-timeline-ru.png` });
		// Zoomed in on the conflict, the week of waiting for the brand manager fills the drawing.
		await page.getByTestId('timeline-zoom').selectOption({ label: 'вокруг конфликта: «до 15 мая включительно», 15 мая 2024 г., 23:59' });
		await expect.poll(() => page.getByTestId('timeline-lane').count()).toBeLessThan(lanes.length);
		expect((await page.getByTestId('timeline-lane').allTextContents()).join('\n')).toMatch(/Бренд-менеджер/);
		await page.getByTestId('customer-timeline').screenshot({ path: `${SHOTS}/commitments-timeline-zoom-ru.png` });
		// The events table holds the same conflict, in words.
		await page.getByTestId('customer-timeline').locator('summary').click();
		expect(await page.getByTestId('timeline-events').innerText()).toMatch(/до 15 мая включительно[\s\S]*конфликт/);
		// A reload keeps the chosen customer.
		await page.reload();
		await expect.poll(() => page.getByTestId('timeline-customer').inputValue(), { timeout: 60_000 }).toBe(SEED_CUSTOMER);
	});

	it('opens the conversation the owner was waiting in', async () => {
		const card = await seedCard();
		await card.getByTestId('conflict-waiting-link').first().click();
		const timeline = page.getByTestId('conversation-timeline');
		await timeline.waitFor({ timeout: 60_000 });
		expect(await timeline.innerText()).toMatch(/Бренд-менеджер/);
		await page.getByTestId('conversation-back').click();
		await page.waitForURL(/\/commitments/);
	});

	it('says the same in English', async () => {
		await page.getByTestId('lang-switch').click();
		await page.getByTestId('conflicts').getByText('Deadlines that ran out', { exact: false }).waitFor();
		await page.screenshot({ path: `${SHOTS}/commitments-en.png`, fullPage: true });
		const card = await seedCard();
		const text = await card.getByTestId('conflict-text').innerText();
		expect(text).toContain('The deadline "до 15 мая включительно" (Проверка пункта) ran out on 15 May at 23:59 while you were waiting for an answer from:');
		expect(text).toMatch(/Бренд-менеджер\s+— since 10 May, 5 d 13 h/);
		await expect.poll(() => page.getByRole('navigation').getByRole('link', { name: 'Deadlines & promises' }).count()).toBe(1);
		await page.getByTestId('customer-timeline').getByText('Timeline of a pickup point').waitFor();
		await card.screenshot({ path: `${SHOTS}/commitments-conflict-en.png` });
		await page.getByTestId('customer-timeline').screenshot({ path: `${SHOTS}/commitments-timeline-en.png` });
		await card.getByTestId('conflict-deadline-link').click();
		await page.getByTestId('conversation-timeline').waitFor({ timeout: 60_000 });
	});

	it('says so when a pickup point has no conflicts, and shows its timeline', async () => {
		await page.getByRole('navigation').getByRole('link', { name: 'Deadlines & promises' }).click();
		const select = page.getByTestId('timeline-customer');
		await select.waitFor({ timeout: 60_000 });
		const calm = (await select.locator('option').allTextContents()).find((o) => / conflicts: 0,/.test(o))!.split(' — ')[0];
		const customers = page.getByTestId('filter-customer');
		await customers.getByRole('button').first().click();
		await customers.getByRole('checkbox', { name: calm }).check();
		await page.getByTestId('conflicts-empty').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('conflicts-empty').innerText()).toMatch(/No conflicts found/);
		await expect.poll(() => select.inputValue(), { timeout: 30_000 }).toBe(calm);
		expect(pageErrors).toEqual([]);
	});
});
