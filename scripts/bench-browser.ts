/**
 * Part of `npm run bench`: the app in Debian's Chromium on generated demo data (run after bench-views.ts, which
 * generates bench-results/data-N). Prints how long the import takes through the page, and how long the overview
 * takes to show new figures after a filter change; writes bench-results/browser.json. Figures, not assertions.
 *   npx tsx scripts/bench-browser.ts [--conversations N]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/e2e/browser';
import { openDepartmentList, overviewDrawn, timeChange, toggleDepartment, type TimedChange } from './bench/overview-change';
import { buildApp, startPreview } from './bench/preview-server';
import { since } from './bench/time';

const { values } = parseArgs({ options: { conversations: { type: 'string', default: '15000' } } });
const file = `bench-results/data-${values.conversations}/support-chats.csv`;
const PORT = 4319;
/** How long a person looks at the overview before the next click, in the department changes "after a look". */
const LOOK_MS = 2000;

async function main(): Promise<void> {
	buildApp();
	const server = await startPreview(PORT);
	const context = await launchBrowser('ru-RU');
	try {
		const page = await context.newPage();
		await page.goto(`${server.url}/`);
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
		await overviewDrawn(page);
		const targetChanges = [];
		for (const target of ['14400', '3600', '1800', '3600']) {
			targetChanges.push(await timeChange(page, () => page.getByTestId('filter-target').selectOption(target).then(() => undefined)));
		}
		await openDepartmentList(page);
		// Three filter sets the page has not shown yet (+Бренд, +Выплаты, −Бренд), each clicked as soon as the last
		// one is drawn. The one-department pages were read ahead after the first overview (the first read-ahead on new
		// metrics starts at once); the two-department page is computed (after a change the engine reads ahead only
		// once it has been idle READ_AHEAD_IDLE_MS). Then back to all departments, which it answers from the pages it
		// keeps.
		const departmentChanges = [];
		for (const department of ['Бренд-менеджер', 'Выплаты', 'Бренд-менеджер']) {
			departmentChanges.push(await timeChange(page, () => toggleDepartment(page, department)));
		}
		const backToAll = await timeChange(page, () => toggleDepartment(page, 'Выплаты'));
		// Other departments, each clicked after a look at the page (LOOK_MS): what the engine read ahead meanwhile.
		const lookedChanges = [];
		for (const department of ['Логистика', 'Претензии', 'Логистика', 'Претензии']) {
			await page.waitForTimeout(LOOK_MS);
			lookedChanges.push(await timeChange(page, () => toggleDepartment(page, department)));
		}
		// Start dates a week apart: filter sets the engine never reads ahead, so it computes every one of these pages.
		await page.keyboard.press('Escape');
		const firstDay = await page.getByTestId('filter-from').getAttribute('data-first-day');
		if (!firstDay) throw new Error('the start date input has no first day');
		const startDateChanges = [];
		for (const weeks of [1, 2, 3]) {
			const day = new Date(Date.parse(`${firstDay}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
			startDateChanges.push(await timeChange(page, () => page.getByTestId('filter-from').fill(day).then(() => page.keyboard.press('Enter'))));
		}
		const result = {
			file, propose_ms: proposeMs, import_and_analysis_ms: importMs, text_detection_ms: detectionMs, target_change: targetChanges,
			department_change: departmentChanges, back_to_all_departments: backToAll,
			department_change_after_a_look: lookedChanges, start_date_change: startDateChanges
		};
		console.log(`browser (${file}): propose ${proposeMs} ms, import and analysis ${importMs} ms, text detection ${detectionMs} ms; overview after a change (input event to`
			+ ` the frame with the new figures and every chart drawn, in the page; in brackets the engine's answer) of the target ${describe(targetChanges)},`
			+ ` to a new department filter ${describe(departmentChanges)}, back to all departments ${describe([backToAll])},`
			+ ` to a new department filter after a ${LOOK_MS / 1000} s look at the page ${describe(lookedChanges)},`
			+ ` to a new start date (never read ahead) ${describe(startDateChanges)}`);
		writeFileSync('bench-results/browser.json', JSON.stringify(result, null, 2));
	} finally {
		await context.close();
		server.stop();
	}
}

/** "87 ms (engine 12 ms), ..." */
function describe(changes: TimedChange[]): string {
	return changes.map((c) => `${c.ms} ms (engine ${c.engine_ms ?? '-'} ms)`).join(', ');
}

await main();
