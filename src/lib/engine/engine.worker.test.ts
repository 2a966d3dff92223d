import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineRequest, EngineResponse } from './messages';

// The engine worker's own bookkeeping, with DuckDB, the import and the browser storage replaced by fakes whose
// answers each test releases: the order of messages is what is tested (issue 7, nothing lost on failure).

/** A promise a test resolves when it chooses. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

const fakes = vi.hoisted(() => ({
	openBrowserDb: vi.fn(),
	importFiles: vi.fn(),
	peekDataset: vi.fn(),
	loadDataset: vi.fn(),
	saveDataset: vi.fn(),
	order: [] as string[]
}));

vi.mock('$lib/db/browser', () => ({ openBrowserDb: fakes.openBrowserDb }));
vi.mock('$lib/db/persist', () => ({
	deleteDataset: vi.fn(),
	loadDataset: fakes.loadDataset,
	loadDerived: vi.fn(async () => null),
	loadMarks: vi.fn(async () => []),
	peekDataset: fakes.peekDataset,
	saveDataset: fakes.saveDataset,
	saveDerived: vi.fn(),
	saveMarks: vi.fn()
}));
vi.mock('$lib/ingest/import-files', async (importOriginal) => ({
	...(await importOriginal<typeof import('$lib/ingest/import-files')>()),
	importFiles: fakes.importFiles
}));
vi.mock('$lib/ingest/propose', () => ({ proposeFile: vi.fn() }));
vi.mock('$lib/analysis/reply-flags', () => ({
	readFlagMarks: vi.fn(), replaceFlagMarks: vi.fn(), writeReplyFlags: vi.fn(), writeSteps: vi.fn()
}));
vi.mock('./text-worker-client', () => ({ DetectionCancelled: class extends Error {}, detectInWorker: vi.fn() }));
vi.mock('./view-requests', () => ({
	isViewRequest: () => false,
	ViewRequests: class {
		reset() {}
		useTimeZone() {}
		flagsStored() {}
		async computeMetrics() {}
	}
}));

/** Stands in for the worker's global scope: the worker sets `onmessage` and posts its answers here. */
const scope = {
	location: { pathname: '/engine.worker.js' },
	onmessage: null as ((event: { data: EngineRequest }) => void) | null,
	answers: [] as EngineResponse[],
	postMessage(message: EngineResponse) {
		this.answers.push(message);
	}
};
const send = (request: EngineRequest) => scope.onmessage!({ data: request });
/** The final answer (result or error) to request `id`. */
const answerTo = (id: number) => vi.waitFor(() => {
	const answer = scope.answers.find((a) => a.id === id && a.type !== 'progress');
	if (!answer) throw new Error(`no answer to ${id} yet`);
	return answer;
});
const summary = (importedAt: number) => ({ files: [], rows_read: 1, rows_loaded: 1, rows_rejected: 0, rejected: [], time_zone: 'UTC', imported_at: importedAt });
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(async () => {
	vi.resetModules();
	scope.answers = [];
	scope.onmessage = null;
	fakes.order = [];
	vi.stubGlobal('self', scope);
	fakes.saveDataset.mockResolvedValue(undefined);
	await import('./engine.worker');
});
afterEach(() => {
	vi.unstubAllGlobals();
	vi.resetAllMocks();
});

const load = (id: number): EngineRequest => ({ id, type: 'load', files: [], plans: [] });

