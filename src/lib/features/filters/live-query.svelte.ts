import { untrack } from 'svelte';
import { LOADING, settle, type QueryResult } from '$lib/ui/query';

/**
 * An engine read that follows the view: it runs when created and again whenever `key()` changes (the view's link
 * text, say), so every filter change re-queries. While a new answer is on its way the previous one stays on screen
 * with `refreshing` set, rather than the page falling back to "Loading…" on every click; an answer that arrives
 * after a newer request was made is dropped. Create it in a component's script: it uses `$effect`, which here keeps
 * the engine (an outside system in a worker) in step with the page, the use the Svelte docs give effects.
 */
export class LiveQuery<T> {
	/** The latest settled result (loading only before the first answer, or after an error). */
	result = $state.raw<QueryResult<T>>(LOADING);
	/** A newer answer is being computed; `result` is the previous one. */
	refreshing = $state(false);
	#run: () => Promise<T>;
	#generation = 0;

	/**
	 * @param key what the read depends on, compared by value (a string): it runs again when this changes
	 * @param run the read; what it reads is not tracked, only `key` is
	 */
	constructor(key: () => string, run: () => Promise<T>) {
		this.#run = run;
		$effect(() => {
			key();
			untrack(() => void this.reload());
		});
	}

	/** Runs the read again (after an error, for "Try again"). */
	async reload(): Promise<void> {
		const generation = ++this.#generation;
		if (this.result.status === 'ok') this.refreshing = true;
		else this.result = LOADING;
		const result = await settle(Promise.resolve().then(this.#run));
		if (generation !== this.#generation) return;
		this.result = result;
		this.refreshing = false;
	}
}
