import type { Message } from '$lib/model';

/** A result row: column name -> value, converted at the boundary (see `toPlainValue`). */
export type Row = Record<string, unknown>;

/** A value of a row to store (`appendRows`): a list for a VARCHAR[] column, one value for any other. */
export type Cell = string | number | boolean | null | string[];

/** The column types `appendRows` writes. A TIMESTAMP cell is text DuckDB reads as one ('2026-01-31 09:05:00.5'). */
export type ColumnType = 'VARCHAR' | 'VARCHAR[]' | 'BOOLEAN' | 'DOUBLE' | 'INTEGER' | 'TIMESTAMP';

/**
 * The one gateway to DuckDB. Implemented by `node.ts` (@duckdb/node-api: command line, unit tests)
 * and `browser.ts` (DuckDB-WASM in its Web Worker). Both run the same SQL.
 *
 * Values come back as plain JSON-safe values: BIGINT / HUGEINT -> number when it is a safe integer
 * (a string otherwise), TIMESTAMP -> epoch milliseconds (number), DATE -> 'YYYY-MM-DD', DECIMAL -> number.
 * User values are always passed as `params` ($1, $2, ...), never spliced into SQL.
 */
export interface Db {
	/** Runs one statement and returns its rows. */
	query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
	/** Runs statements that return nothing (DDL, INSERT ... SELECT); several may be separated by `;`. */
	exec(sql: string): Promise<void>;
	/** Appends messages to `table` (which has the columns of MESSAGES_COLUMNS). */
	appendMessages(table: string, messages: readonly Message[]): Promise<void>;
	/**
	 * Appends `rows` to `table`, whose columns have `types` in order: the detectors' results (reply flags,
	 * templates, commitments). Each engine its fastest way: Arrow batches in DuckDB-WASM, DuckDB's appender in
	 * native DuckDB (node.ts). All or none in both.
	 */
	appendRows(table: string, types: readonly ColumnType[], rows: readonly Cell[][]): Promise<void>;
	/**
	 * A snapshot of `table` as bytes, for saving it (persist.ts). The format is the engine's own and is read back
	 * only by `importTable` of the same engine: Parquet in Node; Arrow IPC stream in DuckDB-WASM, whose
	 * Parquet support is an extension fetched from the network, which this app never does.
	 */
	exportTable(table: string): Promise<Uint8Array>;
	/**
	 * Replaces the rows of `table` with a snapshot from `exportTable`. An existing table keeps its definition
	 * (types, constraints) and gets the rows by column name; a missing one is created with the snapshot's types.
	 * `bytes` is handed over, not copied: the browser engine transfers it to its worker, which leaves it empty.
	 */
	importTable(table: string, bytes: Uint8Array): Promise<void>;
	/**
	 * Makes `blob` readable by SQL (`read_csv('<returned name>')`) without copying it where the engine allows: DuckDB-WASM
	 * reads a browser File through FileReaderSync in its worker (registerFileHandle); native DuckDB reads the file's
	 * own `path` when the blob carries one (the command line's files), else a temporary copy. Optional: an import
	 * through a Db without it takes the TS path (csv-bulk.ts).
	 */
	registerFile?(name: string, blob: Blob): Promise<string>;
	/** Forgets a name given to `registerFile` (and deletes its temporary copy). */
	unregisterFile?(name: string): Promise<void>;
	/** Frees the database. */
	close(): Promise<void>;
}
