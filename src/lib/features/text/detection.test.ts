import { describe, expect, it } from 'vitest';
import { CancelledError } from '$lib/engine/client';
import type { Job } from '$lib/engine/engine';
import type { DetectionProgress, DetectionSummary } from '$lib/engine/protocol';
import { DetectionState } from './detection.svelte';

/** A fake engine whose detect jobs are settled by the test. */
function fakeEngine() {
	const jobs: { progress: (p: DetectionProgress) => void; resolve: (s: DetectionSummary) => void; reject: (e: unknown) => void; cancelled: boolean }[] = [];
	return {
		jobs,
		detect(onProgress: (p: DetectionProgress) => void): Job<DetectionSummary> {
			const entry = { progress: onProgress, resolve: (_: DetectionSummary) => {}, reject: (_: unknown) => {}, cancelled: false };
			const result = new Promise<DetectionSummary>((resolve, reject) => Object.assign(entry, { resolve, reject }));
			jobs.push(entry);
			return { result, cancel: () => ((entry.cancelled = true), entry.reject(new CancelledError())) };
		}
	};
}

const summary: DetectionSummary = { replies: 10, templates: 2, ms: 5 };
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('DetectionState', () => {
	it('runs, reports progress, and is done with the summary', async () => {
		const engine = fakeEngine();
		const state = new DetectionState(engine);
		state.start();
		expect(state.status).toBe('running');
		engine.jobs[0].progress({ phase: 'detecting', fraction: 0.5 });
		expect(state.progress?.fraction).toBe(0.5);
		engine.jobs[0].resolve(summary);
		await tick();
		expect(state.status).toBe('done');
		expect(state.summary).toEqual(summary);
	});
	it('is cancelled, not failed, when the user cancels', async () => {
		const engine = fakeEngine();
		const state = new DetectionState(engine);
		state.start();
		state.cancel();
		expect(state.cancelling).toBe(true);
		await tick();
		expect(state.status).toBe('cancelled');
		expect(state.error).toBeNull();
	});
	it('records an error', async () => {
		const engine = fakeEngine();
		const state = new DetectionState(engine);
		state.start();
		engine.jobs[0].reject(new Error('boom'));
		await tick();
		expect(state.status).toBe('error');
		expect((state.error as Error).message).toBe('boom');
	});
	it('drops the answer of a run replaced by a newer one (a new dataset)', async () => {
		const engine = fakeEngine();
		const state = new DetectionState(engine);
		state.start();
		state.start();
		expect(engine.jobs[0].cancelled).toBe(true);
		await tick();
		expect(state.status).toBe('running');
		engine.jobs[1].resolve(summary);
		await tick();
		expect(state.status).toBe('done');
	});
	it('resets to idle when the dataset is deleted, ignoring the late answer', async () => {
		const engine = fakeEngine();
		const state = new DetectionState(engine);
		state.start();
		const first = engine.jobs[0];
		state.reset();
		first.resolve(summary);
		await tick();
		expect(state.status).toBe('idle');
		expect(state.summary).toBeNull();
	});
});
