import { describe, expect, it } from 'vitest';
import type { FlagMark } from '$lib/analysis/text-view-types';
import { FlagMarker } from './flag-marks.svelte';

describe('FlagMarker', () => {
	it('saves the mark, then reloads', async () => {
		const calls: string[] = [];
		const marker = new FlagMarker({ markFlag: async (m: FlagMark, wrong: boolean) => void calls.push(`${m.message_id}:${m.flag}:${wrong}`) }, () => void calls.push('reload'));
		const done = marker.mark({ message_id: 'm1', flag: 'off_topic' }, true);
		expect(marker.pending.has('m1')).toBe(true);
		await done;
		expect(calls).toEqual(['m1:off_topic:true', 'reload']);
		expect(marker.pending.size).toBe(0);
	});
	it('keeps the error and does not reload when saving fails', async () => {
		let reloaded = false;
		const marker = new FlagMarker({ markFlag: async () => Promise.reject(new Error('no')) }, () => void (reloaded = true));
		await marker.mark({ message_id: 'm1', flag: 'template' }, true);
		expect((marker.error as Error).message).toBe('no');
		expect(reloaded).toBe(false);
	});
});
