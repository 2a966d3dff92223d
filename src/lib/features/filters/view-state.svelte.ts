import { createContext } from 'svelte';
import type { Filters, ViewOptions } from '$lib/analysis/view-types';
import type { LocaleCode } from '$lib/format';
import { DEFAULT_SCHEDULE, formatSchedule, parseSchedule, type ScheduleError } from './schedule';
import { readViewUrl, viewSearch, writeViewUrl } from './view-url';

/** The list filters, by the names of `Filters`. */
export type ListFilter = 'departments' | 'agents' | 'customers';

/**
 * The view of the analysis pages (filters, target, clock), kept in the page address: the address is the one source
 * of truth, so a copied link, the back button and a reload all reopen the same figures. Every setter writes a new
 * address; `options` follows it. The schedule the user is typing and its error live here too, because they are not
 * part of the view until they read as a schedule.
 */
export class ViewState {
	#url: () => URL;
	#navigate: (url: URL) => unknown;
	#locale: () => LocaleCode;

	/**
	 * The address a setter has asked for while the router is still going there (SvelteKit's `goto` takes a few
	 * microtasks and a `history.replaceState`, which took 19 ms of a cold click in Chromium): the view follows it at
	 * once, so the page's new query leaves in the click's own update rather than after the navigation. Dropped when
	 * that navigation settles; from then on the router's address is the view's again.
	 */
	#pending = $state.raw<URL | null>(null);
	/** The view's address: the one being written, else the router's. Compared as text, so the same address reached
	 * again (the router catching up with `#pending`) changes nothing downstream. */
	#href = $derived.by(() => (this.#pending ?? this.#url()).href);
	#params = $derived(new URL(this.#href).searchParams);

	#read = $derived.by(() => readViewUrl(this.#params));
	/** What the pages query with; a plain object (never a proxy), so it can be posted to the engine's worker. */
	readonly options: ViewOptions = $derived(this.#read.options);
	/** The view's part of a link ("?dept=…", or ""), for links between the analysis pages. */
	readonly search: string = $derived(viewSearch(this.options));

	/**
	 * The business-hours controls as the user left them, while they differ from the address (a schedule that does not
	 * read, a switch turned on before the text was fixed). Valid while the address's `hours` is one of `params` (the
	 * one it was made on, and the one it wrote): going back or opening another link drops it.
	 */
	#draft = $state.raw<{ params: (string | null)[]; on: boolean; text: string; error: ScheduleError | null } | null>(null);
	#hoursParam = $derived.by(() => this.#params.get('hours'));
	#liveDraft = $derived(this.#draft && this.#draft.params.includes(this.#hoursParam) ? this.#draft : null);

	/**
	 * @param url the current page address (reactive: `() => page.url`)
	 * @param navigate goes to a new address of the same page, replacing the history entry; may return a promise that
	 *   settles once the address is there (until then the view follows the address asked for)
	 * @param locale the UI language, for the schedule's day names
	 */
	constructor(url: () => URL, navigate: (url: URL) => unknown, locale: () => LocaleCode) {
		this.#url = url;
		this.#navigate = navigate;
		this.#locale = locale;
	}

	/** Business hours switched on (a link with an unreadable schedule counts as on, so that its error shows). */
	get hoursOn(): boolean {
		return this.#liveDraft?.on ?? (this.options.businessHours !== null || this.#read.hoursError !== null);
	}

	/** The schedule as shown in its text box: as typed, else the address's, else the default, in the UI language. */
	get scheduleText(): string {
		if (this.#liveDraft) return this.#liveDraft.text;
		if (this.#read.hoursError) return this.#hoursParam ?? '';
		return formatSchedule(this.options.businessHours ?? DEFAULT_SCHEDULE, this.#locale());
	}

	/** Why the schedule is not applied: the text does not read as one (or the link's did not). */
	get scheduleError(): ScheduleError | null {
		return this.#liveDraft ? this.#liveDraft.error : this.#read.hoursError;
	}

	get filters(): Filters {
		return this.options.filters;
	}

	/** Replaces some filters (an empty list or an empty date means "all"). */
	setFilters(patch: Partial<Filters>): void {
		const filters: Filters = { ...this.options.filters, ...patch };
		for (const key of Object.keys(filters) as (keyof Filters)[]) {
			const value = filters[key];
			if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete filters[key];
		}
		this.#go({ ...this.options, filters });
	}

	/** Switches one value of a list filter on or off. */
	toggle(list: ListFilter, value: string): void {
		const current = this.options.filters[list] ?? [];
		this.setFilters({ [list]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] });
	}

	setTarget(seconds: number): void {
		this.#go({ ...this.options, targetS: seconds });
	}

	/** Switches business hours on (with the schedule in the text box, if it reads) or off. */
	setHoursOn(on: boolean): void {
		this.#settle(on, this.scheduleText);
	}

	/** Checks the text as it is typed; shows why it does not read as a schedule, without changing the view. */
	editSchedule(text: string): void {
		const parsed = parseSchedule(text);
		this.#draft = { params: [this.#hoursParam], on: this.hoursOn, text, error: parsed.ok ? null : parsed.error };
	}

	/** Uses the schedule when it reads and business hours are on; otherwise keeps the view and shows the error. */
	applySchedule(text: string): void {
		this.#settle(this.hoursOn, text);
	}

	#settle(on: boolean, text: string): void {
		const parsed = parseSchedule(text);
		const error = parsed.ok ? null : parsed.error;
		const businessHours = on && parsed.ok ? parsed.hours : on ? this.options.businessHours : null;
		const next = businessHours ? formatSchedule(businessHours, 'en') : null;
		// A schedule that reads is shown as written back (the usual way); one that does not stays as typed.
		const shown = parsed.ok ? formatSchedule(parsed.hours, this.#locale()) : text;
		this.#draft = { params: [this.#hoursParam, next], on, text: shown, error: on ? error : null };
		this.#go({ ...this.options, businessHours });
	}

	/** Clears every filter (the target and the clock stay as chosen). */
	clearFilters(): void {
		this.#go({ ...this.options, filters: {} });
	}

	#go(options: ViewOptions): void {
		const url = new URL(this.#href);
		const search = writeViewUrl(options, url.searchParams).toString();
		url.search = search ? `?${search}` : '';
		if (url.href === this.#href) return;
		this.#pending = url;
		const settled = () => {
			if (this.#pending === url) this.#pending = null;
		};
		Promise.resolve(this.#navigate(url)).then(settled, settled);
	}
}

const [getView, setView] = createContext<ViewState>();

/** Provides the view state to the component tree (the root layout creates it). */
export function setViewContext(state: ViewState): ViewState {
	return setView(state);
}

/** The view state provided by the root layout. */
export function getViewContext(): ViewState {
	return getView();
}
