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
