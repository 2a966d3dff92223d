/**
 * The view SQL on DuckDB-WASM (what the browser runs): every statement the view queries send to native DuckDB,
 * replayed through the WASM engine in a child process (src/lib/db/wasm-node-probe.ts; a hang inside WASM would
 * freeze the test runner), must give the same rows. Catches SQL that native DuckDB accepts and WASM does not.
 */
import { beforeAll, describe, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { expectSameRows, recordAndReplay, REPLAY_LIMIT_MS, type Replay } from '$lib/db/wasm-replay';
import { parseBusinessHours } from './business-hours';
import { readConversation } from './conversation';
import { listConversations } from './drill';
import { readFacets } from './facets';
import { computeMetrics } from './figures';
import { readHandoffsView } from './handoffs-view';
import { readOverviewView } from './overview-view';
import { readResponseTimesView } from './response-times-view';
import { viewOf } from './test-chats';
import { selectView } from './view-sql';
import { DEPARTMENTS, viewChats } from './view-fixture';
import type { Drill, ViewOptions } from './view-types';

const HOURS = parseBusinessHours('mon-fri 09:00-18:00; sat 10:00-14:00');

async function runViews(db: Db, view: ViewOptions): Promise<void> {
	await computeMetrics(db, view.businessHours);
	await readFacets(db);
	// Inline filters (command line), then on the engine's copy of the filtered rows (browser).
	for (const query of [view, { ...view, selection: await selectView(db, view.filters) }]) {
		await readOverviewView(db, query);
		await readResponseTimesView(db, query);
		await readHandoffsView(db, query);
	}
	const drills: Drill[] = [
		{ kind: 'flow', from: DEPARTMENTS.T, to: DEPARTMENTS.V },
		{ kind: 'chain', departments: [DEPARTMENTS.T, DEPARTMENTS.B, DEPARTMENTS.T] },
		{ kind: 'bucket', bucket: '5m_30m', department: null },
		{ kind: 'week', week: '2024-05-06', department: DEPARTMENTS.T }
	];
	for (const drill of drills) await listConversations(db, view, drill);
	await readConversation(db, 'P2');
}

describe('view SQL on DuckDB-WASM', () => {
	let replay: Replay;

	beforeAll(async () => {
		replay = await recordAndReplay(viewChats(), async (recorder) => {
			await runViews(recorder, viewOf());
			await runViews(recorder, viewOf({ businessHours: HOURS, filters: { from: '2024-05-06', to: '2024-05-13', departments: [DEPARTMENTS.T] } }));
		});
	}, REPLAY_LIMIT_MS + 30_000);

	it('runs every statement and gives the same rows as native DuckDB', () => expectSameRows(replay));
});
