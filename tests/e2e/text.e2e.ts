import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { importDemo, openTestPage, SHOTS } from './browser';

// On the demo data: the text detection runs after the import, the templates page lists templates, the off-topic
// page lists replies and a reply marked "not off-topic" leaves the list for good (also after a reload), and a
// conversation shows its reply's flag. Screenshots of the three screens in both languages.
const baseUrl = inject('baseUrl');
/** The detection takes seconds on the demo data; after a reload it runs again on the restored dataset. */
const DETECTION_MS = 120_000;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
	({ context, page, pageErrors } = await openTestPage('ru-RU'));
	await importDemo(page, baseUrl);
});
afterAll(() => context?.close());

/** The first number of an element's text ("12 из 340 ответов…" → 12), digits grouped with any kind of space. */
const leadingNumber = async (testId: string) => Number((await page.getByTestId(testId).innerText()).match(/^[\d\s\u00a0\u202f]+/)![0].replace(/\D/g, ''));
const itemIds = (testId: string) =>
	page.getByTestId(testId).locator('[data-testid="off-topic-item"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-message-id')));

describe('text screens on the demo data', () => {
	it('lists templates with their uses once the detection is done', async () => {
		await page.goto(`${baseUrl}/templates`);
		// The page reopens the saved dataset and runs the detection again: its progress shows meanwhile.
		await page.getByTestId('detection-progress').waitFor({ timeout: 30_000 });
		await page.screenshot({ path: `${SHOTS}/detection-progress-ru.png` });
		await page.getByTestId('template-list').waitFor({ timeout: DETECTION_MS });
		const cards = page.getByTestId('template-card');
		expect(await cards.count()).toBeGreaterThan(0);
		const uses = await cards.first().locator('dd').first().innerText();
		expect(Number(uses.replace(/\D/g, ''))).toBeGreaterThan(0);
		await page.getByTestId('chart-templated-share').waitFor();
		await page.getByTestId('reply-kinds-table').waitFor();
		await page.waitForTimeout(800); // the charts animate in
		await page.screenshot({ path: `${SHOTS}/templates-ru.png`, fullPage: true });
	});

	it('lists off-topic replies, and one marked "not off-topic" leaves the list and lowers the total', async () => {
		await page.goto(`${baseUrl}/off-topic`);
		await page.getByTestId('off-topic-item').first().waitFor({ timeout: DETECTION_MS });
		const total = await leadingNumber('off-topic-count');
		expect(total).toBeGreaterThan(0);
		const [first] = await itemIds('off-topic-list');
		await page.screenshot({ path: `${SHOTS}/off-topic-ru.png`, fullPage: true });
		await page.locator(`[data-message-id="${first}"]`).getByTestId('off-topic-dismiss').click();
		await expect.poll(() => leadingNumber('off-topic-count'), { timeout: 20_000 }).toBe(total - 1);
		expect(await itemIds('off-topic-list')).not.toContain(first);
		expect(await itemIds('off-topic-marked')).toContain(first);

		await page.reload();
		await page.getByTestId('off-topic-marked').waitFor({ timeout: DETECTION_MS });
		expect(await leadingNumber('off-topic-count')).toBe(total - 1);
		expect(await itemIds('off-topic-list')).not.toContain(first);
		expect(await itemIds('off-topic-marked')).toContain(first);
	});

	it('shows the flag of an off-topic reply in its conversation', async () => {
		await page.goto(`${baseUrl}/off-topic`);
		const item = page.getByTestId('off-topic-list').getByTestId('off-topic-item').first();
		await item.waitFor({ timeout: DETECTION_MS });
		await item.getByRole('link').click();
		await page.getByTestId('conversation-timeline').waitFor();
		await page.getByTestId('reply-badge-off_topic').first().waitFor({ timeout: 20_000 });
		await page.screenshot({ path: `${SHOTS}/conversation-flags-ru.png`, fullPage: true });
	});

	it("opens a reply's template from its badge, scrolled to it on the templates page", async () => {
		// Technical support's conversations start with the bot's canned greeting: the first of them with a template badge.
		const conversations: string[] = [];
		await page.goto(`${baseUrl}/overview`);
		await page.getByTestId('department-table').getByRole('button', { name: 'Техподдержка' }).click();
		const drillLinks = page.getByTestId('drill-list').locator('a');
		await drillLinks.first().waitFor();
		for (const a of (await drillLinks.all()).slice(0, 10)) conversations.push((await a.getAttribute('href'))!);
		let found = false;
		for (const href of conversations) {
			await page.goto(`${baseUrl}${href}`);
			await page.getByTestId('conversation-timeline').waitFor();
			await page.locator('[data-testid^="reply-badge-"]').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
			if ((await page.getByTestId('reply-badge-template').count()) > 0) {
				found = true;
				break;
			}
		}
		expect(found, `a template badge in one of ${conversations.length} technical-support conversations`).toBe(true);
		const link = page.getByTestId('reply-badge-template').first().getByRole('link');
		const templateId = (await link.innerText()).split(' ').at(-1)!;
		await link.click();
		const card = page.locator(`#${templateId}`);
		await card.waitFor({ timeout: DETECTION_MS });
		await expect.poll(() => card.isVisible()).toBe(true);
		await expect.poll(() => card.evaluate((el) => el.getBoundingClientRect().top < innerHeight), { timeout: 10_000 }).toBe(true);
	});

	it('shows the redirects on the handoffs page', async () => {
		await page.goto(`${baseUrl}/handoffs`);
		await page.getByTestId('redirects-table').waitFor({ timeout: DETECTION_MS });
		await page.getByTestId('redirects').screenshot({ path: `${SHOTS}/redirects-ru.png` });
	});

	it('draws the text screens in English', async () => {
		await page.goto(`${baseUrl}/off-topic`);
		const item = page.getByTestId('off-topic-list').getByTestId('off-topic-item').first();
		await item.waitFor({ timeout: DETECTION_MS });
		await page.getByTestId('lang-switch').click();
		await page.getByText('Off-topic replies').first().waitFor();
		await page.screenshot({ path: `${SHOTS}/off-topic-en.png`, fullPage: true });
		await item.getByRole('link').click();
		await page.getByTestId('reply-badge-off_topic').first().waitFor({ timeout: 20_000 });
		await page.screenshot({ path: `${SHOTS}/conversation-flags-en.png`, fullPage: true });
		await page.goto(`${baseUrl}/templates`);
		await page.getByTestId('template-card').first().waitFor({ timeout: DETECTION_MS });
		await page.waitForTimeout(800);
		await page.screenshot({ path: `${SHOTS}/templates-en.png`, fullPage: true });
		expect(pageErrors).toEqual([]);
	});
});
