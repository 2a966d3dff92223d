import { describe, expect, it } from 'vitest';
import { SvelteURL } from 'svelte/reactivity';
import type { LocaleCode } from '$lib/format';
import { ViewState } from './view-state.svelte';

function setup(address = 'http://localhost/overview', locale: LocaleCode = 'ru') {
	const url = new SvelteURL(address);
	const visited: string[] = [];
	const view = new ViewState(
		() => url,
		(next) => {
			visited.push(next.href);
			url.href = next.href;
		},
		() => locale
	);
	return { url, view, visited };
}

describe('ViewState', () => {
	it('reads the view from the address', () => {
		const { view } = setup('http://localhost/overview?dept=A&target=900');
		expect(view.options.filters.departments).toEqual(['A']);
		expect(view.options.targetS).toBe(900);
		expect(view.search).toBe('?dept=A&target=900');
	});
	it('writes a filter change into the address, keeping the page', () => {
		const { view, url } = setup();
		view.toggle('departments', 'Техподдержка');
		expect(url.pathname).toBe('/overview');
		expect(url.searchParams.getAll('dept')).toEqual(['Техподдержка']);
		expect(view.options.filters.departments).toEqual(['Техподдержка']);
		view.toggle('departments', 'Техподдержка');
		expect(url.search).toBe('');
	});
	it('drops an emptied date', () => {
		const { view, url } = setup('http://localhost/overview?from=2024-05-01');
		view.setFilters({ from: '' });
		expect(url.search).toBe('');
	});
	it('follows the address asked for while the router is still going there, then the router again', async () => {
		const url = new SvelteURL('http://localhost/overview');
		const arrivals: (() => void)[] = [];
		const view = new ViewState(
			() => url,
			(next) => new Promise<void>((arrived) => arrivals.push(() => ((url.href = next.href), arrived()))),
			() => 'ru'
		);
		view.toggle('departments', 'A');
		expect(url.search).toBe('');
		expect(view.options.filters.departments).toEqual(['A']);
		// A second click before the first navigation ends builds on the first.
		view.toggle('departments', 'B');
		expect(view.search).toBe('?dept=A&dept=B');
		arrivals[0]();
		await Promise.resolve();
		expect(view.options.filters.departments).toEqual(['A', 'B']);
		arrivals[1]();
		await new Promise((resolve) => setTimeout(resolve));
		expect(url.search).toBe('?dept=A&dept=B');
		// Settled: the router's address (the back button, a link) is the view's again.
		url.href = 'http://localhost/overview?dept=C';
		expect(view.options.filters.departments).toEqual(['C']);
	});
	it('does not navigate when nothing changes', () => {
		const { view, visited } = setup('http://localhost/overview?target=900');
		view.setTarget(900);
		expect(visited).toEqual([]);
	});
	it('shows the default schedule in the UI language and applies it when switched on', () => {
		const { view, url } = setup();
		expect(view.scheduleText).toBe('пн-пт 09:00-18:00');
		view.setHoursOn(true);
		expect(url.searchParams.get('hours')).toBe('mon-fri 09:00-18:00');
		expect(view.options.businessHours?.days[0]).toEqual([540, 1080]);
	});
	it('keeps the view and shows the error for a schedule that does not read', () => {
		const { view, url } = setup('http://localhost/overview?hours=mon-fri+09:00-18:00');
		view.applySchedule('пн-пт 18:00-09:00');
		expect(view.scheduleError?.code).toBe('order');
		expect(url.searchParams.get('hours')).toBe('mon-fri 09:00-18:00');
	});
	it('applies an edited schedule and shows it written the usual way', () => {
		const { view, url } = setup('http://localhost/overview?hours=mon-fri+09:00-18:00');
		view.applySchedule('пн-сб 10-20');
		expect(url.searchParams.get('hours')).toBe('mon-sat 10:00-20:00');
		expect(view.scheduleText).toBe('пн-сб 10:00-20:00');
		expect(view.scheduleError).toBeNull();
	});
	it('switches business hours off', () => {
		const { view, url } = setup('http://localhost/overview?hours=mon-fri+09:00-18:00');
		expect(view.hoursOn).toBe(true);
		view.setHoursOn(false);
		expect(url.searchParams.has('hours')).toBe(false);
		expect(view.options.businessHours).toBeNull();
	});
	it('shows the error of a link with a bad schedule, the switch on', () => {
		const { view } = setup('http://localhost/overview?hours=someday+9-18');
		expect(view.hoursOn).toBe(true);
		expect(view.scheduleError?.code).toBe('unknown-day');
		expect(view.options.businessHours).toBeNull();
	});
	it('clears the filters but keeps target and clock', () => {
		const { view, url } = setup('http://localhost/overview?dept=A&from=2024-05-01&target=900');
		view.clearFilters();
		expect(url.search).toBe('?target=900');
	});
});
