import type { ImportPlan } from '$lib/ingest/types';
import type { FileProposal, InputSummary, Overview, Progress } from './protocol';

/** A running job: its result, and a way to stop it (the previous dataset then stays as it was). */
export interface Job<T> {
	result: Promise<T>;
	cancel(): void;
}

/**
 * What the pages ask of the data engine. In the browser it runs in a Web Worker (DuckDB-WASM, parsing,
 * analysis) so the page stays responsive; `client.ts` implements it over postMessage.
 */
export interface Engine {
	/** Sniffs the files and guesses how to read each one (nothing is loaded yet). */
	propose(files: File[], timeZone: string): Promise<FileProposal[]>;
	/** Loads the files with the confirmed plans into a new dataset, replacing the previous one only on success. */
	load(files: File[], plans: ImportPlan[], onProgress: (p: Progress) => void): Job<InputSummary>;
	/** The dataset saved in this browser, if any (loaded into the engine), else null. */
	restore(): Promise<InputSummary | null>;
	/** Figures and series for the overview screen of the current dataset. */
	overview(): Promise<Overview>;
	/** Deletes the dataset from the engine and from this browser's storage. */
	clear(): Promise<void>;
}
