/**
 * Child process for wasm-node.test.ts: runs steps against the real DuckDB-WASM engine (the blocking Node build,
 * through the same `createWasmDb` the browser uses) and prints one JSON line per step.
 *
 * It is a separate process because a hang inside WASM blocks the event loop: no timer of the test runner could
 * fire, so the parent kills this process instead (STYLE.md, "Known traps").
 *
 * Usage: node --import tsx src/lib/db/wasm-node-probe.ts <mvp|eh>  (steps as a JSON array on stdin)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Message } from '$lib/model';
import { manyMessages } from './test-messages';
import type { Cell, ColumnType, Db } from './types';
import { createWasmDb, type WasmBindings } from './wasm';

/** One thing to do; `ProbeResult` says how it went. */
export type ProbeStep =
	| { op: 'exec'; sql: string }
	| { op: 'query'; sql: string; params?: unknown[] }
	| { op: 'append'; table: string; messages: Message[] }
	| { op: 'appendRows'; table: string; types: readonly ColumnType[]; rows: readonly Cell[][] }
	/** Appends `n` generated messages and reports the time taken. */
	| { op: 'appendMany'; table: string; n: number }
	/** Keeps the table's snapshot under `name`; reports its size and first bytes. */
	| { op: 'export'; table: string; name: string }
	| { op: 'import'; table: string; name: string }
	/** Closes the database and opens an empty one (snapshots are kept). */
	| { op: 'reopen' };

export type ProbeResult = { step: number; ok: true; value: unknown } | { step: number; ok: false; error: string };

const bundleName = process.argv[2] === 'mvp' ? 'mvp' : 'eh';

async function openWasmNodeDb(): Promise<Db> {
	const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
	const bundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
		...(bundleName === 'eh' ? { eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } } : {})
	};
	const bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await bindings.instantiate();
	bindings.open({});
	const connection = bindings.connect();
	const conn = connection.useUnsafe((_, id) => id);
	return createWasmDb(bindings as unknown as WasmBindings, conn, async () => {
		connection.close();
		bindings.reset();
	});
}

async function runStep(db: Db, step: ProbeStep, snapshots: Map<string, Uint8Array>): Promise<unknown> {
	switch (step.op) {
		case 'exec':
			return db.exec(step.sql);
		case 'query':
			return db.query(step.sql, step.params);
		case 'append':
			return db.appendMessages(step.table, step.messages);
		case 'appendRows':
			return db.appendRows(step.table, step.types, step.rows);
		case 'appendMany': {
			const messages = manyMessages(step.n);
			const started = performance.now();
			await db.appendMessages(step.table, messages);
			return { seconds: (performance.now() - started) / 1000 };
		}
		case 'export': {
			const bytes = await db.exportTable(step.table);
			snapshots.set(step.name, bytes);
			return { bytes: bytes.length, magic: new TextDecoder().decode(bytes.subarray(0, 6)) };
		}
		case 'import':
			return db.importTable(step.table, snapshots.get(step.name)!.slice());
		case 'reopen':
			return undefined;
	}
}

async function main() {
	const steps = JSON.parse(readFileSync(0, 'utf8')) as ProbeStep[];
	const snapshots = new Map<string, Uint8Array>();
	let db = await openWasmNodeDb();
	for (const [i, step] of steps.entries()) {
		let result: ProbeResult;
		try {
			if (step.op === 'reopen') {
				await db.close();
				db = await openWasmNodeDb();
			}
			result = { step: i, ok: true, value: (await runStep(db, step, snapshots)) ?? null };
		} catch (error) {
			result = { step: i, ok: false, error: error instanceof Error ? error.message : String(error) };
		}
		process.stdout.write(`${JSON.stringify(result)}\n`);
	}
	await db.close();
}

await main();
