/** Timing helpers of the benchmarks: milliseconds, rounded to what the figures can hold. */

/** Runs `work` and returns its result with the time it took, ms to one decimal. */
export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
	const start = performance.now();
	const result = await work();
	return [result, Math.round((performance.now() - start) * 10) / 10];
}

/** Whole milliseconds since `start` (a `performance.now()` reading). */
export function since(start: number): number {
	return Math.round(performance.now() - start);
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Rejects with `what` timed out after `ms`. A benchmark must report a stage that never ends as failed, not hang:
 * every wait goes through this or a Playwright timeout.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
