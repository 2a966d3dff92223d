import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { computeReplyFlags } from './detect-flags';
import { setFlagMark } from './reply-flags';
import { readReplyKinds, readTemplates, readTemplateShares, readTemplatesView, readTemplateWeeks } from './templates-view';
import { openTestDb, viewOf } from './test-chats';
import { selectView } from './view-sql';
import { BRAND, CANNED, CLAIMS, PAYOUTS, SUPPORT, textChats } from './text-fixture';

// Replies per effective department (text-fixture.ts): Претензии a-a1, b-a1, c-b1 (all the canned template t1);
// Бренд-менеджер d-b1, d-a1, f-a2; Техподдержка e-a1, f-a1 (redirects); Выплаты g-a1 (stalling), g-a2 (generic).
let db: Db;
beforeAll(async () => {
	db = await openTestDb(textChats());
	await computeReplyFlags(db);
});
afterAll(() => db.close());

const T1 = {
	template_id: 't1',
	// the dataset's most frequent variant; all three are used once, so the first in the input
	text: `Здравствуйте, Ольга! ${CANNED}`,
	uses: 3, conversations: 3, departments: [CLAIMS], agents: 3, used_by_bot: true, used_by_human: true, human_copies_bot: true,
	// one use each, then by text: «Ваша…» < «Добрый…» < «Здравствуйте…»
	variants: [
		{ text: CANNED, uses: 1 }, { text: `Добрый день! ${CANNED} 🌸`, uses: 1 }, { text: `Здравствуйте, Ольга! ${CANNED}`, uses: 1 }
	]
};

describe('readTemplates', () => {
	it('lists the canned reply of three conversations with its uses, authors and variants', async () => {
		expect(await readTemplates(db, viewOf())).toEqual([T1]);
	});

	it('lists only the templates used in the filtered conversations', async () => {
		expect(await readTemplates(db, viewOf({ filters: { departments: [CLAIMS] } }))).toEqual([T1]);
		expect(await readTemplates(db, viewOf({ filters: { departments: [SUPPORT] } }))).toEqual([]);
		expect(await readTemplates(db, viewOf({ filters: { from: '2024-05-13' } }))).toEqual([]);
		const twoDays = await readTemplates(db, viewOf({ filters: { from: '2024-05-07', to: '2024-05-08' } }));
		expect(twoDays.map((t) => [t.uses, t.agents, t.human_copies_bot])).toEqual([[2, 2, true]]);
	});
});

describe('readTemplateShares', () => {
	it('gives each department its templated share, most replies first', async () => {
		expect(await readTemplateShares(db, viewOf())).toEqual([
			{ department: BRAND, replies: 3, templated: 0, templated_share: 0 },
			{ department: CLAIMS, replies: 3, templated: 3, templated_share: 1 },
			{ department: PAYOUTS, replies: 2, templated: 0, templated_share: 0 },
			{ department: SUPPORT, replies: 2, templated: 0, templated_share: 0 }
		]);
	});

	it('keeps only the chosen departments', async () => {
		expect(await readTemplateShares(db, viewOf({ filters: { departments: [SUPPORT] } }))).toEqual([
			{ department: SUPPORT, replies: 2, templated: 0, templated_share: 0 }
		]);
	});
});

describe('readTemplateWeeks', () => {
	it('gives the templated share per week of the conversations start and department', async () => {
		expect(await readTemplateWeeks(db, viewOf())).toEqual([
			{ week: '2024-05-06', department: BRAND, replies: 2, templated: 0, templated_share: 0 },
			{ week: '2024-05-06', department: CLAIMS, replies: 3, templated: 3, templated_share: 1 },
			{ week: '2024-05-06', department: SUPPORT, replies: 1, templated: 0, templated_share: 0 },
			{ week: '2024-05-13', department: BRAND, replies: 1, templated: 0, templated_share: 0 },
			{ week: '2024-05-13', department: PAYOUTS, replies: 2, templated: 0, templated_share: 0 },
			{ week: '2024-05-13', department: SUPPORT, replies: 1, templated: 0, templated_share: 0 }
		]);
	});
});

describe('readReplyKinds', () => {
	it('counts generic, stalling and redirect replies per department', async () => {
		expect(await readReplyKinds(db, viewOf())).toEqual([
			{ department: BRAND, replies: 3, generic: 0, stalling: 0, redirect: 0 },
			{ department: CLAIMS, replies: 3, generic: 0, stalling: 0, redirect: 0 },
			{ department: PAYOUTS, replies: 2, generic: 1, stalling: 1, redirect: 0 },
			{ department: SUPPORT, replies: 2, generic: 0, stalling: 0, redirect: 2 }
		]);
	});
});

describe('a reply marked "not a template"', () => {
	it('leaves the uses, the shares and the weekly points', async () => {
		await setFlagMark(db, 'b-a1', 'template', true);
		const page = await readTemplatesView(db, viewOf({ filters: { departments: [CLAIMS] } }));
		await setFlagMark(db, 'b-a1', 'template', false);
		expect(page.templates.map((t) => [t.uses, t.conversations, t.agents, t.variants.length])).toEqual([[2, 2, 2, 2]]);
		expect(page.departments).toEqual([{ department: CLAIMS, replies: 3, templated: 2, templated_share: 0.667 }]);
		expect(page.weekly).toEqual([{ week: '2024-05-06', department: CLAIMS, replies: 3, templated: 2, templated_share: 0.667 }]);
		expect(page.kinds).toEqual([{ department: CLAIMS, replies: 3, generic: 0, stalling: 0, redirect: 0 }]);
	});
});

describe('readTemplatesView', () => {
	it('gives the same page on the engine\'s copy of the filtered conversations (selectView)', async () => {
		const view = viewOf({ filters: { departments: [CLAIMS, PAYOUTS] } });
		const selection = await selectView(db, view.filters);
		expect(selection).toBeDefined();
		expect(await readTemplatesView(db, { ...view, selection })).toEqual(await readTemplatesView(db, view));
	});
});
