/**
 * Rows per second of the two CSV import paths (csv-bulk.ts and the TS path), in native DuckDB and in DuckDB-WASM
 * under Node. Figures, not assertions: the machine may be shared.
 *
 * Usage: [ROUNDS=2] npx tsx scripts/measure-csv-bulk.ts <file.csv> [native|wasm|both] [auto|off|both] [timeZone]
 */
import { openAsBlob } from 'node:fs';
import { basename, resolve } from 'node:path';
import { openNodeDb } from '../src/lib/db/node';
import { openWasmNodeDb } from '../src/lib/db/wasm-node-open';
import type { Db } from '../src/lib/db/types';
import { importFiles } from '../src/lib/ingest/import-files';
import { proposeFile } from '../src/lib/ingest/propose';

const [path, engines = 'both', modes = 'both', timeZone = 'Europe/Moscow'] = process.argv.slice(2);
if (!path) throw new Error('usage: measure-csv-bulk.ts <file.csv> [native|wasm|both] [auto|off|both] [timeZone]');

/** The file as the command line opens it, with its path (so both engines read it in place). */
async function openFile(path: string) {
	return Object.assign(new File([await openAsBlob(path)], basename(path)), { path: resolve(path) });
}

async function measure(db: Db, engine: string, mode: 'auto' | 'off', path: string) {
	const file = await openFile(path);
	const proposal = await proposeFile(file, timeZone);
	const started = performance.now();
	let how = '';
	const steps: string[] = [];
	const input = await importFiles(db, [file], [proposal.plan], {
		csvBulk: mode,
		onReadPath: (_, p, why) => (how = why ? `${p} (${why})` : p),
		onBulkStep: (_, step, ms) => steps.push(`${step} ${Math.round(ms)}`),
		onProgress: (p) => { if (p.phase === 'checking') steps.push(`read phase ${Math.round(performance.now() - started)}`); }
	});
	const seconds = (performance.now() - started) / 1000;
	const rate = Math.round(input.rows_read / seconds);
	console.log(`${engine.padEnd(6)} ${mode.padEnd(4)} ${how.padEnd(8)} rows_read ${input.rows_read} loaded ${input.rows_loaded} ` +
		`rejected ${input.rows_rejected}: ${seconds.toFixed(2)} s, ${rate} rows/s [ms: ${steps.join(', ')}]`);
}

// Each engine is warmed up first (the first statements in a fresh WASM instance run before V8 has optimised it),
// then each mode runs twice, alternating.
for (const engine of engines === 'both' ? (['native', 'wasm'] as const) : [engines as 'native' | 'wasm']) {
	const db: Db = engine === 'native' ? await openNodeDb() : await openWasmNodeDb();
	try {
		for (const mode of ['auto', 'off'] as const) await measure(db, `warm-${engine}`, mode, 'data/demo/support-chats.csv');
		const list = modes === 'both' ? (['auto', 'off'] as const) : [modes as 'auto' | 'off'];
		for (let round = 0; round < Number(process.env.ROUNDS ?? 2); round++) for (const mode of list) await measure(db, engine, mode, path);
	} finally {
		await db.close();
	}
}
