/// <reference lib="webworker" />
// The data engine: DuckDB-WASM, import and analysis run here so the page never freezes.
import { openBrowserDb } from '$lib/db/browser';
import { readFlagMarks, replaceFlagMarks, writeReplyFlags, writeSteps } from '$lib/analysis/reply-flags';
import type { FlagMark } from '$lib/analysis/text-view-types';
import { deleteDataset, loadDataset, loadDerived, loadMarks, peekDataset, saveDataset, saveDerived, saveMarks } from '$lib/db/persist';
import type { Db } from '$lib/db/types';
import { ImportCancelled, importFiles } from '$lib/ingest/import-files';
import { proposeFile } from '$lib/ingest/propose';
import { describeError, ENGINE_SENTENCES } from './describe-error';
import type { EngineRequest, EngineResponse } from './messages';
import type { DetectionProgress, DetectionSummary, InputSummary } from './protocol';
import { DetectionCancelled, detectInWorker } from './text-worker-client';
import { isViewRequest, ViewRequests } from './view-requests';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
let dataset: InputSummary | null = null;
/** Counts the datasets loaded or cleared: a detection finishing for an older one stores nothing. */
let generation = 0;
/** The text detection of the current dataset, once stored (computed, or kept from before a reload). */
let detection: DetectionSummary | null = null;
/** The restore in progress, if any: an import waits for it (`load`). */
let restoring: Promise<InputSummary | null> | null = null;
/** The tables the text detection fills, kept in this browser with the dataset. */
const FLAG_TABLES = ['reply_flags', 'templates'];
/**
 * Which code computed kept flags: this worker's file name, which in a build carries a hash of its code and of the
 * text worker's name (itself a hash of the detectors). Flags kept by another build are computed again.
 */
const DETECTOR_VERSION = self.location.pathname;

/** The version kept flags must have: this build's, and this dataset's (a late save for an older one never loads). */
function flagsVersion(summary: InputSummary): string {
	return `${DETECTOR_VERSION} ${summary.imported_at}`;
}
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
			post({
				id: request.id, type: 'error', error: describeError(error),
				cancelled: error instanceof ImportCancelled || error instanceof DetectionCancelled
			})
	);
};

async function handle(request: Exclude<EngineRequest, { type: 'cancel' }>): Promise<unknown> {
	if (isViewRequest(request)) {
		if (!dataset) throw new Error('no dataset is loaded');
		const answer = await views.answer(await openBrowserDb(), request);
		if (request.type === 'markFlag') await saveMarks(await readFlagMarks(await openBrowserDb()));
		return answer;
	}
	switch (request.type) {
		case 'propose':
			return Promise.all(request.files.map((f) => proposeFile(f, request.timeZone)));
		case 'load':
			return load(request.id, request.files, request.plans);
		case 'restore':
			return restore();
		case 'detect':
			return detect(request.id);
		case 'shareReport':
			if (!dataset) throw new Error('no dataset is loaded');
			return views.shareReport(await openBrowserDb(), dataset, request.options, request.view);
		case 'report':
			if (!dataset) throw new Error('no dataset is loaded');
			return views.reportFile(await openBrowserDb(), dataset, request.view);
		case 'clear':
			await deleteDataset();
			if (dataset) await (await openBrowserDb()).exec('DROP TABLE IF EXISTS messages');
			dataset = null;
			forgetComputed();
			return null;
	}
}

/** The messages changed (loaded, restored, deleted): drops the metrics and the text flags; a detection still running stores nothing. */
function forgetComputed(): void {
	views.reset();
	generation++;
	detection = null;
}

