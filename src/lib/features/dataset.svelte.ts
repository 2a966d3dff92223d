import { createContext } from 'svelte';
import type { InputSummary } from '$lib/engine/protocol';

/** Where the app is with its dataset: restoring it on start, or settled (with or without one). */
export type DatasetStatus = 'restoring' | 'ready' | 'error';

/** The dataset currently in the engine, as its InputSummary; shared by the header, import and overview. */
export class DatasetState {
	/** What the current dataset was made of; null when there is none. */
	summary = $state.raw<InputSummary | null>(null);
	status = $state<DatasetStatus>('restoring');
	/** Why restoring failed, when it did. */
	error = $state.raw<unknown>(null);

	/** Whether a dataset is loaded. */
	get loaded(): boolean {
		return this.summary !== null;
	}

	/** Records a new current dataset (after an import or a restore), or none (after deleting). */
	set(summary: InputSummary | null): void {
		this.summary = summary;
		this.status = 'ready';
		this.error = null;
	}

	/**
	 * The answer of `engine.restore()` on start. Ignored when something newer already happened (an import finished
	 * or the data was deleted before the saved dataset came back), so an old summary never replaces a new one.
	 */
	restored(summary: InputSummary | null): void {
		if (this.status === 'restoring') this.set(summary);
	}

	/** Records that the saved dataset could not be restored (the app still works: a new import replaces it). */
	restoreFailed(error: unknown): void {
		if (this.status !== 'restoring') return;
		this.summary = null;
		this.status = 'error';
		this.error = error;
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
