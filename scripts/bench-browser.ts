/**
 * Part of `npm run bench`: the app in Debian's Chromium on generated demo data (run after bench-views.ts, which
 * generates bench-results/data-N). Prints how long the import takes through the page, and how long the overview
 * takes to show new figures after a filter change; writes bench-results/browser.json. Figures, not assertions.
 *   npx tsx scripts/bench-browser.ts [--conversations N]
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser';

const { values } = parseArgs({ options: { conversations: { type: 'string', default: '15000' } } });
const file = `bench-results/data-${values.conversations}/support-chats.csv`;
const PORT = 4319;
const base = `http://localhost:${PORT}`;

async function since(start: number): Promise<number> {
	return Math.round(performance.now() - start);
}

/** Runs `change`, then waits until the headline differs, nothing is busy, and two frames are painted. */
async function timeChange(page: Page, change: () => Promise<void>): Promise<number> {
	const before = (await page.getByTestId('overview-headline').innerText()).replace(/\n/g, '');
	const start = performance.now();
	await change();
	await page.waitForFunction((old) => document.querySelector('[data-testid="overview-headline"]')?.textContent !== old
		&& !document.querySelector('[aria-busy="true"]'), before, { polling: 'raf' }).catch(() => undefined);
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
	return since(start);
}

/** Ticks or unticks one department in the filter bar's department list. */
async function toggleDepartment(page: Page, department: string): Promise<void> {
	await page.getByTestId('filter-department').getByRole('checkbox', { name: department }).click();
}

async function main(): Promise<void> {
	if (spawnSync('npx', ['vite', 'build'], { stdio: 'ignore' }).status !== 0) throw new Error('vite build failed');
	const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
	await new Promise((r) => setTimeout(r, 3000));
	const context = await launchBrowser('ru-RU');
	try {
		const page = await context.newPage();
		await page.goto(`${base}/`);
		let start = performance.now();
		await page.getByTestId('import-file-input').setInputFiles(file);
		await page.getByTestId('import-confirm').waitFor({ timeout: 120_000 });
		const proposeMs = await since(start);
		start = performance.now();
		await page.getByTestId('import-confirm').click();
		await page.getByTestId('import-summary').waitFor({ timeout: 600_000 });
		const importMs = await since(start);
		await page.goto(`${base}/overview`);
		await page.getByTestId('department-table').waitFor({ timeout: 120_000 });
		const targetChanges = [];
		for (const target of ['14400', '3600', '1800', '3600']) {
			targetChanges.push(await timeChange(page, () => page.getByTestId('filter-target').selectOption(target).then(() => undefined)));
		}
		await page.getByTestId('filter-department').getByRole('button').first().click();
		const departmentChanges = [];
		for (const department of ['Бренд-менеджер', 'Бренд-менеджер', 'Выплаты', 'Выплаты']) {
			departmentChanges.push(await timeChange(page, () => toggleDepartment(page, department)));
		}
		const result = { file, propose_ms: proposeMs, import_and_analysis_ms: importMs, target_change_ms: targetChanges, department_change_ms: departmentChanges };
		console.log(`browser (${file}): propose ${proposeMs} ms, import and analysis ${importMs} ms; overview after a change of`
			+ ` the target ${targetChanges.join(', ')} ms, of the department filter ${departmentChanges.join(', ')} ms`);
		writeFileSync('bench-results/browser.json', JSON.stringify(result, null, 2));
	} finally {
		await context.close();
		if (server.pid) process.kill(-server.pid, 'SIGTERM');
	}
}

await main();
