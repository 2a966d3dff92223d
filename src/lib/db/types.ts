import type { Message } from '$lib/model';

/** A result row: column name -> value, converted at the boundary (see `toPlainValue`). */
export type Row = Record<string, unknown>;

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
	query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
	/** Runs statements that return nothing (DDL, INSERT ... SELECT); several may be separated by `;`. */
	exec(sql: string): Promise<void>;
	/** Appends messages to `table` (which has the columns of MESSAGES_COLUMNS). */
	appendMessages(table: string, messages: readonly Message[]): Promise<void>;
	/** Frees the database. */
	close(): Promise<void>;
}
