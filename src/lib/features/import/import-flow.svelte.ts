import type { Engine, Job } from '$lib/engine/engine';
import type { InputSummary, Progress } from '$lib/engine/protocol';
import { browserTimeZone, isValidTimeZone } from '$lib/format';
import type { MappedField, TimestampFormat } from '$lib/ingest/types';
import type { Role } from '$lib/model';
import type { DatasetState } from '../dataset.svelte';
import {
	buildPlan,
	createForm,
	importBlock,
	isReadable,
	rememberedFrom,
	setMappedColumn,
	setRole,
	type FileForm
} from './mapping-form';
import { recordRows } from './import-progress';
import { readRemembered, writeRemembered, type KeyValueStore } from './remembered-mappings';

/** Where the import screen is: choosing files, waiting for the guess, confirming it, loading, or done. */
export type ImportStep = 'pick' | 'proposing' | 'confirm' | 'loading' | 'done';

/** A message about the last attempt, shown above the form. */
export type ImportNotice =
	| { kind: 'cancelled' }
	| { kind: 'propose-failed'; error: unknown }
	| { kind: 'demo-failed'; error: unknown }
	| { kind: 'load-failed'; error: unknown };

/**
 * The import screen's state and steps. Components read its fields and call its methods; all edits replace values
 * (forms are `$state.raw`), so each change is one assignment that Svelte sees.
 */
export class ImportFlow {
	step = $state<ImportStep>('pick');
	/** The files chosen, in order (the forms follow the same order). */
	files = $state.raw<File[]>([]);
	forms = $state.raw<FileForm[]>([]);
	/** Zone-less times in the files are read in this zone, and days are counted in it. */
	timeZone = $state(browserTimeZone());
	progress = $state.raw<Progress | null>(null);
	/** Rows read per file during the current load. */
	rowsByFile = $state.raw<Record<string, number>>({});
	notice = $state.raw<ImportNotice | null>(null);
	cancelling = $state(false);
	/** The summary of the finished import. */
	result = $state.raw<InputSummary | null>(null);

	readonly timeZoneValid = $derived(isValidTimeZone(this.timeZone));
	readonly block = $derived(importBlock(this.forms, this.timeZoneValid));

	#engine: Engine;
	#dataset: DatasetState;
	#storage: KeyValueStore | null;
	#job: Job<InputSummary> | null = null;

	constructor(engine: Engine, dataset: DatasetState, storage: KeyValueStore | null) {
		this.#engine = engine;
		this.#dataset = dataset;
		this.#storage = storage;
	}

	/** Asks the engine how to read the files, and applies the mappings remembered for their headers. */
	async choose(files: File[]): Promise<void> {
		if (files.length === 0) return;
		this.files = files;
		this.forms = [];
		this.notice = null;
		this.step = 'proposing';
		try {
			const proposals = await this.#engine.propose(files, this.timeZone);
			this.forms = proposals.map((p) => createForm(p, readRemembered(this.#storage, p.columns)));
			this.step = 'confirm';
		} catch (error) {
			this.notice = { kind: 'propose-failed', error };
			this.step = 'pick';
		}
	}

	/** Fetches the bundled demo export and proposes it like a chosen file. */
	async chooseDemo(fetchDemo: () => Promise<File>): Promise<void> {
		this.notice = null;
		this.step = 'proposing';
		let file: File;
		try {
			file = await fetchDemo();
		} catch (error) {
			this.notice = { kind: 'demo-failed', error };
			this.step = 'pick';
			return;
		}
		await this.choose([file]);
	}

	setColumn(index: number, field: MappedField, column: string | null): void {
		this.#edit(index, (form) => ({ ...form, mapping: setMappedColumn(form.mapping, field, column) }));
	}

	setRole(index: number, value: string, role: Role | null): void {
		this.#edit(index, (form) => ({ ...form, roles: setRole(form.roles, value, role) }));
	}

	setTimestampFormat(index: number, format: TimestampFormat): void {
		this.#edit(index, (form) => ({ ...form, timestampFormat: format }));
	}

	/** Goes back from a remembered mapping to the importer's guess. */
	useGuess(index: number): void {
		this.#edit(index, (form) => createForm(form.proposal));
	}

	#edit(index: number, change: (form: FileForm) => FileForm): void {
		this.forms = this.forms.map((form, i) => (i === index ? change(form) : form));
	}

	/** Loads the readable files with the confirmed plans; remembers each mapping for its header first. */
	async confirm(): Promise<void> {
		if (this.block !== null || this.step !== 'confirm') return;
		const chosen = this.forms.map((form, i) => ({ form, file: this.files[i] })).filter(({ form }) => isReadable(form));
		for (const { form } of chosen) writeRemembered(this.#storage, form.proposal.columns, rememberedFrom(form));
		this.notice = null;
		this.progress = null;
		this.rowsByFile = {};
		this.step = 'loading';
		const job = this.#engine.load(
			chosen.map((c) => c.file),
			chosen.map((c) => buildPlan(c.form, this.timeZone)),
			(progress) => this.#onProgress(progress)
		);
		this.#job = job;
		try {
			const summary = await job.result;
			this.result = summary;
			this.#dataset.set(summary);
			this.step = 'done';
		} catch (error) {
			this.notice = this.cancelling ? { kind: 'cancelled' } : { kind: 'load-failed', error };
			this.step = 'confirm';
		} finally {
			this.#job = null;
			this.cancelling = false;
		}
	}

	#onProgress(progress: Progress): void {
		if (this.#job === null && this.step !== 'loading') return; // a late message after the job ended
		this.progress = progress;
		this.rowsByFile = recordRows(this.rowsByFile, progress);
	}

	/** Stops the running load; the engine keeps the previous dataset. */
	cancel(): void {
		if (!this.#job || this.cancelling) return;
		this.cancelling = true;
		this.#job.cancel();
	}

	/** Back to choosing files. */
	reset(): void {
		this.step = 'pick';
		this.files = [];
		this.forms = [];
		this.notice = null;
		this.progress = null;
		this.result = null;
	}
}