describe('engine worker: an import that is cancelled or races a restore', () => {
	it('cancels an import whose Cancel arrives while DuckDB is still starting', async () => {
		const db = deferred<object>();
		fakes.openBrowserDb.mockReturnValue(db.promise);
		send(load(1));
		send({ id: 2, type: 'cancel', job: 1 });
		db.resolve({});
		expect(await answerTo(1)).toMatchObject({ type: 'error', cancelled: true });
		expect(fakes.importFiles).not.toHaveBeenCalled();
		expect(fakes.saveDataset).not.toHaveBeenCalled();
	});

	it('lets a running restore put the saved table back before an import replaces it', async () => {
		const saved = deferred<unknown>();
		fakes.openBrowserDb.mockResolvedValue({});
		fakes.peekDataset.mockResolvedValue({ meta: {}, savedAt: 0, bytes: 0 });
		fakes.loadDataset.mockImplementation(() => saved.promise.then((meta) => (fakes.order.push('restored'), meta)));
		fakes.importFiles.mockImplementation(async () => (fakes.order.push('imported'), summary(2)));
		send({ id: 1, type: 'restore' });
		send(load(2));
		await settle();
		expect(fakes.importFiles).not.toHaveBeenCalled();
		saved.resolve(summary(1));
		expect(await answerTo(2)).toMatchObject({ type: 'result', result: { imported_at: 2 } });
		expect(fakes.order).toEqual(['restored', 'imported']);
		// The worker's dataset is the import's: a later restore answers it, not the saved one it replaced.
		send({ id: 3, type: 'restore' });
		expect(await answerTo(3)).toMatchObject({ type: 'result', result: { imported_at: 2 } });
	});
});

describe('engine worker: an import that fails after replacing the rows', () => {
	it('puts the saved dataset back and says the new one could not be kept when the storage is full', async () => {
		const exec = vi.fn(async () => undefined);
		fakes.openBrowserDb.mockResolvedValue({ exec });
		fakes.peekDataset.mockResolvedValue({ meta: {}, savedAt: 0, bytes: 0 });
		fakes.loadDataset.mockResolvedValue(summary(1));
		fakes.importFiles.mockResolvedValue(summary(2));
		fakes.saveDataset.mockRejectedValue(new Error('QuotaExceededError: the quota has been exceeded'));
		send(load(1));
		const answer = await answerTo(1);
		expect(answer).toMatchObject({ type: 'error', cancelled: false });
		expect((answer as { error: string }).error).toMatch(/no room left to keep this data, so the data loaded before it is back/);
		expect(exec).toHaveBeenCalledWith('DROP TABLE IF EXISTS messages');
		// What the worker holds now is the dataset loaded before, read back from the browser's storage.
		send({ id: 2, type: 'restore' });
		expect(await answerTo(2)).toMatchObject({ type: 'result', result: { imported_at: 1 } });
		expect(fakes.loadDataset).toHaveBeenCalledTimes(1);
	});

	it('says the data was not loaded when the storage is full at the first import (nothing was saved before it)', async () => {
		fakes.openBrowserDb.mockResolvedValue({ exec: vi.fn(async () => undefined) });
		fakes.peekDataset.mockResolvedValue(null);
		fakes.importFiles.mockResolvedValue(summary(2));
		fakes.saveDataset.mockRejectedValue(Object.assign(new Error('The browser has no room to keep this dataset (1 MB).'), { name: 'QuotaExceededError' }));
		send(load(1));
		expect(await answerTo(1)).toMatchObject({ type: 'error', error: expect.stringMatching(/no room left to keep this data, so it was not loaded/) });
		send({ id: 2, type: 'restore' });
		expect(await answerTo(2)).toMatchObject({ type: 'result', result: null });
	});

	it('holds no dataset after a failed first import (nothing was saved before it)', async () => {
		fakes.openBrowserDb.mockResolvedValue({ exec: vi.fn(async () => undefined) });
		fakes.peekDataset.mockResolvedValue(null);
		fakes.importFiles.mockResolvedValue(summary(2));
		fakes.saveDataset.mockRejectedValue(new Error('disk I/O error'));
		send(load(1));
		expect(await answerTo(1)).toMatchObject({ type: 'error', error: 'disk I/O error' });
		send({ id: 2, type: 'restore' });
		expect(await answerTo(2)).toMatchObject({ type: 'result', result: null });
	});
});
