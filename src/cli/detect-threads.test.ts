import { describe, expect, it } from 'vitest';
import { detectReplyFlags } from '$lib/analysis/detect-flags';
import { computeMetrics } from '$lib/analysis/figures';
import { openTestDb } from '$lib/analysis/test-chats';
import { textChats } from '$lib/analysis/text-fixture';
import { readTextColumns } from '$lib/analysis/text-flags';
import { detectInHalves, detectInThreads } from './detect-threads';

describe('detectInThreads', () => {
	it('finds in two threads, at once or one after the other, what the detection finds in one', async () => {
		const db = await openTestDb(textChats());
		try {
			await computeMetrics(db);
			const input = await readTextColumns(db);
			const inOne = detectReplyFlags(input);
			expect(inOne.templates.length).toBeGreaterThan(0);
			expect(inOne.replies.some((row) => row[3] === true)).toBe(true); // an off-topic reply: relevance came across
			expect(await detectInThreads(input)).toEqual(inOne);
			// one after the other, as when their memory is not free for both at once
			expect(await detectInHalves(input, { patterns: 4096, relevance: 4096 }, false)).toEqual(inOne);
		} finally {
			await db.close();
		}
	});
});
