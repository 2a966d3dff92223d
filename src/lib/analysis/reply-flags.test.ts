import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { computeReplyFlags } from './detect-flags';
import { readFlagMarks, readMessageFlags, restoreFlagMarks, setFlagMark, writeReplyFlags, writeSteps } from './reply-flags';
import { openTestDb } from './test-chats';
import { BRAND, textChats } from './text-fixture';

let db: Db;
beforeAll(async () => {
	db = await openTestDb(textChats());
	await computeReplyFlags(db);
});
afterAll(() => db.close());

const flagsOf = async (conversation: string) =>
	Object.fromEntries((await readMessageFlags(db, conversation)).map(({ message_id, ...f }) => [message_id, f]));

describe('computeReplyFlags', () => {
	it('stores one row per agent and bot reply, none for customers', async () => {
		const rows = await db.query<{ message_id: string }>('SELECT message_id FROM reply_flags ORDER BY message_id');
		expect(rows.map((r) => r.message_id)).toEqual(
			['a-a1', 'b-a1', 'c-b1', 'd-a1', 'd-b1', 'e-a1', 'f-a1', 'f-a2', 'g-a1', 'g-a2']);
	});

	it('lists the canned claim reply of A, B and C as one template, sent by two people and the bot', async () => {
		expect(await db.query('SELECT * EXCLUDE (text) FROM templates')).toEqual([{
			template_id: 't1', messages: 3, conversations: 3, variants: 3, departments: ['Претензии'], authors: 3,
			roles: ['agent', 'bot'], human_copies_bot: true
		}]);
		expect((await flagsOf('C'))['c-b1'].template_id).toBe('t1');
	});

	it('flags the brand-manager answer to a complaint about the territorial manager, with the words behind it', async () => {
		const { 'd-b1': hello, 'd-a1': answer } = await flagsOf('D');
		expect(answer).toMatchObject({ template_id: null, off_topic: true, matched: ['пункт → бренд-менеджер'], marked: [] });
		expect(answer.relevance).toBeLessThanOrEqual(0.05);
		// the bot wrote before the customer: nothing to judge it against
		expect(hello).toMatchObject({ off_topic: null, relevance: null, matched: [] });
	});

	it('tells redirects, stalling and generic replies, with the department a redirect names', async () => {
		expect((await flagsOf('E'))['e-a1']).toMatchObject({ reply_kind: 'redirect', redirect_department: BRAND });
		expect((await flagsOf('F'))['f-a1']).toMatchObject({ reply_kind: 'redirect', redirect_department: BRAND });
		const g = await flagsOf('G');
		expect([g['g-a1'].reply_kind, g['g-a2'].reply_kind]).toEqual(['stalling', 'generic']);
	});

	it('reports progress up to the end', async () => {
		const calls: [number, number][] = [];
		await computeReplyFlags(db, { onProgress: (done, total) => calls.push([done, total]) });
		expect(calls.at(-1)).toEqual([calls.at(-1)![1], calls.at(-1)![1]]);
		expect(calls.map(([done]) => done)).toEqual([...calls.keys()]);
	});

	it('stops with an AbortError when cancelled, leaving the stored flags as they were', async () => {
		const controller = new AbortController();
		const run = computeReplyFlags(db, { signal: controller.signal, onProgress: (done) => done === 2 && controller.abort() });
		await expect(run).rejects.toMatchObject({ name: 'AbortError' });
		expect(await db.query('SELECT count(*) AS n FROM reply_flags')).toEqual([{ n: 10 }]);
		expect(await db.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '%_next'`)).toEqual([{ n: 0 }]);
	});
});

describe('flag marks', () => {
	it('takes a template flag off a reply marked wrong, and puts it back when unmarked', async () => {
		await setFlagMark(db, 'b-a1', 'template', true);
		expect((await flagsOf('B'))['b-a1']).toMatchObject({ template_id: null, marked: ['template'] });
		await setFlagMark(db, 'b-a1', 'template', false);
		expect((await flagsOf('B'))['b-a1']).toMatchObject({ template_id: 't1', marked: [] });
	});

	it('turns an off-topic reply marked wrong into a judged, not off-topic one', async () => {
		await setFlagMark(db, 'd-a1', 'off_topic', true);
		expect((await flagsOf('D'))['d-a1']).toMatchObject({ off_topic: false, marked: ['off_topic'] });
		await setFlagMark(db, 'd-a1', 'off_topic', false);
	});

	it('keeps marks across a recompute, once each however often they are set or restored', async () => {
		await setFlagMark(db, 'a-a1', 'template', true);
		await setFlagMark(db, 'a-a1', 'template', true);
		await computeReplyFlags(db);
		await restoreFlagMarks(db, [{ message_id: 'a-a1', flag: 'template' }, { message_id: 'x', flag: 'off_topic' }]);
		expect(await readFlagMarks(db)).toEqual([
			{ message_id: 'a-a1', flag: 'template' }, { message_id: 'x', flag: 'off_topic' }
		]);
		await setFlagMark(db, 'a-a1', 'template', false);
		await setFlagMark(db, 'x', 'off_topic', false);
		expect(await readFlagMarks(db)).toEqual([]);
	});

	it('refuses an unknown flag name', async () => {
		await expect(setFlagMark(db, 'a-a1', 'rude' as never, true)).rejects.toThrow(/Unknown flag/);
	});
});

describe('storing awkward values', () => {
	it('keeps ids with separators, percent signs and quotes exactly', async () => {
		const ids = ['a\u001fb', 'c%1Fd', "o'neil %25", 'e\u001dnull'];
		const chats = textChats().map((m, i) => (m.conversation_id === 'G' ? { ...m, message_id: ids[i % ids.length] + i } : m));
		const other = await openTestDb(chats);
		await computeReplyFlags(other);
		const stored = await other.query<{ message_id: string }>(
			`SELECT f.message_id FROM reply_flags f JOIN messages m USING (message_id) WHERE f.conversation_id = 'G' ORDER BY m.seq`);
		const expected = chats.filter((m) => m.conversation_id === 'G' && m.role !== 'customer').map((m) => m.message_id);
		expect(stored.map((r) => r.message_id)).toEqual(expected);
		await other.close();
	});
});

describe('storing many replies', () => {
	it('stores every reply and template row exactly, a progress step (and a chance to cancel) per 50,000 rows', async () => {
		const id = (i: number) => `${'x'.repeat(30)}-${i}`;
		const replies = Array.from({ length: 60_000 }, (_, i) => [id(i), `c${i % 7}`, i % 3 ? null : 't1', i % 2 === 0, i / 60_000, ['штраф', 'оферта'], null, null]);
		const templates = Array.from({ length: 1500 }, (_, i) => [
			`t${i + 1}`, `Ожидайте ответа специалиста ${'.'.repeat(200)} ${i}`, 3 + i, 3, 1, ['Выплаты', 'Отдел\u001eс\u001fразделителями%1F'], 2, ['agent', 'bot'], i % 2 === 0
		]);
		const detected = { replies, templates };
		const steps = writeSteps(detected);
		expect(steps).toBe(2 + 1 + 1); // replies, templates, the swap
		let stepped = 0;
		await writeReplyFlags(db, detected, { step: async () => void stepped++, finish: () => {} });
		expect(stepped + 1).toBe(steps);
		const stored = await db.query<{ n: number; copied: number; last: Record<string, unknown> }>(`
			SELECT count(*) AS n, count_if(human_copies_bot) AS copied,
				(SELECT t FROM templates t WHERE template_id = 't1500') AS last FROM templates`);
		expect(stored[0]).toEqual({
			n: 1500, copied: 750,
			last: {
				template_id: 't1500', text: templates[1499][1], messages: 1502, conversations: 3, variants: 1,
				departments: ['Выплаты', 'Отдел\u001eс\u001fразделителями%1F'], authors: 2, roles: ['agent', 'bot'], human_copies_bot: false
			}
		});
		const rows = await db.query<{ n: number; ids: number; templated: number; matched: string[] }>(`
			SELECT count(*) AS n, count(DISTINCT message_id) AS ids, count(template_id) AS templated,
				any_value(matched) AS matched FROM reply_flags`);
		expect(rows[0]).toEqual({ n: 60_000, ids: 60_000, templated: 20_000, matched: ['штраф', 'оферта'] });
		expect((await db.query<{ message_id: string }>('SELECT message_id FROM reply_flags WHERE relevance = 0.5'))[0].message_id).toBe(id(30_000));
	});
});
