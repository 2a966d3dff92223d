import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { readOffTopicView } from './off-topic-view';
import { computeReplyFlags } from './detect-flags';
import { setFlagMark } from './reply-flags';
import { openTestDb, viewOf } from './test-chats';
import { BRAND, CLAIMS, SEED_ANSWER, SEED_QUESTION, textChats } from './text-fixture';

// Of the ten replies (text-fixture.ts) only d-a1 is off-topic; d-b1 (written before the customer) is not judged.
let db: Db;
beforeAll(async () => {
	db = await openTestDb(textChats());
	await computeReplyFlags(db);
});
afterAll(() => db.close());

const D_A1 = {
	message_id: 'd-a1', conversation_id: 'D', department: BRAND, author: 'Анна',
	sent_at: Date.UTC(2024, 4, 9, 7, 30), // 10:30 in Moscow
	question: SEED_QUESTION, answer: SEED_ANSWER, relevance: 0.05, matched: ['пункт → бренд-менеджер']
};

describe('readOffTopicView', () => {
	it('lists the off-topic reply with the question it was scored against, of nine judged replies', async () => {
		expect(await readOffTopicView(db, viewOf())).toEqual({ replies: [D_A1], total: 1, judged: 9, marked: [] });
	});

	it('counts only the replies of the chosen departments', async () => {
		expect(await readOffTopicView(db, viewOf({ filters: { departments: [CLAIMS] } })))
			.toEqual({ replies: [], total: 0, judged: 3, marked: [] });
	});

	it('moves a reply marked wrong out of the flagged ones into `marked`, still judged', async () => {
		await setFlagMark(db, 'd-a1', 'off_topic', true);
		const page = await readOffTopicView(db, viewOf());
		await setFlagMark(db, 'd-a1', 'off_topic', false);
		expect(page).toEqual({ replies: [], total: 0, judged: 9, marked: [D_A1] });
	});

	it('puts the surest first, joins every customer message before the reply, and lists at most `limit`', async () => {
		// As if the detector had also flagged Пётр's redirect in E, less surely.
		await db.exec(`UPDATE reply_flags SET off_topic = true, relevance = 0.2 WHERE message_id = 'e-a1'`);
		const page = await readOffTopicView(db, viewOf());
		const first = await readOffTopicView(db, viewOf(), 1);
		await db.exec(`UPDATE reply_flags SET off_topic = false, relevance = 0.808 WHERE message_id = 'e-a1'`);
		expect(page.replies.map((r) => r.message_id)).toEqual(['d-a1', 'e-a1']);
		expect(page.replies[1].question).toBe('Хочу заменить вывеску на пункте, кто согласует новый макет?\nСтарая вывеска выцвела');
		expect([first.replies.length, first.total]).toEqual([1, 2]);
	});
});
