import { createContext } from 'svelte';
import { CancelledError } from '$lib/engine/client';
import type { Engine, Job } from '$lib/engine/engine';
import type { DetectionProgress, DetectionSummary } from '$lib/engine/protocol';

/** Where the text detection of the current dataset is. */
export type DetectionStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/**
 * The text detection (templates, off-topic replies, reply kinds) of the current dataset. It takes seconds on a big
 * export and runs in the engine's worker; the text pages wait for `done` before they ask for anything. The root
 * layout starts it whenever a dataset becomes current and resets it when the dataset is deleted.
 */
export class DetectionState {
	/** Idle (no dataset), running, done, cancelled by the user, or failed. */
	status = $state<DetectionStatus>('idle');
	/** The latest progress report while running; null before the first one. */
	progress = $state.raw<DetectionProgress | null>(null);
	/** What the finished detection found; null until done. */
	summary = $state.raw<DetectionSummary | null>(null);
	/** Why it failed, when it did. */
	error = $state.raw<unknown>(null);
	/** Cancel was pressed and the worker has not stopped yet. */
	cancelling = $state(false);

	#engine: Pick<Engine, 'detect'>;
	#job: Job<DetectionSummary> | null = null;
	/** Bumped by every start and reset: answers of an older run are dropped. */
	#generation = 0;

	constructor(engine: Pick<Engine, 'detect'>) {
		this.#engine = engine;
	}

	/** Whether the text pages may query. */
	get done(): boolean {
		return this.status === 'done';
	}

	/** Runs the detection afresh (a new dataset, or "Run again"); a run still going is cancelled. */
	start(): void {
		this.#stopJob();
		const generation = ++this.#generation;
		this.status = 'running';
		this.progress = null;
		this.summary = null;
		this.error = null;
		this.cancelling = false;
		const job = this.#engine.detect((p) => {
			if (generation === this.#generation) this.progress = p;
		});
		this.#job = job;
		job.result.then(
			(summary) => this.#finish(generation, () => ((this.status = 'done'), (this.summary = summary))),
			(error: unknown) =>
				this.#finish(generation, () => {
					this.status = error instanceof CancelledError ? 'cancelled' : 'error';
					this.error = error instanceof CancelledError ? null : error;
				})
		);
	}

	/** Stops the running detection; the text pages then offer to run it again. */
	cancel(): void {
		if (this.status !== 'running' || !this.#job) return;
		this.cancelling = true;
		this.#job.cancel();
	}

	/** Forgets everything (the dataset was deleted). */
	reset(): void {
		this.#stopJob();
		this.#generation++;
		this.status = 'idle';
		this.progress = null;
		this.summary = null;
		this.error = null;
		this.cancelling = false;
	}

	#finish(generation: number, apply: () => void): void {
		if (generation !== this.#generation) return;
		this.#job = null;
		this.cancelling = false;
		apply();
	}

	#stopJob(): void {
		// The old job's answer is dropped by the generation check; cancelling spares the worker the rest of it.
		if (this.#job && this.status === 'running') this.#job.cancel();
		this.#job = null;
	}
}

const [getDetection, setDetection] = createContext<DetectionState>();

/** Provides the detection state to the component tree (the root layout creates it). */
export function setDetectionContext(state: DetectionState): DetectionState {
	return setDetection(state);
}

/** The detection state provided by the root layout. */
export function getDetectionContext(): DetectionState {
	return getDetection();
}
