/** A filter change on the overview page, timed inside the page. */
import type { Page } from 'playwright-core';

/**
 * Runs `change`, then waits until the headline differs and nothing is busy. Returns the time measured inside the
 * page, from the input event (a `change` on the control) to the animation frame in which the new figures are in
 * place: what the user waits. Playwright's own round trip (about 100 ms per click here) is not part of it.
 */
export async function timeChange(page: Page, change: () => Promise<void>, timeout = 30_000): Promise<number> {
	const before = (await page.getByTestId('overview-headline').innerText({ timeout })).replace(/\n/g, '');
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
	}, before, { polling: 'raf', timeout });
	return Math.round((await handle.jsonValue()) as number);
}

/** Ticks or unticks one department in the filter bar's department list (the list must be open). */
export async function toggleDepartment(page: Page, department: string): Promise<void> {
	await page.getByTestId('filter-department').getByRole('checkbox', { name: department }).click();
}

/** Opens the filter bar's department list. */
export async function openDepartmentList(page: Page): Promise<void> {
	await page.getByTestId('filter-department').getByRole('button').first().click();
}
