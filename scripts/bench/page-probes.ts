/**
 * What the browser benchmark records inside the page, installed before the app's own scripts run
 * (`context.addInitScript`): the main thread's long tasks (PerformanceObserver, type 'longtask': tasks over 50 ms,
 * https://w3c.github.io/longtasks/) and each change of the import's and the text detection's progress label, with
 * the page's clock, so the phases of a stage can be told apart without a round trip to Node.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** One long task: start and duration, ms on the page's clock. */
export interface LongTask {
	start: number;
	duration: number;
}

/** A progress bar's label changed to `text` (null: the bar went away) at `t`, page clock. */
export interface LabelChange {
	bar: 'import-progress' | 'detection-progress';
	text: string | null;
	t: number;
}

interface Probes {
	longTasks: LongTask[];
	longTaskSupported: boolean;
	labels: LabelChange[];
}

function installProbes(): void {
	const probes: Probes = { longTasks: [], longTaskSupported: false, labels: [] };
	(window as unknown as { __bench: Probes }).__bench = probes;
	try {
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
		}).observe({ type: 'longtask', buffered: true });
		probes.longTaskSupported = true;
	} catch {
		// this browser has no long-task timing: reported as not measured
	}
	const last: Record<string, string | null> = {};
	const look = () => {
		for (const bar of ['import-progress', 'detection-progress'] as const) {
			const text = document.querySelector(`[data-testid="${bar}"] .progress-label`)?.textContent ?? null;
			if (text === (last[bar] ?? null)) continue;
			last[bar] = text;
			probes.labels.push({ bar, text, t: performance.now() });
		}
	};
	// The document itself exists before any script runs; its <html> may not yet.
	new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
}

/** Installs the probes in every page of `context` opened after this call. */
export async function addProbes(context: BrowserContext): Promise<void> {
	await context.addInitScript({ content: pageScript(installProbes) });
}

/**
 * The source of a script that calls `fn` with `args` (JSON values) in the page. tsx compiles with esbuild's
 * keepNames, which wraps inner named functions in `__name(fn, "name")`: a helper that exists in Node, not in the
 * page. So `fn` goes over as text, with a stand-in for it.
 */
export function pageScript(fn: (...args: never[]) => unknown, ...args: unknown[]): string {
	return `(() => { const __name = (fn) => fn; (${fn.toString()})(${args.map((a) => JSON.stringify(a)).join(', ')}); })();`;
}

/** What the probes recorded so far in `page`. */
export async function readProbes(page: Page): Promise<Probes> {
	return page.evaluate(() => (window as unknown as { __bench: Probes }).__bench);
}

/** The page's clock now (to mark where a stage starts or ends, within a Playwright round trip). */
export function pageNow(page: Page): Promise<number> {
	return page.evaluate(() => performance.now());
}

/** The longest task and the count over `limitMs` among the tasks that started in [from, to). */
export function longTasksIn(tasks: LongTask[], from: number, to: number, limitMs = 100): { longest_ms: number; over_limit: number } {
	const inside = tasks.filter((task) => task.start >= from && task.start < to);
	return {
		longest_ms: Math.round(Math.max(0, ...inside.map((task) => task.duration))),
		over_limit: inside.filter((task) => task.duration > limitMs).length
	};
}

/**
 * How long each label of a progress bar stayed up between `from` and `to`, ms, in the order shown; a label shown
 * more than once is summed. "Читаем file.csv" and the like keep their text.
 */
export function labelDurations(changes: LabelChange[], bar: LabelChange['bar'], from: number, to: number): Record<string, number> {
	const mine = changes.filter((c) => c.bar === bar && c.t >= from && c.t <= to);
	const durations: Record<string, number> = {};
	mine.forEach((change, i) => {
		if (change.text === null) return;
		const end = mine[i + 1]?.t ?? to;
		durations[change.text] = Math.round((durations[change.text] ?? 0) + end - change.t);
	});
	return durations;
}
