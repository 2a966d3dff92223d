import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ru } from '$lib/i18n/messages.ru';
import { createEngine } from './client';
import { WORKER_STOPPED } from './describe-error';

/** Stands in for the engine's Web Worker: records what the page posts, and can crash or answer. */
class FakeWorker {
	static started: FakeWorker[] = [];
	posted: { id: number; type: string }[] = [];
	terminated = false;
	onmessage: ((event: { data: unknown }) => void) | null = null;
	onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
	constructor() {
		FakeWorker.started.push(this);
	}
	postMessage(message: { id: number; type: string }) {
		this.posted.push(message);
	}
	terminate() {
		this.terminated = true;
	}
	crash(message = 'Uncaught Error: simulated crash') {
		this.onerror?.({ message, preventDefault() {} });
	}
}

beforeEach(() => {
	FakeWorker.started = [];
	vi.stubGlobal('Worker', FakeWorker);
	vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

describe('createEngine when its worker crashes', () => {
	it('rejects the pending calls with a sentence, not the raw error', async () => {
		const engine = createEngine();
		const facets = engine.facets();
		FakeWorker.started[0].crash();
		await expect(facets).rejects.toThrow(WORKER_STOPPED);
	});
	it('says the rejection in the UI language', async () => {
		const engine = createEngine({ say: (key) => ru[key] });
		const facets = engine.facets();
		FakeWorker.started[0].crash();
		await expect(facets).rejects.toThrow(ru['engine.error.stopped']);
	});
	it('tells the page once', () => {
		const onCrash = vi.fn();
		const engine = createEngine({ onCrash });
		void engine.facets().catch(() => {});
		FakeWorker.started[0].crash();
		expect(onCrash).toHaveBeenCalledTimes(1);
	});
	it('answers a call made from onCrash in a new worker, not with the crash', async () => {
		let restored: Promise<unknown> | null = null;
		const engine = createEngine({ onCrash: () => (restored = engine.restore()) });
		void engine.facets().catch(() => {});
		FakeWorker.started[0].crash();
		expect(FakeWorker.started[0].terminated).toBe(true);
		const next = FakeWorker.started[1];
		expect(next.posted.map((m) => m.type)).toEqual(['restore']);
		next.onmessage?.({ data: { id: next.posted[0].id, type: 'result', result: null } });
		await expect(restored).resolves.toBeNull();
	});
	it('says a worker error it knows (out of memory) in the UI language', async () => {
		const engine = createEngine({ say: (key) => ru[key] });
		const facets = engine.facets();
		const worker = FakeWorker.started[0];
		const error = 'The browser ran out of memory for this data. Try fewer files, or the command line for large exports (see README, "Command line").';
		worker.onmessage?.({ data: { id: worker.posted[0].id, type: 'error', error } });
		await expect(facets).rejects.toThrow(ru['engine.error.outOfMemory']);
	});
});
