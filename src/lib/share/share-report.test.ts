import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCommitments } from '$lib/analysis/commitments';
import { computeReplyFlags } from '$lib/analysis/detect-flags';
import { openTestDb } from '$lib/analysis/test-chats';
import { BRAND, textChats } from '$lib/analysis/text-fixture';
import { DEPARTMENTS, viewChats } from '$lib/analysis/view-fixture';
import type { Db } from '$lib/db/types';
import { buildShareReport, EXCERPT_CHARS, excerptEnd, excerptStart, type ShareOptions } from './share-report';

const OPTIONS: ShareOptions = {
	language: 'ru', anonymise: true, includeTexts: false, targetS: 3600, timeZone: 'Europe/Moscow', files: 1,
	generatedAt: Date.UTC(2024, 5, 1, 9, 0, 0)
};
const { T, V, B } = DEPARTMENTS;

describe('buildShareReport on the hand-made conversations (view-fixture.ts)', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openTestDb(viewChats());
		await computeReplyFlags(db);
		await computeCommitments(db, 'Europe/Moscow');
	});
	afterAll(() => db.close());

	it('states what it was made from, with no file name and the local period', async () => {
		const report = await buildShareReport(db, { ...OPTIONS, owner: '  ПВЗ на Ленина ' });
		expect(report).toMatchObject({
			schema: 'replyscope.share/1', language: 'ru', owner: 'ПВЗ на Ленина', anonymised: true, target_s: 3600,
			generated_at: '2024-06-01T12:00:00+03:00', time_zone: 'Europe/Moscow',
			period: { first_day: '2024-05-06', last_day: '2024-05-16' },
			source: { files: 1, messages: 30, conversations: 7 }
		});
	});

	it('carries the headline of the overview, shares rounded to 3 decimals', async () => {
		expect((await buildShareReport(db, OPTIONS)).headline).toEqual({
			conversations: 7, first_response_median_s: 749.75, reply_median_s: 1800, within_target_share: 0.636, handoff_share: 0.571
		});
	});

	it('gives each department its times and the share of its cases it passed on', async () => {
		const rows = (await buildShareReport(db, OPTIONS)).departments;
		expect(rows.map((d) => [d.department, d.conversations, d.reply_median_s, d.first_response_p90_s, d.handoff_share])).toEqual([
			[V, 4, 3600, 233_309.95, 0.25], // P4 passes В on; P1, P6, P7 end in В
			[T, 4, 750, 1620, 0.75], // P1, P2, P7 pass Т on; P3 ends there
			[B, 2, 17_999.5, null, 0.5] // P2 passes Б on; P4 ends there
		]);
	});

	it('pseudonymises the agents when anonymised and names them otherwise', async () => {
		const anonymised = (await buildShareReport(db, OPTIONS)).agents.map((a) => a.agent);
		expect(anonymised).toHaveLength(4);
		for (const name of anonymised) expect(name).toMatch(/^(Сотрудник|Бот) \d+$/);
		const own = (await buildShareReport(db, { ...OPTIONS, anonymise: false })).agents.map((a) => a.agent);
		expect(own.sort()).toEqual(['Анна', 'Борис', 'Бот', 'Вера']);
	});

	it('speaks English pseudonyms in an English report', async () => {
		const report = await buildShareReport(db, { ...OPTIONS, language: 'en' });
		expect(report.agents.map((a) => a.agent).every((a) => /^(Agent|Bot) \d+$/.test(a))).toBe(true);
	});

	it('keeps the weekly points, the buckets and the chains', async () => {
		const report = await buildShareReport(db, OPTIONS);
		expect(report.reply_buckets.reduce((n, b) => n + b.replies, 0)).toBe(11);
		expect(new Set(report.weekly.map((w) => w.week))).toEqual(new Set(['2024-05-06', '2024-05-13']));
		expect(report.chains.map((c) => c.departments)).toContainEqual([T, B, T]);
		expect(report.chains.find((c) => c.departments.join() === [T, B, T].join())?.ping_pong_share).toBe(1);
	});
});

describe('buildShareReport with texts (text-fixture.ts)', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openTestDb(textChats());
		await computeReplyFlags(db);
		await computeCommitments(db, 'Europe/Moscow');
	});
	afterAll(() => db.close());

	it('adds the off-topic examples only when texts are chosen', async () => {
		expect(await buildShareReport(db, OPTIONS)).not.toHaveProperty('off_topic_examples');
		const { off_topic_examples } = await buildShareReport(db, { ...OPTIONS, includeTexts: true });
		expect(off_topic_examples).toHaveLength(1);
		expect(off_topic_examples![0]).toMatchObject({ department: BRAND, relevance: 0.05 });
		expect(off_topic_examples![0].question.length).toBeLessThanOrEqual(EXCERPT_CHARS);
		expect(off_topic_examples![0].answer).toMatch(/^Добрый вечер, коллеги\. Действительно, бренд-менеджер/);
	});

	it('leaves no agent name and no name in the greetings of the template texts and excerpts', async () => {
		const json = JSON.stringify(await buildShareReport(db, { ...OPTIONS, includeTexts: true }));
		for (const name of ['Игорь', 'Мария', 'Анна', 'Пётр', 'Вера', 'Борис', 'Ольга']) expect(json).not.toContain(name);
		expect(json).toContain('Ваша претензия рассмотрена');
	});
});

describe('excerpts', () => {
	const long = `${'слово '.repeat(80)}конец`;

	it('keeps the start of an answer, cut at a word, within the limit', () => {
		const cut = excerptStart(long);
		expect(cut.length).toBeLessThanOrEqual(EXCERPT_CHARS);
		expect(cut).toMatch(/^слово слово .*слово…$/);
	});

	it('keeps the end of a question, where the customer\'s latest words are', () => {
		const cut = excerptEnd(long);
		expect(cut.length).toBeLessThanOrEqual(EXCERPT_CHARS);
		expect(cut).toMatch(/^…слово .* конец$/);
	});

	it('puts the messages of a question on one line, separated by a slash', () => {
		expect(excerptEnd('Где выплата?\nОтветьте  пожалуйста')).toBe('Где выплата? / Ответьте пожалуйста');
	});
});
