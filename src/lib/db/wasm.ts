/**
 * The `Db` on DuckDB-WASM, whichever way the WASM module runs: `browser.ts` hands it the bindings of an
 * AsyncDuckDB (module in a Web Worker), the tests hand it the blocking Node build. Keeping the logic here lets
 * `wasm-node.test.ts` run the same code against the real WASM engine in Node.
 *
 * It talks to the bindings at the level of Arrow IPC bytes (`runQuery`, `runPrepared`,
 * `insertArrowFromIPCStream`) and decodes / encodes them with this app's own apache-arrow: DuckDB-WASM bundles
 * another Arrow version, and Arrow objects do not survive crossing between two copies of the library.
 */
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import type { Message } from '$lib/model';
import { arrowTableToRows, toParam } from './convert';
import { MESSAGES_COLUMNS } from './schema';
import { messagesToArrow, rowsToArrow } from './to-arrow';
import type { Cell, ColumnType, Db, Row } from './types';
import { quoteIdent, serialise } from './util';

type MaybePromise<T> = T | Promise<T>;

/** The part of DuckDB-WASM's bindings this module uses: AsyncDuckDB and the blocking DuckDBBindings both fit. */
export interface WasmBindings {
	runQuery(conn: number, text: string): MaybePromise<Uint8Array>;
	createPrepared(conn: number, text: string): MaybePromise<number>;
	runPrepared(conn: number, statement: number, params: unknown[]): MaybePromise<Uint8Array>;
	closePrepared(conn: number, statement: number): MaybePromise<unknown>;
	insertArrowFromIPCStream(conn: number, buffer: Uint8Array, options: { name: string; create?: boolean }): MaybePromise<unknown>;
}

/**
 * Rows per Arrow batch sent to the engine. Each `insertArrowFromIPCStream` call has a fixed cost in the worker
 * (measured in Chromium: 30 batches of 10k rows took 10x as long as one of 300k), so batches are big; 50k
 * messages are ~12 MB of Arrow, a bounded amount of extra memory.
 */
export const APPEND_BATCH_ROWS = 50_000;

/**
 * Rows per query when a table is exported (`exportTable`). Measured at 1M messages, DuckDB-WASM under Node: the
 * export took 1.4-1.8 s in ranges of 50k or 100k rows against 1.9 s in one query, and left the wasm memory as it was
 * (one query: +918 MB).
 */
const EXPORT_BATCH_ROWS = 100_000;

/**
 * Settings applied once on open. DuckDB-WASM would fetch a missing extension (Parquet, JSON, ICU) from the
 * network on first use; this app never does (data stays on the machine, and the CSP forbids it), so a query that
 * needs one fails at once with DuckDB's "is in the X extension" message instead of a network error.
 */
const SETTINGS_SQL = 'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false';

/**
 * How files reach the engine by name (Db.registerFile): the browser registers the File itself (no copy), the Node
 * test harness a copy of its bytes.
 */
export interface WasmFiles {
	register(name: string, blob: Blob): Promise<void>;
	drop(name: string): Promise<void>;
}

