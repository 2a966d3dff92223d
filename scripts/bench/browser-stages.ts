/**
 * The scale benchmark's browser stages, through the real page in headless Chromium: the file set on the import
 * input, the import confirmed, the text detection awaited on the templates page, one filter change on the
 * overview, the commitments page opened. A stage that fails or times out ends the run for this file and is reported with its reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../../tests/e2e/browser';
import { openDepartmentList, overviewDrawn, timeChange, toggleDepartment } from './overview-change';
import { addProbes, labelDurations, longTasksIn, pageNow, readProbes } from './page-probes';
import { since, withTimeout } from './time';
import { TreeMemory, type TreeMemoryPeak } from './tree-memory';

/** The progress label of the import's metrics phase (messages.ru.ts 'progress.analysing'). */
const METRICS_LABEL = 'Считаем показатели';

/** What the browser run measured; a stage missing here failed or was not reached (see `failed`). */
export interface BrowserFigures {
	propose_ms?: number;
	/** Confirm click to the import summary on screen: load, checks, metrics, saving in the browser. */
	import_ms?: number;
	/** The import's phases as its progress label showed them (page clock), ms. */
	import_phases_ms?: Record<string, number>;
	/** The metrics phase of the import (its 'Считаем показатели' label). */
	metrics_ms?: number;
	/** Import summary on screen to the template list on screen (the text detection runs in a worker). */
	text_detection_ms?: number;
	detection_phases_ms?: Record<string, number>;
	/** Metrics + text detection: the analysis, without loading the file. */
	analysis_ms?: number;
	/** Confirm click to the template list: what the user waits from "load" to every page ready. */
	import_and_analysis_ms?: number;
	/** One department ticked on the overview: input event to the updated frame, in the page. */
	filter_change_ms?: number;
	/** The commitments page's link clicked to its conflicts on screen: the commitments are found on the first visit. */
	commitments_page_ms?: number;
	long_tasks?: {
		supported: boolean;
		import: { longest_ms: number; over_limit: number };
		analysis: { longest_ms: number; over_limit: number };
		all: { longest_ms: number; over_limit: number; count: number };
	};
	memory?: TreeMemoryPeak;
	/** The stage that failed and why. */
	failed?: { stage: string; reason: string };
}

/** Timeouts of each wait, ms: generous, so that only a run that is stuck (or far over budget) is cut. */
const TIMEOUT = { propose: 300_000, import: 1_800_000, detection: 1_800_000, page: 300_000, change: 120_000, close: 30_000 };

/**
 * Runs the stages on `file` against the app at `baseUrl`, in a fresh profile (removed afterwards).
 * Memory is the summed RSS of this process's Chromium descendants, polled every 250 ms (tree-memory.ts).
 */
export async function measureBrowser(baseUrl: string, file: string): Promise<BrowserFigures> {
	const figures: BrowserFigures = {};
	const profileRoot = mkdtempSync(join(tmpdir(), 'replyscope-bench-'));
	const memory = new TreeMemory(process.pid, (command) => command.includes('chromium')).start();
	let context: BrowserContext | undefined;
	let stage = 'launch';
	try {
		context = await withTimeout(launchIn(profileRoot), TIMEOUT.page, 'launching Chromium');
		await addProbes(context);
		const page = await context.newPage();
		const crashed = new Promise<never>((_, reject) => {
			page.on('crash', () => reject(new Error('the page crashed (renderer out of memory?)')));
			page.on('close', () => reject(new Error('the page closed')));
		});
		crashed.catch(() => undefined);
		const guard = <T>(work: Promise<T>, ms: number, what: string) => withTimeout(Promise.race([work, crashed]), ms, what);
		const marks: Record<string, number> = {};
		try {
			stage = 'propose';
			memory.stage(stage);
			await guard(page.goto(`${baseUrl}/`), TIMEOUT.page, 'opening the start page');
			let start = performance.now();
			await page.getByTestId('import-file-input').setInputFiles(file, { timeout: TIMEOUT.propose });
			await guard(appearOrFail(page, page.getByTestId('import-confirm'), TIMEOUT.propose), TIMEOUT.propose, 'the proposal');
			figures.propose_ms = since(start);

			stage = 'import';
			memory.stage(stage);
			marks.importStart = await guard(pageNow(page), TIMEOUT.change, 'reading the page clock');
			start = performance.now();
			await page.getByTestId('import-confirm').click({ timeout: TIMEOUT.page });
			await guard(appearOrFail(page, page.getByTestId('import-summary'), TIMEOUT.import), TIMEOUT.import, 'the import');
			figures.import_ms = since(start);
			marks.importEnd = await guard(pageNow(page), TIMEOUT.change, 'reading the page clock');

			// The text detection starts when the dataset becomes current, in its own worker; the templates page
			// shows its progress, then the list.
			stage = 'text detection';
			memory.stage('analysis');
			start = performance.now();
			await page.getByRole('link', { name: 'Шаблоны', exact: true }).click({ timeout: TIMEOUT.page });
			await guard(detectionDone(page), TIMEOUT.detection, 'the text detection');
			figures.text_detection_ms = since(start);
			figures.import_and_analysis_ms = figures.import_ms + figures.text_detection_ms;
			marks.analysisEnd = await guard(pageNow(page), TIMEOUT.change, 'reading the page clock');

			stage = 'filter change';
			memory.stage('filter change');
			await page.getByRole('link', { name: 'Обзор', exact: true }).click({ timeout: TIMEOUT.page });
			await guard(overviewDrawn(page, TIMEOUT.page), TIMEOUT.page, 'the overview');
			await openDepartmentList(page);
			const change = await guard(
				timeChange(page, () => toggleDepartment(page, 'Бренд-менеджер'), TIMEOUT.change), TIMEOUT.change, 'the filter change'
			);
			figures.filter_change_ms = change.ms;

			stage = 'commitments page';
			memory.stage(stage);
			start = performance.now();
			await page.getByRole('link', { name: 'Сроки и обещания', exact: true }).click({ timeout: TIMEOUT.page });
			await guard(appearOrFail(page, page.getByTestId('conflicts'), TIMEOUT.page), TIMEOUT.page, 'the commitments page');
			figures.commitments_page_ms = since(start);
		} catch (error) {
			figures.failed = { stage, reason: (error as Error).message.split('\n')[0] };
		}
		await withTimeout(readPageFigures(page, marks, figures), TIMEOUT.change, 'reading the page probes').catch(() => undefined);
	} catch (error) {
		figures.failed ??= { stage, reason: (error as Error).message.split('\n')[0] };
	} finally {
		figures.memory = memory.stop();
		await closeOrKill(context, memory);
		rmSync(profileRoot, { recursive: true, force: true });
	}
	return figures;
}

