import { describe, expect, it } from 'vitest';
import type { Engine, Job } from '$lib/engine/engine';
import type { FileProposal, InputSummary, Progress } from '$lib/engine/protocol';
import type { ImportPlan } from '$lib/ingest/types';
import { DatasetState } from '../dataset.svelte';
import { ImportFlow } from './import-flow.svelte';
import type { KeyValueStore } from './remembered-mappings';

const proposal: FileProposal = {
	name: 'chats.csv',
	size: 10,
	plan: {
		format: 'csv',
		encoding: 'utf-8',
		delimiter: ';',
		mapping: { sent_at: 'Дата', role: 'Роль', text: 'Текст' },
		timestampFormat: 'dmy',
		timeZone: 'Europe/Moscow',
		roles: {}
	},
	columns: ['Дата', 'Роль', 'Текст', 'Отдел'],
	preview: [['10.05.2024 09:15', 'Клиент', 'Здравствуйте', 'Техподдержка']],
	unknownRoles: [],
	roleValues: [{ value: 'Клиент', role: 'customer' }],
	missing: []
};

const summary: InputSummary = {
	files: [],
	rows_read: 1,
	rows_loaded: 1,
	rows_rejected: 0,
	rejected: [],
	time_zone: 'Europe/Moscow',
	imported_at: 1
};

/** An engine whose load waits until the test settles it. */
function fakeEngine(proposals: FileProposal[] = [proposal]) {
	const calls: { plans: ImportPlan[]; onProgress: (p: Progress) => void }[] = [];
	let settle: { resolve: (s: InputSummary) => void; reject: (e: Error) => void } | null = null;
	let cancelled = false;
	const engine: Engine = {
		propose: async () => proposals,
		load(_files, plans, onProgress): Job<InputSummary> {
			calls.push({ plans, onProgress });
			const result = new Promise<InputSummary>((resolve, reject) => (settle = { resolve, reject }));
			return {
				result,
				cancel: () => {
					cancelled = true;
					settle?.reject(new Error('cancelled'));
				}
			};
		},
		restore: async () => null,
		clear: async () => {},
		// The import flow reads no figures: these are never called here.
		facets: notUsed,
		overviewView: notUsed,
		responseTimes: notUsed,
		handoffs: notUsed,
		conversations: notUsed,
		conversation: notUsed,
		reportFile: notUsed,
		detect: () => ({ result: notUsed(), cancel: () => {} }),
		templates: notUsed,
		offTopic: notUsed,
		redirects: notUsed,
		commitments: notUsed,
		replyFlags: notUsed,
		markFlag: notUsed,
		shareReport: notUsed
	};
	return { engine, calls, settle: () => settle!, wasCancelled: () => cancelled };
}

async function notUsed(): Promise<never> {
	throw new Error('not used by the import flow');
}

function memoryStore(): KeyValueStore {
	const data = new Map<string, string>();
	return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const file = () => new File(['x'], 'chats.csv');

describe('ImportFlow', () => {
	it('proposes the chosen files and waits for confirmation', async () => {
		const { engine } = fakeEngine();
		const flow = new ImportFlow(engine, new DatasetState(), null);
		await flow.choose([file()]);
		expect(flow.step).toBe('confirm');
		expect(flow.forms).toHaveLength(1);
		expect(flow.block).toBeNull();
	});

	it('loads with the edited plan and sets the new dataset', async () => {
		const { engine, calls, settle } = fakeEngine();
		const dataset = new DatasetState();
		const flow = new ImportFlow(engine, dataset, null);
		await flow.choose([file()]);
		flow.setColumn(0, 'department', 'Отдел');
		flow.timeZone = 'Asia/Yekaterinburg';
		const done = flow.confirm();
		expect(flow.step).toBe('loading');
		calls[0].onProgress({ phase: 'reading', file: 'chats.csv', fraction: 0.5, rows: 10 });
		expect(flow.progress?.rows).toBe(10);
		settle().resolve(summary);
		await done;
		expect(calls[0].plans[0].mapping.department).toBe('Отдел');
		expect(calls[0].plans[0].timeZone).toBe('Asia/Yekaterinburg');
		expect(flow.step).toBe('done');
		expect(dataset.summary).toBe(summary);
	});

	it('keeps the previous dataset and says so when the load is cancelled', async () => {
		const { engine, wasCancelled } = fakeEngine();
		const dataset = new DatasetState();
		dataset.set(summary);
		const flow = new ImportFlow(engine, dataset, null);
		await flow.choose([file()]);
		const done = flow.confirm();
		flow.cancel();
		await done;
		expect(wasCancelled()).toBe(true);
		expect(flow.step).toBe('confirm');
		expect(flow.notice).toEqual({ kind: 'cancelled' });
		expect(dataset.summary).toBe(summary);
	});

	it('reports a failed load and stays on the form', async () => {
		const { engine, settle } = fakeEngine();
		const flow = new ImportFlow(engine, new DatasetState(), null);
		await flow.choose([file()]);
		const done = flow.confirm();
		settle().reject(new Error('The browser ran out of memory.'));
		await done;
		expect(flow.step).toBe('confirm');
		expect(flow.notice?.kind).toBe('load-failed');
	});

	it('does not load while a required field is unmapped', async () => {
		const { engine, calls } = fakeEngine();
		const flow = new ImportFlow(engine, new DatasetState(), null);
		await flow.choose([file()]);
		flow.setColumn(0, 'text', null);
		expect(flow.block).toBe('missing-fields');
		await flow.confirm();
		expect(calls).toHaveLength(0);
	});

	it('skips unreadable files when loading', async () => {
		const broken: FileProposal = { ...proposal, name: 'broken.csv', columns: [], error: 'The file is empty.' };
		const { engine, calls, settle } = fakeEngine([broken, proposal]);
		const flow = new ImportFlow(engine, new DatasetState(), null);
		await flow.choose([new File([''], 'broken.csv'), file()]);
		const done = flow.confirm();
		settle().resolve(summary);
		await done;
		expect(calls[0].plans).toHaveLength(1);
	});

	it('remembers the confirmed mapping and applies it to the next file with the same columns', async () => {
		const store = memoryStore();
		const first = fakeEngine();
		const flow = new ImportFlow(first.engine, new DatasetState(), store);
		await flow.choose([file()]);
		flow.setColumn(0, 'department', 'Отдел');
		const done = flow.confirm();
		first.settle().resolve(summary);
		await done;

		const next = new ImportFlow(fakeEngine().engine, new DatasetState(), store);
		await next.choose([file()]);
		expect(next.forms[0].remembered).toBe(true);
		expect(next.forms[0].mapping.department).toBe('Отдел');
	});

	it('goes back to choosing files when the demo cannot be fetched', async () => {
		const flow = new ImportFlow(fakeEngine().engine, new DatasetState(), null);
		await flow.chooseDemo(async () => {
			throw new Error('404 Not Found');
		});
		expect(flow.step).toBe('pick');
		expect(flow.notice?.kind).toBe('demo-failed');
	});
});
