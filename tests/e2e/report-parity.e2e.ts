import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { importDemo, launchBrowser } from './browser';

// The same dataset gives the same numbers in the browser (DuckDB-WASM) and in the command line (native DuckDB):
// the app's "Download JSON" report of the demo data equals the command line's, field for field.
const baseUrl = inject('baseUrl');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	context = await launchBrowser('ru-RU');
	page = await context.newPage();
});
afterAll(() => context?.close());

function cliReport(): Record<string, unknown> {
	const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'analyze', 'data/demo/support-chats.csv', '--tz', 'Europe/Moscow'], {
		encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000
	});
	if (run.status !== 0) throw new Error(`cli failed: ${run.stderr}`);
	return JSON.parse(run.stdout);
}

describe('browser and command line agree', () => {
	it('gives the same report for the demo data', async () => {
		await importDemo(page, baseUrl);
		await page.goto(`${baseUrl}/overview`);
		const download = page.waitForEvent('download');
		await page.getByTestId('report-download').click();
		const browser = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
		const cli = cliReport();
		for (const report of [browser, cli]) delete report.generated_at;
		expect(browser.input).toEqual(cli.input);
		expect(browser.summary).toEqual(cli.summary);
		expect(browser.departments).toEqual(cli.departments);
		expect(browser.conversations).toEqual(cli.conversations);
		expect(browser.messages).toEqual(cli.messages);
		expect(browser).toEqual(cli);
	});
});
