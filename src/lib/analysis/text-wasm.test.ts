/**
 * The text screens' SQL on DuckDB-WASM (what the browser runs): every statement that storing the flags, marking
 * and the three text screens send to native DuckDB is replayed through the WASM engine in a child process (as in
 * view-wasm.test.ts) and must give the same rows. Catches SQL that native DuckDB accepts and WASM (DuckDB 1.4)
 * does not, such as newer list functions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import { createMessagesTableSql } from '$lib/db/schema';
import type { Db } from '$lib/db/types';
import type { ProbeResult } from '$lib/db/wasm-node-probe';
import { recording, replayInWasm, REPLAY_LIMIT_MS, type Recorded } from '$lib/db/wasm-replay';
import { computeMetrics } from './figures';
import { readOffTopicView } from './off-topic-view';
import { readRedirects } from './redirects-view';
import { computeReplyFlags } from './detect-flags';
import { readFlagMarks, readMessageFlags, restoreFlagMarks, setFlagMark } from './reply-flags';
import { readTemplatesView } from './templates-view';
import { viewOf } from './test-chats';
import { CLAIMS, SUPPORT, textChats } from './text-fixture';
import type { ViewOptions } from './view-types';

async function runScreens(db: Db, view: ViewOptions): Promise<void> {
	await readTemplatesView(db, view);
	await readOffTopicView(db, view);
	await readRedirects(db, view);
}

describe('text screens SQL on DuckDB-WASM', () => {
	const log: Recorded[] = [];
	let results: ProbeResult[];
	let db: Db;

	beforeAll(async () => {
		db = await openNodeDb();
		await db.exec(createMessagesTableSql('messages'));
		await db.appendMessages('messages', textChats());
		const recorder = recording(db, log);
		await computeMetrics(recorder);
		await computeReplyFlags(recorder);
		await setFlagMark(recorder, 'b-a1', 'template', true);
		await setFlagMark(recorder, 'd-a1', 'off_topic', true);
		await restoreFlagMarks(recorder, [{ message_id: 'b-a1', flag: 'template' }]);
		await readFlagMarks(recorder);
		await readMessageFlags(recorder, 'D');
		await runScreens(recorder, viewOf());
		await runScreens(recorder, viewOf({ filters: { from: '2024-05-06', to: '2024-05-13', departments: [CLAIMS, SUPPORT] } }));
		await setFlagMark(recorder, 'd-a1', 'off_topic', false);
		results = await replayInWasm(textChats(), log);
	}, REPLAY_LIMIT_MS + 30_000);
	afterAll(() => db.close());

	it('runs every statement and gives the same rows as native DuckDB', () => {
		expect(results).toHaveLength(log.length);
		log.forEach((entry, i) => {
			const result = results[i];
			if (!result.ok) throw new Error(`WASM failed on ${entry.sql.slice(0, 300)}: ${result.error}`);
			if (entry.rows) expect(result.value, entry.sql.slice(0, 200)).toEqual(entry.rows);
		});
	});
});
