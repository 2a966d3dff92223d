import { LOADING, settle, type QueryResult } from './query';

/**
 * Runs an asynchronous read when created and keeps its result as reactive state (`$state.raw`: results are
 * replaced whole, never edited in place, so deep proxies would only cost time). Create it in a component's
 * script; wrap the component in `{#key}` to run it again when its inputs change.
 */
export class Query<T> {
	/** The latest result; a stale answer of an earlier `reload()` never overwrites a newer one. */
	result = $state.raw<QueryResult<T>>(LOADING);
	#run: () => Promise<T>;
	#generation = 0;

	constructor(run: () => Promise<T>) {
		this.#run = run;
		void this.reload();
	}

	/** Runs the read again (after an error, for "Try again"). */
	async reload(): Promise<void> {
		const generation = ++this.#generation;
		this.result = LOADING;
		const result = await settle(Promise.resolve().then(this.#run));
		if (generation === this.#generation) this.result = result;
	}
}
