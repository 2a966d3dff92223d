import type { ConversationDetail, ConversationRow, Facets } from '$lib/analysis/view-types';
import type { ImportPlan } from '$lib/ingest/types';
import type { ShareReport } from '$lib/share/share-report';
import type { Engine, HandoffsView, Job, OverviewView, ReportFile, ResponseTimesView } from './engine';
import type { EngineRequest, EngineResponse } from './messages';
import type { DetectionProgress, DetectionSummary, FileProposal, InputSummary, Progress } from './protocol';
import type { OffTopicView, RedirectRow, ReplyFlags, TemplatesView } from '$lib/analysis/text-view-types';
import type { CommitmentsView } from '$lib/analysis/commitments-view-types';
import { localizeError, WORKER_STOPPED, type EngineErrorKey } from './describe-error';

/** Raised by a job the user cancelled. */
export class CancelledError extends Error {
	constructor() {
		super('cancelled');
		this.name = 'CancelledError';
	}
}

type AnyProgress = Progress | DetectionProgress;
type Pending = { resolve(value: unknown): void; reject(error: Error): void; onProgress?(p: AnyProgress): void };
type RequestBody = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** How the page hears of a crashed worker, and says the engine's errors in its language. */
export interface EngineOptions {
	/**
	 * The worker stopped (crashed, or was killed for memory): the pending calls were rejected, and the next call
	 * starts a new worker, which holds no data until `restore()` reopens the saved dataset.
	 */
	onCrash?(): void;
	/** The sentence of an engine error key in the UI language (the worker writes English). */
	say?(key: EngineErrorKey): string;
}

/** The browser engine: one Web Worker, restarted if it crashes (out of memory), with every call answered. */
export function createEngine(options: EngineOptions = {}): Engine {
	let worker: Worker | null = null;
	let nextId = 1;
	const pending = new Map<number, Pending>();
	const localize = (sentence: string) => localizeError(sentence, options.say);

	function start(): Worker {
		const w = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (event: MessageEvent<EngineResponse>) => settle(event.data);
		w.onerror = (event) => {
			event.preventDefault(); // handled here: the page says what happened in a sentence
			crash(event.message);
		};
		return w;
	}
	function crash(reason: string) {
		// The raw reason ("Uncaught RangeError: ...") is for whoever debugs; the page shows a sentence.
		console.error('The data engine worker stopped:', reason);
		worker?.terminate();
		worker = null;
		const stopped = [...pending.values()];
		pending.clear();
		for (const p of stopped) p.reject(new Error(localize(WORKER_STOPPED)));
		options.onCrash?.();
	}
	function settle(message: EngineResponse) {
		const p = pending.get(message.id);
		if (!p) return;
		if (message.type === 'progress') return p.onProgress?.(message.progress);
		pending.delete(message.id);
		if (message.type === 'result') p.resolve(message.result);
		else p.reject(message.cancelled ? new CancelledError() : new Error(localize(message.error)));
	}
	function send<T>(body: RequestBody, onProgress?: (p: AnyProgress) => void): { id: number; result: Promise<T> } {
		worker ??= start();
		const id = nextId++;
		const result = new Promise<T>((resolve, reject) => {
			pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
		});
		worker.postMessage({ ...body, id });
		return { id, result };
	}

	return {
		propose: (files, timeZone) => send<FileProposal[]>({ type: 'propose', files, timeZone }).result,
		load(files: File[], plans: ImportPlan[], onProgress: (p: Progress) => void): Job<InputSummary> {
			const { id, result } = send<InputSummary>({ type: 'load', files, plans: plainCopy(plans) }, onProgress as (p: AnyProgress) => void);
			return { result, cancel: () => worker?.postMessage({ id: nextId++, type: 'cancel', job: id }) };
		},
		detect(onProgress: (p: DetectionProgress) => void): Job<DetectionSummary> {
			const { id, result } = send<DetectionSummary>({ type: 'detect' }, onProgress as (p: AnyProgress) => void);
			return { result, cancel: () => worker?.postMessage({ id: nextId++, type: 'cancel', job: id }) };
		},
		templates: (view) => send<TemplatesView>({ type: 'templates', view: plainCopy(view) }).result,
		offTopic: (view, limit) => send<OffTopicView>({ type: 'offTopic', view: plainCopy(view), limit }).result,
		redirects: (view) => send<RedirectRow[]>({ type: 'redirects', view: plainCopy(view) }).result,
		commitments: (view, customer) => send<CommitmentsView>({ type: 'commitments', view: plainCopy(view), customer }).result,
		replyFlags: (conversationId) => send<ReplyFlags[]>({ type: 'replyFlags', conversationId }).result,
		markFlag: (mark, wrong) => send<null>({ type: 'markFlag', mark: plainCopy(mark), wrong }).result.then(() => undefined),
		restore: () => send<InputSummary | null>({ type: 'restore' }).result,
		facets: () => send<Facets>({ type: 'facets' }).result,
		reportFile: (view) => send<ReportFile>({ type: 'report', view: plainCopy(view) }).result,
		shareReport: (options, view) =>
			send<ShareReport>({ type: 'shareReport', options: plainCopy(options), view: plainCopy(view) }).result,
		overviewView: (view) => timed('engine overviewView', send<OverviewView>({ type: 'overviewView', view: plainCopy(view) }).result),
		responseTimes: (view) => send<ResponseTimesView>({ type: 'responseTimes', view: plainCopy(view) }).result,
		handoffs: (view) => send<HandoffsView>({ type: 'handoffs', view: plainCopy(view) }).result,
		conversations: (view, drill, limit) =>
			send<ConversationRow[]>({ type: 'conversations', view: plainCopy(view), drill: plainCopy(drill), limit }).result,
		conversation: (id, view) =>
			send<ConversationDetail | null>({ type: 'conversation', conversationId: id, view: plainCopy(view) }).result,
		clear: () => send<null>({ type: 'clear' }).result.then(() => undefined)
	};
}

/**
 * Marks how long `result` took to arrive (a User Timing measure named `name`, https://w3c.github.io/user-timing/):
 * the browser benchmark reads it to tell an overview answered from the pages the engine kept or read ahead from one
 * it had to compute (the worker's answer does not say which).
 */
function timed<T>(name: string, result: Promise<T>): Promise<T> {
	const start = performance.now();
	return result.then((value) => {
		performance.measure(name, { start });
		return value;
	});
}

/** Plans, views and drills may come from Svelte `$state` proxies, which cannot be posted: send plain copies. */
function plainCopy<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
