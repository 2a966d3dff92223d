/**
 * The DuckDB-WASM engine (blocking Node build) behind `createWasmDb`, with files registered as in the browser but
 * through Node: a blob with a `path` by that path (NODE_FS protocol), any other as a copy of its bytes.
 * For test probes and measurements only, run in a child process or a script: a hang inside WASM blocks the event
 * loop (STYLE.md, "Known traps").
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Db } from './types';
import { createWasmDb, type WasmBindings } from './wasm';

export async function openWasmNodeDb(): Promise<Db> {
	const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
	const bundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
		eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
	};
	const bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await bindings.instantiate();
	bindings.open({});
	const connection = bindings.connect();
	const conn = connection.useUnsafe((_, id) => id);
	const files = {
		register: async (name: string, blob: Blob) => {
			const path = (blob as { path?: unknown }).path;
			if (typeof path === 'string') bindings.registerFileURL(name, path, duckdb.DuckDBDataProtocol.NODE_FS, true);
			else bindings.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer()));
		},
		drop: async (name: string) => bindings.dropFile(name)
	};
	return createWasmDb(bindings as unknown as WasmBindings, conn, async () => {
		connection.close();
		bindings.reset();
	}, files);
}