async function load(id: number, files: File[], plans: Extract<EngineRequest, { type: 'load' }>['plans']) {
	// Registered before the first await: a Cancel sent while DuckDB is still starting (its wasm loads on the first
	// call) would otherwise find no job and be dropped, and the import would go on and replace the dataset.
	const controller = new AbortController();
	running.set(id, controller);
	let replaced: Db | null = null;
	try {
		const db = await openBrowserDb();
		// A restore still running would put the saved (older) table back over this import's: let it finish first.
		await restoring?.catch(() => undefined);
		if (controller.signal.aborted) throw new ImportCancelled();
		const summary = await importFiles(db, files, plans, {
			signal: controller.signal,
			onProgress: (progress) => post({ id, type: 'progress', progress })
		});
		replaced = db; // the new rows have replaced the old ones in memory
		forgetComputed(); // the new messages are in: nothing computed on the old ones holds
		views.useTimeZone(summary.time_zone);
		post({ id, type: 'progress', progress: { phase: 'analysing' } });
		await views.computeMetrics(db);
		post({ id, type: 'progress', progress: { phase: 'saving' } });
		await saveDataset(db, summary);
		dataset = summary;
		return summary;
	} catch (error) {
		if (!replaced) throw error;
		// Failed after the swap (metrics, or no room to save): the dataset kept in this browser, the one loaded
		// before, comes back, so the tables and what the page shows agree again.
		await putBackSaved(replaced).catch(() => undefined);
		if (describeError(error) !== ENGINE_SENTENCES['engine.error.storageFull']) throw error;
		throw new Error(ENGINE_SENTENCES[dataset ? 'engine.error.notKept' : 'engine.error.notKeptNone']);
	} finally {
		running.delete(id);
	}
}

/** After an import failed past its swap: the saved dataset again (as on a reload), or none when nothing is saved. */
async function putBackSaved(db: Db): Promise<void> {
	dataset = null;
	forgetComputed();
	await db.exec('DROP TABLE IF EXISTS messages');
	await restore();
}

async function restore(): Promise<InputSummary | null> {
	restoring ??= restoreSaved().finally(() => (restoring = null));
	return restoring;
}

async function restoreSaved(): Promise<InputSummary | null> {
	if (dataset) return dataset;
	// DuckDB's 34 MB wasm loads only when there is something to load into it.
	if (!(await peekDataset())) return null;
	const db: Db = await openBrowserDb();
	const saved = (await loadDataset(db)) as InputSummary | null;
	forgetComputed();
	if (saved) {
		views.useTimeZone(saved.time_zone);
		await views.computeMetrics(db);
		await restoreFlags(db, saved);
	}
	dataset = saved;
	return saved;
}

/** Loads the text flags kept with the dataset, when this build computed them; otherwise detection runs again. */
async function restoreFlags(db: Db, saved: InputSummary): Promise<void> {
	const kept = await loadDerived<DetectionSummary>(db, flagsVersion(saved)).catch(() => null);
	if (!kept) return;
	await replaceFlagMarks(db, await loadMarks<FlagMark>());
	views.flagsStored();
	detection = kept;
}

/**
 * Finds the text flags of the current dataset: reads the messages here, runs the detectors in a worker of their
 * own (this worker keeps answering the pages), stores the flags, then puts back the marks kept in this browser.
 */
async function detect(id: number): Promise<DetectionSummary> {
	const current = dataset;
	if (!current) throw new Error('no dataset is loaded');
	if (detection) return detection;
	const started = performance.now();
	const mine = generation;
	const controller = new AbortController();
	running.set(id, controller);
	const progress = (phase: DetectionProgress['phase'], fraction: number) => post({ id, type: 'progress', progress: { phase, fraction } });
	const stale = () => {
		if (controller.signal.aborted) throw new DetectionCancelled();
		if (generation !== mine) throw new Error('Another dataset was loaded; its text analysis starts anew.');
	};
	try {
		const db = await openBrowserDb();
		progress('reading', 0);
		const input = await views.textColumns(db);
		progress('detecting', 0);
		const detected = await detectInWorker(input, controller.signal, (fraction) => progress('detecting', fraction));
		stale();
		const steps = writeSteps(detected);
		let written = 0;
		const counts = await writeReplyFlags(db, detected, {
			step: async () => progress('storing', ++written / steps),
			finish: () => progress('storing', 1)
		});
		stale();
		// The marks kept in this browser are the ones that count (any in the table belong to an earlier dataset).
		await replaceFlagMarks(db, await loadMarks<FlagMark>());
		views.flagsStored();
		detection = { ...counts, ms: Math.round(performance.now() - started) };
		// Kept for the next reload; without room in the browser's storage they are computed again then.
		await saveDerived(db, FLAG_TABLES, flagsVersion(current), detection).catch(() => undefined);
		return detection;
	} finally {
		running.delete(id);
	}
}
