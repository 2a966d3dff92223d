/**
 * The text screens' SQL on DuckDB-WASM (what the browser runs): every statement that storing the flags, marking
 * and the three text screens send to native DuckDB is replayed through the WASM engine in a child process (as in
 * view-wasm.test.ts) and must give the same rows. Catches SQL that native DuckDB accepts and WASM (DuckDB 1.4)
 * does not, such as newer list functions.
 */
import { beforeAll, describe, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { expectSameRows, recordAndReplay, REPLAY_LIMIT_MS, type Replay } from '$lib/db/wasm-replay';
import { computeMetrics } from './figures';
import { readOffTopicView } from './off-topic-view';
import { readRedirects } from './redirects-view';
import { computeReplyFlags } from './detect-flags';
import { readTextColumns } from './text-flags';
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
	let replay: Replay;

	beforeAll(async () => {
		replay = await recordAndReplay(textChats(), async (recorder) => {
			await computeMetrics(recorder);
			await computeReplyFlags(recorder);
			await readTextColumns(recorder, 3); // the messages read a few conversations at a time
			await setFlagMark(recorder, 'b-a1', 'template', true);
			await setFlagMark(recorder, 'd-a1', 'off_topic', true);
			await restoreFlagMarks(recorder, [{ message_id: 'b-a1', flag: 'template' }]);
			await readFlagMarks(recorder);
			await readMessageFlags(recorder, 'D');
			await runScreens(recorder, viewOf());
			await runScreens(recorder, viewOf({ filters: { from: '2024-05-06', to: '2024-05-13', departments: [CLAIMS, SUPPORT] } }));
			await setFlagMark(recorder, 'd-a1', 'off_topic', false);
		});
	}, REPLAY_LIMIT_MS + 30_000);

	it('runs every statement and gives the same rows as native DuckDB', () => expectSameRows(replay));
});
