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

function since(start: number): number {
	return Math.round(performance.now() - start);
}

/**
 * Runs `change`, then waits until the headline differs and nothing is busy. Returns the time measured inside the
 * page, from the input event (a `change` on the control) to the animation frame in which the new figures are in
 * place: what the user waits. Playwright's own round trip (about 100 ms per click here) is not part of it.
 */
async function timeChange(page: Page, change: () => Promise<void>): Promise<number> {
	const before = (await page.getByTestId('overview-headline').innerText()).replace(/\n/g, '');
	await page.evaluate(() => {
		const w = window as unknown as { benchInput?: number };
		delete w.benchInput;
		document.addEventListener('change', (event) => (w.benchInput = event.timeStamp), { capture: true, once: true });
	});
	await change();
	const handle = await page.waitForFunction((old) => {
		const w = window as unknown as { benchInput?: number };
		const done = document.querySelector('[data-testid="overview-headline"]')?.textContent !== old
			&& !document.querySelector('[aria-busy="true"]') && w.benchInput !== undefined;
		return done ? performance.now() - w.benchInput! : false;
	}, before, { polling: 'raf', timeout: 30_000 });
	return Math.round((await handle.jsonValue()) as number);
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
		const proposeMs = since(start);
		start = performance.now();
		await page.getByTestId('import-confirm').click();
		await page.getByTestId('import-summary').waitFor({ timeout: 600_000 });
		const importMs = since(start);
		// The text detection starts after the import, in its own worker; its templates page shows its progress.
		start = performance.now();
		await page.getByRole('link', { name: 'Шаблоны', exact: true }).click();
		await page.getByTestId('template-list').waitFor({ timeout: 600_000 });
		const detectionMs = since(start);
		// Filter changes are timed once it is done (while it runs, the engine shares the machine with it).
		await page.getByRole('link', { name: 'Обзор', exact: true }).click();
		await page.getByTestId('department-table').waitFor({ timeout: 120_000 });
		const targetChanges = [];
		for (const target of ['14400', '3600', '1800', '3600']) {
			targetChanges.push(await timeChange(page, () => page.getByTestId('filter-target').selectOption(target).then(() => undefined)));
		}
		await page.getByTestId('filter-department').getByRole('button').first().click();
		// Three filter sets the page has not shown yet (+Бренд, +Выплаты, −Бренд), then back to all departments,
		// which the engine answers from the pages it keeps.
		const departmentChanges = [];
		for (const department of ['Бренд-менеджер', 'Выплаты', 'Бренд-менеджер']) {
			departmentChanges.push(await timeChange(page, () => toggleDepartment(page, department)));
		}
		const backToAllMs = await timeChange(page, () => toggleDepartment(page, 'Выплаты'));
		const result = {
			file, propose_ms: proposeMs, import_and_analysis_ms: importMs, text_detection_ms: detectionMs, target_change_ms: targetChanges,
			department_change_ms: departmentChanges, back_to_all_departments_ms: backToAllMs
		};
		console.log(`browser (${file}): propose ${proposeMs} ms, import and analysis ${importMs} ms, text detection ${detectionMs} ms; overview after a change (input event to`
			+ ` updated frame, in the page) of the target ${targetChanges.join(', ')} ms, to a new department filter`
			+ ` ${departmentChanges.join(', ')} ms, back to all departments ${backToAllMs} ms`);
		writeFileSync('bench-results/browser.json', JSON.stringify(result, null, 2));
	} finally {
		await context.close();
		if (server.pid) process.kill(-server.pid, 'SIGTERM');
	}
}

await main();
