/**
 * `npm run bench`: how long the pages' queries take after a filter change, on generated demo data
 * (default 15,000 conversations ≈ 100k messages), in native DuckDB (the command line's engine), and how long the
 * text detection takes there.
 * Prints a table and writes it as JSON to bench-results/views.json. Figures, not assertions.
 *   npx tsx scripts/bench-views.ts [--conversations N]
 */
import { openAsBlob, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseBusinessHours } from '$lib/analysis/business-hours';
import { readFacets } from '$lib/analysis/facets';
import { computeReplyFlags } from '$lib/analysis/detect-flags';
import { computeMetrics } from '$lib/analysis/figures';
import { readHandoffsView } from '$lib/analysis/handoffs-view';
import { readOverviewView } from '$lib/analysis/overview-view';
import { readResponseTimesView } from '$lib/analysis/response-times-view';
import type { Filters, ViewOptions } from '$lib/analysis/view-types';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import { importFiles } from '$lib/ingest/import-files';
import { proposeFile } from '$lib/ingest/propose';
import { detectInThreads } from '../src/cli/detect-threads';
import { ensureDemoData } from './bench/demo-data';
import { timed } from './bench/time';

const { values } = parseArgs({ options: { conversations: { type: 'string', default: '15000' } } });
const dir = `bench-results/data-${values.conversations}`;
const view = (filters: Filters = {}): ViewOptions => ({ filters, targetS: 3600, businessHours: null });

async function load(db: Db, path: string): Promise<number> {
	const file = new File([await openAsBlob(path)], 'support-chats.csv');
	const proposal = await proposeFile(file, 'Europe/Moscow');
	const input = await importFiles(db, [file], [proposal.plan]);
	await computeMetrics(db);
	return input.rows_loaded;
}

async function main(): Promise<void> {
	const file = ensureDemoData(dir, Number(values.conversations), { reuse: false });
	const db = await openNodeDb();
	const [messages, loadMs] = await timed(() => load(db, file));
	const facets = await readFacets(db);
	const views: [string, ViewOptions][] = [
		['no filter', view()],
		['first two weeks', view({ from: facets.firstDay!, to: facets.firstDay!.replace(/-\d\d$/, '-14') })],
		['one department', view({ departments: facets.departments.slice(0, 1) })],
		['two agents', view({ agents: facets.agents.slice(0, 2) })],
		['one customer', view({ customers: facets.customers.slice(0, 1) })]
	];
	const rows = [];
	for (const [name, options] of views) {
		const [, overview] = await timed(() => readOverviewView(db, options));
		const [, responseTimes] = await timed(() => readResponseTimesView(db, options));
		const [, handoffs] = await timed(() => readHandoffsView(db, options));
		rows.push({ filter: name, overview_ms: overview, response_times_ms: responseTimes, handoffs_ms: handoffs });
	}
	const [, businessHoursMs] = await timed(() => computeMetrics(db, parseBusinessHours('mon-fri 09:00-18:00')));
	// The whole text detection (templates, relevance, reply kinds) as the command line runs it (two threads), and
	// storing its flags.
	const [, detectionMs] = await timed(() => computeReplyFlags(db, { detect: detectInThreads }));
	const detectionPerS = Math.round(messages / (detectionMs / 1000));
	await db.close();
	console.log(`${messages} messages; import + metrics ${loadMs} ms; metrics on business hours ${businessHoursMs} ms;`
		+ ` text detection ${detectionMs} ms (${detectionPerS} messages/s)`);
	console.table(rows);
	writeFileSync('bench-results/views.json', JSON.stringify({
		messages, load_ms: loadMs, business_hours_ms: businessHoursMs, text_detection_ms: detectionMs,
		text_detection_messages_per_s: detectionPerS, views: rows
	}, null, 2));
}

await main();
