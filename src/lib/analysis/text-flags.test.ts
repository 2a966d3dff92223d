import { describe, expect, it } from 'vitest';
import { computeMetrics } from './figures';
import { openTestDb } from './test-chats';
import { textChats } from './text-fixture';
import { readTextRows } from './text-flags';

describe('readTextRows', () => {
	it('reads the same rows in the same order in runs of a few messages as in one run', async () => {
		const db = await openTestDb(textChats());
		try {
			await computeMetrics(db);
			const whole = await readTextRows(db);
			const conversations = new Set(whole.rows.map((r) => r.conversation_id));
			expect(conversations.size).toBeGreaterThan(3);
			for (const messagesPerRead of [1, 3, 7]) expect(await readTextRows(db, messagesPerRead)).toEqual(whole);
			// conversation by conversation, each in time order
			const order = whole.rows.map((r) => r.conversation_id);
			expect(order).toEqual([...order].sort());
		} finally {
			await db.close();
		}
	});
});
