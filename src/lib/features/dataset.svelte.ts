import { createContext } from 'svelte';
import type { InputSummary } from '$lib/engine/protocol';

/** Where the app is with its dataset: restoring it on start, or settled (with or without one). */
export type DatasetStatus = 'restoring' | 'ready' | 'error';

/** What the app did after the data engine's worker stopped (a crash, or killed for memory) and a new one started. */
export type Recovery =
	/** No crash to tell about (or an import or a deletion since made it old news, or the user closed the notice). */
	| 'none'
	/** Reopening the saved dataset in the new worker. */
	| 'reopening'
	/** The saved dataset is back. */
	| 'reopened'
	/** No dataset was loaded, so there was nothing to reopen. */
	| 'restarted'
	/** The dataset could not be reopened: the files must be imported again. */
	| 'lost';

/** The dataset currently in the engine, as its InputSummary; shared by the header, import and overview. */
export class DatasetState {
	/** What the current dataset was made of; null when there is none. */
	summary = $state.raw<InputSummary | null>(null);
	status = $state<DatasetStatus>('restoring');
	/** Why restoring failed, when it did. */
	error = $state.raw<unknown>(null);
	/** Where the recovery from the latest engine crash is, for the notice the layout shows. */
	recovery = $state<Recovery>('none');
	/** Whether there was (or might be) a dataset when the engine crashed. */
	#hadDataset = false;

	/** Whether a dataset is loaded. */
	get loaded(): boolean {
		return this.summary !== null;
	}

	/** Records a new current dataset (after an import or a restore), or none (after deleting). */
	set(summary: InputSummary | null): void {
		this.summary = summary;
		this.status = 'ready';
		this.error = null;
		this.recovery = 'none';
	}

	/**
	 * The answer of `engine.restore()` on start or after a crash. Ignored when something newer already happened (an import finished
	 * or the data was deleted before the saved dataset came back), so an old summary never replaces a new one.
	 */
	restored(summary: InputSummary | null): void {
		if (this.status !== 'restoring') return;
		const recovery = this.recovery === 'reopening' ? (summary ? 'reopened' : this.#hadDataset ? 'lost' : 'restarted') : 'none';
		this.set(summary);
		this.recovery = recovery;
	}

	/** Records that the saved dataset could not be restored (the app still works: a new import replaces it). */
	restoreFailed(error: unknown): void {
		if (this.status !== 'restoring') return;
		this.summary = null;
		this.status = 'error';
		this.error = error;
		if (this.recovery === 'reopening') this.recovery = 'lost';
	}

	/**
	 * The engine's worker crashed; the next one holds no data. The dataset goes back to restoring, as on start, so the
	 * pages wait and then query afresh. Returns whether to restore now: not when a restore is already under way (the
	 * crash rejects it too, and restoring once more could crash again and again).
	 */
	crashed(): boolean {
		const restoring = this.status === 'restoring';
		this.#hadDataset = restoring || this.summary !== null;
		this.recovery = 'reopening';
		if (restoring) return false;
		this.summary = null;
		this.status = 'restoring';
		this.error = null;
		return true;
	}

	/** The user closed the crash notice. */
	dismissRecovery(): void {
		this.recovery = 'none';
	}
}

const [getDataset, setDataset] = createContext<DatasetState>();

/** Provides the dataset state to the component tree (the root layout creates it). */
export function setDatasetContext(state: DatasetState): DatasetState {
	return setDataset(state);
}

/** The dataset state provided by the root layout. */
export function getDatasetContext(): DatasetState {
	return getDataset();
}
