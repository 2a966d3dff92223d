import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';

// Issue 6: a file too big for a comfortable import in the browser gets, on the mapping step, the command line that
// reads it from disk, with its name and the chosen time zone. The file (the demo repeated to 105 MB) is made here.
const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
const dir = mkdtempSync(join(tmpdir(), 'replyscope-large-'));
const file = join(dir, 'чаты 2024.csv');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	const demo = readFileSync('data/demo/support-chats.csv');
	const fd = openSync(file, 'w');
	for (let written = 0; written < 105 * 1024 * 1024; written += demo.length) writeSync(fd, demo);
	closeSync(fd);
	context = await launchBrowser('ru-RU');
	page = await context.newPage();
});
afterAll(async () => {
	await context?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('a large export', () => {
	it('is pointed to the command line with the exact command before it is loaded', async () => {
		await page.goto(`${baseUrl}/`);
		await page.getByTestId('import-file-input').setInputFiles(file);
		const advice = page.getByTestId('large-input');
		await advice.waitFor({ timeout: 60_000 });
		const text = await advice.innerText();
		expect(text).toMatch(/весят 10[5-9],\d\sМБ/);
		expect(text).toContain("npm run --silent cli -- analyze 'чаты 2024.csv' --tz Europe/Moscow --json --out report.json");
		// still only advice: the file can be loaded here all the same
		await expect(page.getByTestId('import-confirm').isEnabled()).resolves.toBe(true);
		await page.screenshot({ path: `${SHOTS}/import-large-ru.png` });
	});

	it('says the same in English', async () => {
		await page.getByTestId('lang-switch').click();
		expect(await page.getByTestId('large-input').innerText()).toMatch(/These files weigh 10[5-9]\.\d\sMB\. .*command line/s);
		await page.screenshot({ path: `${SHOTS}/import-large-en.png` });
	});
});
