/**
 * Runs `detectReplyFlags` in a worker of its own (text.worker.ts), started for one detection and ended with it:
 * cancelling terminates it at once, even in the middle of a stage.
 */
import type { DetectedFlags } from '$lib/analysis/detect-flags';
import type { TextRows } from '$lib/analysis/text-flags';
import { ENGINE_SENTENCES } from './describe-error';

/** What text.worker.ts posts back. */
export type TextWorkerMessage =
	/** A stage is done: `fraction` of the detection. */
	| { type: 'stage'; fraction: number }
	| { type: 'done'; detected: DetectedFlags }
	| { type: 'error'; error: string };

/** Raised when the detection was cancelled. */
export class DetectionCancelled extends Error {
	constructor() {
		super('The text analysis was cancelled.');
		this.name = 'DetectionCancelled';
	}
}

/** Detects the flags of `input` in a new worker; `onStage(fraction)` after each stage; stops when `signal` aborts. */
export function detectInWorker(input: TextRows, signal: AbortSignal, onStage: (fraction: number) => void): Promise<DetectedFlags> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) return reject(new DetectionCancelled());
		const worker = new Worker(new URL('./text.worker.ts', import.meta.url), { type: 'module' });
		const end = () => {
			worker.terminate();
			signal.removeEventListener('abort', abort);
		};
		const abort = () => {
			end();
			reject(new DetectionCancelled());
		};
		signal.addEventListener('abort', abort);
		worker.onmessage = (event: MessageEvent<TextWorkerMessage>) => {
			const message = event.data;
			if (message.type === 'stage') return onStage(message.fraction);
			end();
			if (message.type === 'done') resolve(message.detected);
			else reject(new Error(message.error));
		};
		worker.onerror = (event) => {
			event.preventDefault(); // handled here: the page says what happened in a sentence (client.ts localises it)
			console.error('The text analysis worker stopped:', event.message);
			end();
			reject(new Error(ENGINE_SENTENCES['engine.error.textStopped']));
		};
		worker.postMessage(input);
	});
}