/**
 * Chromium with launchBrowser's flags, its profile (and Playwright's scratch files) under `root`: launchBrowser
 * makes its profile in os.tmpdir(), which reads TMPDIR at each call.
 */
async function launchIn(root: string): Promise<BrowserContext> {
	const saved = process.env.TMPDIR;
	process.env.TMPDIR = root;
	try {
		return await launchBrowser('ru-RU');
	} finally {
		if (saved === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = saved;
	}
}

/** Waits for `target`, or throws the text of the error panel the page shows instead. */
async function appearOrFail(page: Page, target: Locator, timeout: number): Promise<void> {
	const alert = page.getByRole('alert');
	await target.or(alert).first().waitFor({ timeout });
	if (!(await target.isVisible()) && (await alert.count())) throw new Error(`the page showed: ${(await alert.first().innerText()).replace(/\s+/g, ' ')}`);
}

/** Waits for the template list, or throws when the detection ends in an error or is cancelled. */
async function detectionDone(page: Page): Promise<void> {
	const status = page.locator('[data-testid="detection-status"][data-status="error"], [data-testid="detection-status"][data-status="cancelled"]');
	await page.getByTestId('template-list').or(status).first().waitFor({ timeout: TIMEOUT.detection });
	if (await status.count()) throw new Error(`the text detection ended: ${(await status.first().innerText()).replace(/\s+/g, ' ')}`);
}

/** Long tasks and progress phases, read from the page's probes once the stages are over. */
async function readPageFigures(page: Page, marks: Record<string, number>, figures: BrowserFigures): Promise<void> {
	const probes = await readProbes(page);
	const end = await pageNow(page);
	const importEnd = marks.importEnd ?? end;
	const analysisEnd = marks.analysisEnd ?? end;
	figures.long_tasks = {
		supported: probes.longTaskSupported,
		import: longTasksIn(probes.longTasks, marks.importStart ?? end, importEnd),
		analysis: longTasksIn(probes.longTasks, importEnd, analysisEnd),
		all: { ...longTasksIn(probes.longTasks, 0, Infinity), count: probes.longTasks.length }
	};
	if (marks.importStart !== undefined) {
		figures.import_phases_ms = labelDurations(probes.labels, 'import-progress', marks.importStart, importEnd);
		figures.metrics_ms = figures.import_phases_ms[METRICS_LABEL];
	}
	if (marks.importEnd !== undefined) figures.detection_phases_ms = labelDurations(probes.labels, 'detection-progress', importEnd, analysisEnd);
	if (figures.metrics_ms !== undefined && figures.text_detection_ms !== undefined) {
		figures.analysis_ms = figures.metrics_ms + figures.text_detection_ms;
	}
}

/** Closes the browser; if it does not close in time, ends its processes by id. */
async function closeOrKill(context: BrowserContext | undefined, memory: TreeMemory): Promise<void> {
	if (!context) return;
	try {
		await withTimeout(context.close(), TIMEOUT.close, 'closing Chromium');
	} catch {
		memory.poll();
		for (const pid of memory.pids()) {
			try {
				process.kill(pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	}
}
