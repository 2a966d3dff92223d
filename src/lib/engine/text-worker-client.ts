/**
 * Runs the text detection's two halves (detect-flags.ts `detectHalf`) in two workers of their own (text.worker.ts),
 * at the same time, and combines what they find (detect-rows.ts). The workers are started for one detection and
 * ended with it: cancelling terminates them at once, even in the middle of a half.
 */
import type { DetectionHalf, HalfResult } from '$lib/analysis/detect-flags';
import { combineHalves, type DetectedFlags } from '$lib/analysis/detect-rows';
import type { TextColumns } from '$lib/analysis/text-flags';
import { ENGINE_SENTENCES } from './describe-error';

/** What the engine posts to text.worker.ts: the half to run and the messages. */
export interface TextWorkerTask {
	half: DetectionHalf;
	input: TextColumns;
}

/** What text.worker.ts posts back. */
export type TextWorkerMessage =
	| { type: 'done'; result: HalfResult[DetectionHalf] }
	| { type: 'error'; error: string };

/** Raised when the detection was cancelled. */
export class DetectionCancelled extends Error {
	constructor() {
		super('The text analysis was cancelled.');
		this.name = 'DetectionCancelled';
	}
}

/**
 * Detects the flags of `input` with both halves in workers at once; `onStage(fraction)` as each half ends (0.5, 1);
 * stops both when `signal` aborts or either fails.
 */
export async function detectInWorker(input: TextColumns, signal: AbortSignal, onStage: (fraction: number) => void): Promise<DetectedFlags> {
	const stop = new AbortController();
	const quit = () => stop.abort();
	signal.addEventListener('abort', quit);
	let done = 0;
	const run = async <H extends DetectionHalf>(half: H): Promise<HalfResult[H]> => {
		const result = (await runInWorker({ half, input }, stop.signal)) as HalfResult[H];
		onStage(++done / 2);
		return result;
	};
	try {
		const [patterns, relevance] = await Promise.all([run('patterns'), run('relevance')]);
		return combineHalves(input, { patterns, relevance });
	} catch (error) {
		quit(); // the other half is of no use without this one
		throw signal.aborted ? new DetectionCancelled() : error;
	} finally {
		signal.removeEventListener('abort', quit);
	}
}

/** Runs one task in a new worker; ends it when done, failed, or when `signal` aborts. */
function runInWorker(task: TextWorkerTask, signal: AbortSignal): Promise<HalfResult[DetectionHalf]> {
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
			end();
			if (message.type === 'done') resolve(message.result);
			else reject(new Error(message.error));
		};
		worker.onerror = (event) => {
			event.preventDefault(); // handled here: the page says what happened in a sentence (client.ts localises it)
			console.error('The text analysis worker stopped:', event.message);
			end();
			reject(new Error(ENGINE_SENTENCES['engine.error.textStopped']));
		};
		worker.postMessage(task);
	});
}
