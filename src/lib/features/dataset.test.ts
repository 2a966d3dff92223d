import { describe, expect, it } from 'vitest';
import type { InputSummary } from '$lib/engine/protocol';
import { DatasetState } from './dataset.svelte';

const summary = (imported_at: number): InputSummary => ({
	files: [],
	rows_read: 1,
	rows_loaded: 1,
	rows_rejected: 0,
	rejected: [],
	time_zone: 'Europe/Moscow',
	imported_at
});

describe('DatasetState', () => {
	it('starts restoring, then holds the restored dataset', () => {
		const state = new DatasetState();
		expect(state.status).toBe('restoring');
		state.restored(summary(1));
		expect(state.status).toBe('ready');
		expect(state.summary?.imported_at).toBe(1);
	});
	it('keeps a newer import when the restore answers late', () => {
		const state = new DatasetState();
		state.set(summary(2));
		state.restored(summary(1));
		expect(state.summary?.imported_at).toBe(2);
	});
	it('records a failed restore as no dataset', () => {
		const state = new DatasetState();
		state.restoreFailed(new Error('broken'));
		expect(state.status).toBe('error');
		expect(state.loaded).toBe(false);
	});
	it('forgets the dataset when it is deleted', () => {
		const state = new DatasetState();
		state.set(summary(1));
		state.set(null);
		expect(state.loaded).toBe(false);
		expect(state.status).toBe('ready');
	});
});

describe('DatasetState after an engine crash', () => {
	it('goes back to restoring and asks for a restore', () => {
		const state = new DatasetState();
		state.set(summary(1));
		expect(state.crashed()).toBe(true);
		expect(state.status).toBe('restoring');
		expect(state.loaded).toBe(false);
		expect(state.recovery).toBe('reopening');
	});
	it('says the data is back when the restore brings it', () => {
		const state = new DatasetState();
		state.set(summary(1));
		state.crashed();
		state.restored(summary(1));
		expect(state.recovery).toBe('reopened');
		expect(state.summary?.imported_at).toBe(1);
	});
	it('says the data is lost when the restore fails', () => {
		const state = new DatasetState();
		state.set(summary(1));
		state.crashed();
		state.restoreFailed(new Error('broken'));
		expect(state.recovery).toBe('lost');
		expect(state.status).toBe('error');
	});
	it('says the data is lost when nothing was saved although a dataset was loaded', () => {
		const state = new DatasetState();
		state.set(summary(1));
		state.crashed();
		state.restored(null);
		expect(state.recovery).toBe('lost');
	});
	it('says only that the engine restarted when no dataset was loaded', () => {
		const state = new DatasetState();
		state.set(null);
		state.crashed();
		state.restored(null);
		expect(state.recovery).toBe('restarted');
	});
	it('does not ask for a second restore when the crash hit a restore under way', () => {
		const state = new DatasetState();
		expect(state.crashed()).toBe(false);
		state.restoreFailed(new Error('the data engine stopped'));
		expect(state.recovery).toBe('lost');
	});
	it('drops the crash notice after a new import', () => {
		const state = new DatasetState();
		state.set(summary(1));
		state.crashed();
		state.restoreFailed(new Error('broken'));
		state.set(summary(2));
		expect(state.recovery).toBe('none');
	});
	it('keeps a plain start quiet', () => {
		const state = new DatasetState();
		state.restored(summary(1));
		expect(state.recovery).toBe('none');
	});
});
