/**
 * The command line's text detection: the two halves (detect-flags.ts `detectHalf`) in two threads (detect-thread.ts),
 * combined as the browser combines its two workers' results. Each thread is started for one half and ended with it.
 * The halves run at once when the memory they need is free, otherwise one after the other: at 10M messages each
 * needed over 6 GiB of heap (probe, before the detection's memory changes of 8 December) beside DuckDB's 5.7 GiB of
 * tables and the main thread's copy of the columns, near all of this machine's 24 GiB.
 */
import { freemem } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DetectionHalf, Detector, HalfResult } from '$lib/analysis/detect-flags';
import { combineHalves, type DetectedFlags } from '$lib/analysis/detect-rows';
import type { TextColumns } from '$lib/analysis/text-flags';

/** Runs both halves of the detection of `input` in threads of their own, at once when there is memory for both. */
export const detectInThreads: Detector = (input) => {
	const need = { patterns: heapNeedMiB('patterns', input), relevance: heapNeedMiB('relevance', input) };
	const limit = { patterns: heapLimitMiB(need.patterns), relevance: heapLimitMiB(need.relevance) };
	return detectInHalves(input, limit, need.patterns + need.relevance <= freemem() / 2 ** 20);
};

/** The two halves in threads with `heapLimitMiB` of heap each, `together` or the patterns half first. */
export async function detectInHalves(
	input: TextColumns, heapLimitMiB: Record<DetectionHalf, number>, together: boolean
): Promise<DetectedFlags> {
	const run = <H extends DetectionHalf>(half: H) => runInThread(half, input, heapLimitMiB[half]);
	if (together) {
		const [patterns, relevance] = await Promise.all([run('patterns'), run('relevance')]);
		return combineHalves(input, { patterns, relevance });
	}
	const patterns = await run('patterns');
	return combineHalves(input, { patterns, relevance: await run('relevance') });
}

/**
 * Bytes of heap per message each half held at most, the text columns included, at 1,000,582 generated messages
 * (the least old-space limit each finished under, probe): patterns 400-450 MiB, relevance 600-750 MiB.
 */
const PEAK_BYTES_PER_MESSAGE: Record<DetectionHalf, number> = { patterns: 450, relevance: 750 };
/** Room for V8 to collect in: a heap run close to its live size spends its time in the collector. */
const HEAP_SLACK = 1.5;
/** A thread's heap limit by default on this kind of machine (V8's 4 GiB old space); never lowered. */
const DEFAULT_HEAP_MIB = 4096;

/** The heap a half needs for `input`, with room to collect in. */
function heapNeedMiB(half: DetectionHalf, input: TextColumns): number {
	return (HEAP_SLACK * PEAK_BYTES_PER_MESSAGE[half] * input.messageIds.length) / 2 ** 20;
}

/**
 * The old-space limit of a thread that needs `needMiB`. The limit, not the need, would have said "one after the
 * other" for any input on a machine with less than 8 GiB free: the floor is a limit, not memory in use.
 */
function heapLimitMiB(needMiB: number): number {
	return Math.max(DEFAULT_HEAP_MIB, Math.ceil(needMiB));
}

/**
 * The thread's start: tsx's loader, then detect-thread.ts. A thread does not inherit the loader tsx registered in
 * this one (tsx issue #354: the thread fails on the ".ts" extension), so it registers it itself.
 */
const THREAD_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
	.then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./detect-thread.ts', import.meta.url).href)}); })`;

function runInThread<H extends DetectionHalf>(half: H, input: TextColumns, heapLimitMiB: number): Promise<HalfResult[H]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(THREAD_BOOT, {
			eval: true, workerData: { half, input }, resourceLimits: { maxOldGenerationSizeMb: heapLimitMiB }
		});
		worker.once('message', (result: HalfResult[H]) => {
			resolve(result);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the ${half} thread of the text detection stopped (exit code ${code})`)));
	});
}
