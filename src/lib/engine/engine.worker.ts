/// <reference lib="webworker" />
// The data engine: DuckDB-WASM, import and analysis run here so the page never freezes.
import { openBrowserDb } from '$lib/db/browser';
import { deleteDataset, loadDataset, peekDataset, saveDataset } from '$lib/db/persist';
import type { Db } from '$lib/db/types';
import { ImportCancelled, importFiles } from '$lib/ingest/import-files';
import { proposeFile } from '$lib/ingest/propose';
import { describeError } from './describe-error';
import type { EngineRequest, EngineResponse } from './messages';
import type { InputSummary } from './protocol';
import { isViewRequest, ViewRequests } from './view-requests';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
let dataset: InputSummary | null = null;
const views = new ViewRequests();

const post = (message: EngineResponse) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<EngineRequest>) => {
	const request = event.data;
	if (request.type === 'cancel') {
		running.get(request.job)?.abort();
		return;
	}
	handle(request).then(
		(result) => post({ id: request.id, type: 'result', result }),
		(error: unknown) =>
			post({ id: request.id, type: 'error', error: describeError(error), cancelled: error instanceof ImportCancelled })
	);
};

async function handle(request: Exclude<EngineRequest, { type: 'cancel' }>): Promise<unknown> {
	if (isViewRequest(request)) {
		if (!dataset) throw new Error('no dataset is loaded');
		return views.answer(await openBrowserDb(), request);
	}
	switch (request.type) {
		case 'propose':
			return Promise.all(request.files.map((f) => proposeFile(f, request.timeZone)));
		case 'load':
			return load(request.id, request.files, request.plans);
		case 'restore':
			return restore();
		case 'report':
			if (!dataset) throw new Error('no dataset is loaded');
			return views.report(await openBrowserDb(), dataset, request.view);
		case 'clear':
			await deleteDataset();
			if (dataset) await (await openBrowserDb()).exec('DROP TABLE IF EXISTS messages');
			dataset = null;
			views.reset();
			return null;
	}
}

async function load(id: number, files: File[], plans: Extract<EngineRequest, { type: 'load' }>['plans']) {
	const db = await openBrowserDb();
	const controller = new AbortController();
	running.set(id, controller);
	try {
		const summary = await importFiles(db, files, plans, {
			signal: controller.signal,
			onProgress: (progress) => post({ id, type: 'progress', progress })
		});
		post({ id, type: 'progress', progress: { phase: 'analysing' } });
		await views.computeMetrics(db);
		post({ id, type: 'progress', progress: { phase: 'saving' } });
		await saveDataset(db, summary);
		dataset = summary;
		return summary;
	} finally {
		running.delete(id);
	}
}

async function restore(): Promise<InputSummary | null> {
	if (dataset) return dataset;
	// DuckDB's 34 MB wasm loads only when there is something to load into it.
	if (!(await peekDataset())) return null;
	const db: Db = await openBrowserDb();
	const saved = (await loadDataset(db)) as InputSummary | null;
	if (saved) await views.computeMetrics(db);
	dataset = saved;
	return saved;
}