/** Wraps an open WASM connection as a `Db`. `onClose` frees what the caller started (the worker). */
export async function createWasmDb(
	bindings: WasmBindings,
	conn: number,
	onClose: () => Promise<void>,
	files?: WasmFiles
): Promise<Db> {
	const run = serialise();
	let staging = 0;
	let closed = false;

	const queryTable = async (sql: string, params?: unknown[]): Promise<Table> => {
		if (closed) throw new Error('The database is closed.');
		if (!params?.length) return tableFromIPC(await bindings.runQuery(conn, sql));
		const values = params.map(toParam);
		const statement = await bindings.createPrepared(conn, sql);
		try {
			return tableFromIPC(await bindings.runPrepared(conn, statement, values));
		} finally {
			await bindings.closePrepared(conn, statement);
		}
	};
	const exec = async (sql: string) => {
		await queryTable(sql);
	};
	/** Runs `work` in a transaction: all of it or none of it. */
	const inTransaction = async (work: () => Promise<void>) => {
		await exec('BEGIN TRANSACTION');
		try {
			await work();
		} catch (error) {
			await exec('ROLLBACK');
			throw error;
		}
		await exec('COMMIT');
	};

	/**
	 * Appends `count` rows to `table` as Arrow batches of APPEND_BATCH_ROWS (`batch(start, end)`), all or none.
	 * They go into a staging table without constraints, then into `table` in one INSERT of `select` over the
	 * staging columns: measured in WASM, constraints checked batch by batch made the whole append about 3x slower.
	 */
	const appendBatches = async (table: string, count: number, batch: (start: number, end: number) => Table, select: string) => {
		if (count === 0) return;
		const temp = `__replyscope_append_${++staging}`;
		await inTransaction(async () => {
			for (let start = 0; start < count; start += APPEND_BATCH_ROWS) {
				const ipc = tableToIPC(batch(start, Math.min(start + APPEND_BATCH_ROWS, count)), 'stream');
				await bindings.insertArrowFromIPCStream(conn, ipc, { name: temp, create: start === 0 });
			}
			// by position: the staging columns come in the order of `table`'s
			await exec(`INSERT INTO ${quoteIdent(table)} SELECT ${select} FROM ${quoteIdent(temp)}`);
			await exec(`DROP TABLE ${quoteIdent(temp)}`);
		});
	};

	await exec(SETTINGS_SQL);

	return {
		query: <T = Row>(sql: string, params?: unknown[]) =>
			run(async () => arrowTableToRows<T>(await queryTable(sql, params))),
		exec: (sql: string) => run(() => exec(sql)),
		appendMessages: (table: string, messages: readonly Message[]) =>
			run(async () => {
				const columns = (await queryTable(`SELECT * FROM ${quoteIdent(table)} LIMIT 0`)).schema.names;
				if (columns.join() !== MESSAGES_COLUMNS.join()) {
					throw new Error(`Table ${table} does not have the messages columns (${MESSAGES_COLUMNS.join(', ')}): ${columns.join(', ')}`);
				}
				await appendBatches(table, messages.length, (start, end) => messagesToArrow(messages, start, end), '*');
			}),
		appendRows: (table: string, types: readonly ColumnType[], rows: readonly Cell[][]) =>
			run(() => appendBatches(table, rows.length, (start, end) => rowsToArrow(types, rows, start, end),
				// Arrow has the types of the columns but TIMESTAMP, which goes as text
				types.map((type, i) => `CAST(c${i} AS ${type})`).join(', '))),
		exportTable: (table: string) =>
			run(async () => {
				// DuckDB-WASM builds each result whole in its wasm memory, which never shrinks (the whole table as one
				// result grew it by 918 MB at 1M messages), so the rows are read EXPORT_BATCH_ROWS at a time, by rowid.
				// A result is an Arrow IPC *file*; `insertArrowFromIPCStream` reads only the *stream* format (given a file
				// it inserts no rows, without an error), so the batches are written here as one stream, at save time,
				// rather than converted at every load.
				const name = quoteIdent(table);
				const last = Number((await queryTable(`SELECT coalesce(max(rowid), -1) AS last FROM ${name}`)).getChild('last')!.get(0));
				const parts: Table[] = [];
				for (let from = 0; parts.length === 0 || from <= last; from += EXPORT_BATCH_ROWS) {
					parts.push(await queryTable(`SELECT * FROM ${name} WHERE rowid >= ${from} AND rowid < ${from + EXPORT_BATCH_ROWS}`));
				}
				return tableToIPC(new Table(parts[0].schema, parts.flatMap((part) => part.batches)), 'stream');
			}),
		importTable: (table: string, snapshot: Uint8Array) =>
			run(async () => {
				const bytes = isArrowFile(snapshot) ? tableToIPC(tableFromIPC(snapshot), 'stream') : snapshot;
				const found = await queryTable(
					'SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1',
					[table]
				);
				if (found.numRows === 0) {
					await bindings.insertArrowFromIPCStream(conn, bytes, { name: table, create: true });
					return;
				}
				const temp = `__replyscope_import_${++staging}`;
				await bindings.insertArrowFromIPCStream(conn, bytes, { name: temp, create: true });
				try {
					await inTransaction(async () => {
						await exec(`DELETE FROM ${quoteIdent(table)}`);
						await exec(`INSERT INTO ${quoteIdent(table)} BY NAME SELECT * FROM ${quoteIdent(temp)}`);
					});
				} finally {
					await exec(`DROP TABLE IF EXISTS ${quoteIdent(temp)}`);
				}
			}),
		...(files && {
			registerFile: (name: string, blob: Blob) => run(async () => (await files.register(name, blob), name)),
			unregisterFile: (name: string) => run(() => files.drop(name))
		}),
		close: () =>
			run(async () => {
				if (closed) return;
				closed = true;
				await onClose();
			})
	};
}

/** An Arrow IPC file starts with the magic 'ARROW1'; a stream does not (it starts with a message length). */
function isArrowFile(bytes: Uint8Array): boolean {
	return bytes.length >= 6 && String.fromCharCode(...bytes.subarray(0, 6)) === 'ARROW1';
}
