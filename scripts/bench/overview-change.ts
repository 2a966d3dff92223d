/** A filter change on the overview page, timed inside the page. */
import type { Page } from 'playwright-core';
import { pageScript } from './page-probes';

/** How long a filter change took, ms, and how long the engine took to send the new overview. */
export interface TimedChange {
	/** From the input event to the animation frame in which the new figures and charts are in place. */
	ms: number;
	/**
	 * The overview request's round trip to the engine's worker (client.ts measure), null when the change made none.
	 * A page the engine kept or read ahead comes back as soon as the worker is free (tens of ms on the bench file);
	 * one it has to compute takes its queries' time on top (over 100 ms there).
	 */
	engine_ms: number | null;
}

/**
 * In the page: from the next `change` event on, looks at every animation frame for the new overview (a headline
 * other than `before`, nothing busy, every chart drawn: chart-attachment.svelte.ts sets `data-chart-state`), and
 * settles `window.benchChange` with the first frame that has it.
 */
function watchChange(before: string, timeout: number): void {
	const w = window as unknown as { benchChange?: Promise<TimedChange> };
	w.benchChange = new Promise((resolve, reject) => {
		setTimeout(() => reject(new Error(`the overview did not change within ${timeout} ms`)), timeout);
		document.addEventListener('change', (event) => {
			const input = event.timeStamp;
			const look = () => {
				const charts = [...document.querySelectorAll('canvas[data-chart-state]')];
				const done = document.querySelector('[data-testid="overview-headline"]')?.textContent !== before
					&& !document.querySelector('[aria-busy="true"]') && charts.length > 0
					&& charts.every((chart) => chart.getAttribute('data-chart-state') === 'drawn');
				if (!done) return void requestAnimationFrame(look);
				const request = performance.getEntriesByName('engine overviewView').find((entry) => entry.startTime >= input);
				resolve({ ms: Math.round(performance.now() - input), engine_ms: request ? Math.round(request.duration) : null });
			};
			requestAnimationFrame(look);
		}, { capture: true, once: true });
	});
}

/**
 * Runs `change` and returns the time measured inside the page, from the input event (a `change` on the control) to
 * the animation frame in which the new headline is in place, nothing is busy and every chart has drawn its figures:
 * what the user waits. The page watches for it itself, every frame, so neither Playwright's round trip for the click
 * (about 100 ms here) nor the moment it gets round to asking is part of the figure.
 */
export async function timeChange(page: Page, change: () => Promise<void>, timeout = 30_000): Promise<TimedChange> {
	const before = await page.getByTestId('overview-headline').textContent({ timeout });
	await page.evaluate(pageScript(watchChange, before, timeout));
	await change();
	return page.evaluate(() => (window as unknown as { benchChange: Promise<TimedChange> }).benchChange);
}

/**
 * Waits until the overview page is shown with every chart drawn. A change timed before that would also time the
 * rest of the page's first draw (its charts animate in for 300 ms), not the change.
 */
export async function overviewDrawn(page: Page, timeout = 120_000): Promise<void> {
	await page.getByTestId('department-table').waitFor({ timeout });
	await page.waitForFunction(() => {
		const charts = [...document.querySelectorAll('canvas[data-chart-state]')];
		return charts.length > 0 && charts.every((chart) => chart.getAttribute('data-chart-state') === 'drawn');
	}, undefined, { timeout });
}

/** Ticks or unticks one department in the filter bar's department list (the list must be open). */
export async function toggleDepartment(page: Page, department: string): Promise<void> {
	await page.getByTestId('filter-department').getByRole('checkbox', { name: department }).click();
}

/** Opens the filter bar's department list. */
export async function openDepartmentList(page: Page): Promise<void> {
	await page.getByTestId('filter-department').getByRole('button').first().click();
}
