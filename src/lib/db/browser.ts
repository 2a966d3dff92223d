/**
 * The `Db` in the browser: DuckDB-WASM (AsyncDuckDB) running in its own Web Worker. Works from the main thread
 * and from inside a dedicated module worker (our engine worker starts DuckDB's worker as a nested worker).
 *
 * Import it only from browser code (the app is client-only; DuckDB-WASM evaluated during SSR crashes), and
 * preferably lazily (`await import('$lib/db/browser')`): the bundles are fetched only when `openBrowserDb` runs.
 *
 * The bundle comes in through Vite `?url` imports, so Vite copies it into the build and no CDN is involved.
 * Only the single-thread `eh` bundle (WebAssembly exception handling: Chrome/Edge 95+, Firefox 100+,
 * Safari 15.2+). Not `mvp`, the fallback for older browsers: in DuckDB-WASM 1.32 it fails every statement
 * that raises an error inside DuckDB, and every prepared statement, with "_setThrew is not defined" (seen in
 * Chromium and in Node). Not `coi` (threads): it needs cross-origin isolation (COOP/COEP), which we do not set.
 */
import { AsyncDuckDB, ConsoleLogger, DuckDBDataProtocol, getPlatformFeatures, LogLevel } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Db } from './types';
import { createWasmDb } from './wasm';

/** Absolute URLs: DuckDB's worker fetches the wasm itself, relative to its own script, not to our page. */
const absolute = (url: string) => new URL(url, globalThis.location.href).href;

let opening: Promise<Db> | null = null;

/**
 * The database of this page (or worker): started on the first call, shared by later ones. A failed start is
 * not cached, so calling again retries. `close()` ends it; the next call starts a fresh, empty one.
 */
export function openBrowserDb(): Promise<Db> {
	opening ??= start().catch((error: unknown) => {
		opening = null;
		throw error;
	});
	return opening;
}

/** Starts DuckDB's worker, loads the wasm, opens an in-memory database; hands it out only once all that worked. */
async function start(): Promise<Db> {
	if (!(await getPlatformFeatures()).wasmExceptions) {
		throw new Error(
			'This browser is too old for the analysis engine (it lacks WebAssembly exception handling). Use a current Chrome, Edge, Firefox or Safari.'
		);
	}
	const worker = new Worker(absolute(ehWorker));
	const duckdb = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
	try {
		await duckdb.instantiate(absolute(ehWasm));
		await duckdb.open({ path: ':memory:' });
		const connection = await duckdb.connect();
		const conn = connection.useUnsafe((_, id) => id);
		const close = async () => {
			opening = null;
			await connection.close().catch(() => undefined);
			await duckdb.terminate();
		};
		// The File itself goes to DuckDB's worker (no copy), which reads the parts it needs with FileReaderSync.
		const files = {
			register: (name: string, blob: Blob) => duckdb.registerFileHandle(name, blob, DuckDBDataProtocol.BROWSER_FILEREADER, true),
			drop: async (name: string) => void (await duckdb.dropFile(name))
		};
		return await createWasmDb(duckdb, conn, close, files);
	} catch (error) {
		await duckdb.terminate();
		throw error;
	}
}
