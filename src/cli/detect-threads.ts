/**
 * The command line's text detection: the two halves (detect-flags.ts `detectHalf`) in two threads at once
 * (detect-thread.ts), combined as the browser combines its two workers' results. Each thread is started for one
 * half and ended with it.
 */
import { Worker } from 'node:worker_threads';
import type { DetectionHalf, Detector, HalfResult } from '$lib/analysis/detect-flags';
import { combineHalves } from '$lib/analysis/detect-rows';
import type { TextColumns } from '$lib/analysis/text-flags';

/** Runs both halves of the detection of `input` in threads of their own, at the same time. */
export const detectInThreads: Detector = async (input) => {
	const [patterns, relevance] = await Promise.all([
		runInThread('patterns', input),
		runInThread('relevance', input)
	]);
	return combineHalves(input, { patterns, relevance });
};

/**
 * The thread's start: tsx's loader, then detect-thread.ts. A thread does not inherit the loader tsx registered in
 * this one (tsx issue #354: the thread fails on the ".ts" extension), so it registers it itself.
 */
const THREAD_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
	.then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./detect-thread.ts', import.meta.url).href)}); })`;

function runInThread<H extends DetectionHalf>(half: H, input: TextColumns): Promise<HalfResult[H]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(THREAD_BOOT, { eval: true, workerData: { half, input } });
		worker.once('message', (result: HalfResult[H]) => {
			resolve(result);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the ${half} thread of the text detection stopped (exit code ${code})`)));
	});
}
