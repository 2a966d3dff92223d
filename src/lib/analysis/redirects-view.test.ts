import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { computeReplyFlags } from './detect-flags';
import { readRedirects } from './redirects-view';
import { openTestDb, viewOf } from './test-chats';
import { BRAND, SUPPORT, textChats } from './text-fixture';

// Техподдержка sends the customer to the brand manager twice (text-fixture.ts): in E, whose department list is
// [Техподдержка] (the export never shows the brand manager), and in F, where Бренд-менеджер then answers.
let db: Db;
beforeAll(async () => {
	db = await openTestDb(textChats());
	await computeReplyFlags(db);
});
afterAll(() => db.close());

describe('readRedirects', () => {
	it('counts redirects by from and to, and those to a department the conversation never reached in the export', async () => {
		expect(await readRedirects(db, viewOf())).toEqual([
			{ from: SUPPORT, to: BRAND, replies: 2, conversations: 2, outside_export: 1 }
		]);
	});

	it('counts only the filtered conversations', async () => {
		expect(await readRedirects(db, viewOf({ filters: { customers: ['ПВЗ-F'] } }))).toEqual([
			{ from: SUPPORT, to: BRAND, replies: 1, conversations: 1, outside_export: 0 }
		]);
		expect(await readRedirects(db, viewOf({ filters: { to: '2024-05-12' } }))).toEqual([
			{ from: SUPPORT, to: BRAND, replies: 1, conversations: 1, outside_export: 1 }
		]);
	});

	it('keeps only redirects from the chosen departments', async () => {
		expect(await readRedirects(db, viewOf({ filters: { departments: [BRAND] } }))).toEqual([]);
		expect(await readRedirects(db, viewOf({ filters: { departments: [SUPPORT] } }))).toHaveLength(1);
	});

	it('matches the department list without regard to case', async () => {
		const chats = textChats().map((m) => (m.message_id === 'f-a2' ? { ...m, department: 'БРЕНД-МЕНЕДЖЕР' } : m));
		const other = await openTestDb(chats);
		await computeReplyFlags(other);
		expect((await readRedirects(other, viewOf())).map((r) => r.outside_export)).toEqual([1]);
		await other.close();
	});

	it('leaves out a reply that sends the customer to its own department', async () => {
		// Пётр answers in E as the brand manager's department: «обратитесь к бренд-менеджеру» sends nobody elsewhere
		const chats = textChats().map((m) => (m.message_id === 'e-a1' ? { ...m, department: BRAND } : m));
		const other = await openTestDb(chats);
		await computeReplyFlags(other);
		expect(await readRedirects(other, viewOf())).toEqual([{ from: SUPPORT, to: BRAND, replies: 1, conversations: 1, outside_export: 0 }]);
		await other.close();
	});
});

