import { describe, expect, it } from 'vitest';
import { computeMetrics } from './figures';
import { openTestDb } from './test-chats';
import { textChats } from './text-fixture';
import { conversationsOf, readTextColumns, replyInputs } from './text-flags';

describe('readTextColumns', () => {
	it('reads the same columns in runs of a few messages as in one run', async () => {
		const db = await openTestDb(textChats());
		try {
			await computeMetrics(db);
			const whole = await readTextColumns(db);
			expect(whole.conversations.length).toBeGreaterThan(3);
			for (const messagesPerRead of [1, 3, 7]) expect(await readTextColumns(db, messagesPerRead)).toEqual(whole);
		} finally {
			await db.close();
		}
	});

	it('gives back every message conversation by conversation, and the replies in input order, as stored', async () => {
		const chats = textChats();
		const again = chats.find((m) => m.role === 'agent')!;
		// one reply sent twice word for word, in another conversation
		const db = await openTestDb([...chats, { ...again, conversation_id: 'Z', message_id: 'z-a1', seq: chats.length, source: `test#${chats.length}` }]);
		try {
			await computeMetrics(db);
			const columns = await readTextColumns(db);
			const messages = await db.query<{ text: string }>(`
				SELECT m.conversation_id, m.message_id, m.role, t.text FROM message_metrics m JOIN messages t USING (conversation_id, message_id)
				ORDER BY m.conversation_id, m.sent_at, m.seq`);
			const read = [...conversationsOf(columns)].flatMap((c) => c.messages.map((m) => ({ conversation_id: c.conversation_id, ...m })));
			expect(read).toEqual(messages);
			const replies = await db.query(`
				SELECT m.message_id, m.conversation_id, m.role, m.author, m.effective_department AS department, t.text
				FROM message_metrics m JOIN messages t USING (conversation_id, message_id) WHERE m.role IN ('agent', 'bot') ORDER BY m.seq`);
			expect(replies.length).toBeGreaterThan(5);
			expect(replyInputs(columns)).toEqual(replies);
			// each distinct text kept once
			expect(columns.texts.length).toBe(new Set(messages.map((m) => m.text)).size);
			expect(new Set(columns.texts).size).toBe(columns.texts.length);
		} finally {
			await db.close();
		}
	});
});
