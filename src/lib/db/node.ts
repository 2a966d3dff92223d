/**
 * The `Db` on @duckdb/node-api (native DuckDB): the command line and the unit tests.
 * Never import this from browser code (it loads a native addon and `fs`).
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	BIGINT,
	BOOLEAN,
	DOUBLE,
	DuckDBDataChunk,
	DuckDBInstance,
	DuckDBTimestampValue,
	DuckDBTypeId,
	INTEGER,
	LIST,
	listValue,
	TIMESTAMP,
	VARCHAR,
	type DuckDBAppender,
	type DuckDBConnection,
	type DuckDBType,
	type DuckDBValue,
	type DuckDBValueConverter
} from '@duckdb/node-api';
import type { Message } from '$lib/model';
import {
	daysToIsoDate,
	decimalToPlain,
	integerToPlain,
	microsToEpochMs,
	microsToTimeOfDay,
	toParam
} from './convert';
import { MESSAGES_COLUMNS } from './schema';
import type { Cell, ColumnType, Db, Row } from './types';
import { quoteIdent, serialise } from './util';

/** How much memory DuckDB may use before it writes tables and intermediate results to disk. */
export interface NodeDbOptions {
	/**
	 * DuckDB's `memory_limit` (e.g. '6GB'); without it DuckDB's default, 80% of the machine's memory. Past the limit
	 * DuckDB writes to a folder of its own in the system's temporary folder, removed on close (its default, `.tmp` in
	 * the working directory, would leave the data's pieces where the user runs the command).
	 */
	memoryLimit?: string;
}

/** Opens a DuckDB database: in memory by default, or a file. */
export async function openNodeDb(path = ':memory:', options: NodeDbOptions = {}): Promise<Db> {
	const spill = options.memoryLimit === undefined ? null : await mkdtemp(join(tmpdir(), 'replyscope-spill-'));
	// Pieces of the data must not outlive the process when it exits without closing (process.exit, a signal the
	// command line turns into one).
	const removeSpill = () => {
		if (spill !== null) rmSync(spill, { recursive: true, force: true });
	};
	if (spill !== null) process.once('exit', removeSpill);
	const instance = await DuckDBInstance.create(
		path,
		spill === null ? undefined : { memory_limit: options.memoryLimit!, temp_directory: spill }
	);
	const connection = await instance.connect();
	const run = serialise();
	const files = fileRegistry();
	let closed = false;

	const db: Db = {
		query: <T = Row>(sql: string, params?: unknown[]) =>
			run(async () => {
				const reader = await connection.runAndReadAll(sql, params?.map(toParam) as DuckDBValue[] | undefined);
				return reader.convertRowObjects(toPlain) as T[];
			}),
		exec: (sql: string) =>
			run(async () => {
				await connection.run(sql);
			}),
		appendMessages: (table: string, messages: readonly Message[]) =>
			run(() => appendMessages(connection, table, messages)),
		appendRows: (table: string, types: readonly ColumnType[], rows: readonly Cell[][]) =>
			run(() => appendCells(connection, table, types, rows)),
		exportTable: (table: string) => run(() => exportParquet(connection, table)),
		importTable: (table: string, bytes: Uint8Array) => run(() => importParquet(connection, table, bytes)),
		registerFile: (name: string, blob: Blob) => files.register(name, blob),
		unregisterFile: (name: string) => files.unregister(name),
		close: () =>
			run(async () => {
				if (closed) return;
				closed = true;
				connection.closeSync();
				instance.closeSync();
				removeSpill();
				process.off('exit', removeSpill);
			})
	};
	return db;
}

/**
 * Node's half of the conversion table in convert.ts: each DuckDB type id goes through the same primitive the
 * WASM engine uses, so both engines give the same plain values.
 */
const toPlain: DuckDBValueConverter<unknown> = (value, type, convert) => {
	if (value === null) return null;
	const v = value as never;
	switch (type.typeId) {
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
		case DuckDBTypeId.BIGNUM:
			return integerToPlain(v as bigint);
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return microsToEpochMs((v as { micros: bigint }).micros);
		case DuckDBTypeId.TIMESTAMP_S:
			return Number((v as { seconds: bigint }).seconds) * 1000;
		case DuckDBTypeId.TIMESTAMP_MS:
			return Number((v as { millis: bigint }).millis);
		case DuckDBTypeId.TIMESTAMP_NS:
			return microsToEpochMs((v as { nanos: bigint }).nanos / 1000n);
		case DuckDBTypeId.DATE:
			return daysToIsoDate((v as { days: number }).days);
		case DuckDBTypeId.TIME:
			return microsToTimeOfDay((v as { micros: bigint }).micros);
		case DuckDBTypeId.DECIMAL:
			return decimalToPlain((v as { value: bigint }).value, (v as { scale: number }).scale);
		case DuckDBTypeId.INTERVAL: {
			const { months, days, micros } = v as { months: number; days: number; micros: bigint };
			return { months, days, micros: Number(micros) };
		}
		case DuckDBTypeId.LIST:
		case DuckDBTypeId.ARRAY: {
			const itemType = (type as unknown as { valueType: DuckDBType }).valueType;
			return (v as { items: DuckDBValue[] }).items.map((item) => convert(item, itemType, convert));
		}
		case DuckDBTypeId.STRUCT: {
			const { entryNames, entryTypes } = type as unknown as { entryNames: string[]; entryTypes: DuckDBType[] };
			const entries = (v as { entries: Record<string, DuckDBValue> }).entries;
			return Object.fromEntries(entryNames.map((name, i) => [name, convert(entries[name], entryTypes[i], convert)]));
		}
		case DuckDBTypeId.MAP: {
			const { keyType, valueType } = type as unknown as { keyType: DuckDBType; valueType: DuckDBType };
			return (v as { entries: { key: DuckDBValue; value: DuckDBValue }[] }).entries.map((e) => ({
				key: convert(e.key, keyType, convert),
				value: convert(e.value, valueType, convert)
			}));
		}
		case DuckDBTypeId.BLOB:
			return (v as { bytes: Uint8Array }).bytes;
		case DuckDBTypeId.BOOLEAN:
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.USMALLINT:
		case DuckDBTypeId.UINTEGER:
		case DuckDBTypeId.FLOAT:
		case DuckDBTypeId.DOUBLE:
		case DuckDBTypeId.VARCHAR:
			return v;
		default:
			// ENUM, UUID and the rarer types: their text form, as DuckDB prints it.
			return String(v);
	}
};

/**
 * Appends the messages through DuckDB's appender (`appendChunks`). Measured on 1M messages (node.test.ts): about
 * 25% faster than `appendVarchar` per value; a JSON string parsed by DuckDB and a CSV file were both slower (the cost
 * is in handing each JS string to DuckDB, which every route pays).
 */
async function appendMessages(connection: DuckDBConnection, table: string, messages: readonly Message[]) {
	await assertMessagesTable(connection, table);
	await appendChunks(connection, table, MESSAGE_CHUNK_TYPES, messages.length, (start, n) => messageColumns(messages, start, n));
}

/**
 * `appendRows`: rows of cells through the appender (`appendChunks`), a TIMESTAMP cell as its text, which the
 * appender casts to the column's type as DuckDB reads it. Storing the reply flags of 1M messages (400,811 rows, one
 * list column) took 10.0 s as INSERTs of one parameter per column and chunk, 2.7 s this way.
 */
async function appendCells(connection: DuckDBConnection, table: string, types: readonly ColumnType[], rows: readonly Cell[][]) {
	const chunkTypes = types.map((type) => CELL_CHUNK_TYPES[type]);
	const lists = types.map((type) => type === 'VARCHAR[]');
	await appendChunks(connection, table, chunkTypes, rows.length, (start, n) =>
		chunkTypes.map((_, c) => {
			const column: DuckDBValue[] = new Array(n);
			for (let i = 0; i < n; i++) {
				const cell = rows[start + i][c];
				column[i] = lists[c] && cell !== null ? listValue(cell as string[]) : (cell as DuckDBValue);
			}
			return column;
		})
	);
}

/** The data chunk's type of each `ColumnType`. */
const CELL_CHUNK_TYPES: Record<ColumnType, DuckDBType> = {
	VARCHAR, 'VARCHAR[]': LIST(VARCHAR), BOOLEAN, DOUBLE, INTEGER, TIMESTAMP: VARCHAR
};

/**
 * Appends `count` rows to `table` through DuckDB's appender, a data chunk (2048 rows) at a time: no SQL and no
 * parameters, one native call per string and one per column of numbers. `columnsAt(start, n)` gives rows
 * [start, start + n) as columns of `types`. Inside a transaction, so a failure (a bad value, a null where the table
 * allows none) leaves the table as it was.
 */
async function appendChunks(
	connection: DuckDBConnection,
	table: string,
	types: readonly DuckDBType[],
	count: number,
	columnsAt: (start: number, n: number) => DuckDBValue[][]
) {
	await connection.run('BEGIN TRANSACTION');
	let appender: DuckDBAppender | undefined;
	try {
		appender = await connection.createAppender(table);
		const chunk = DuckDBDataChunk.create([...types], CHUNK_ROWS);
		for (let start = 0; start < count; start += CHUNK_ROWS) {
			chunk.setColumns(columnsAt(start, Math.min(CHUNK_ROWS, count - start)));
			appender.appendDataChunk(chunk);
		}
		appender.flushSync();
		appender.closeSync();
		appender = undefined;
		await connection.run('COMMIT');
	} catch (error) {
		try {
			appender?.closeSync();
		} catch {
			// The appender failed on flush already; its error is the one that matters.
		}
		await connection.run('ROLLBACK');
		throw error;
	}
}

/** DuckDB's standard vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;
/** The column types of MESSAGES_COLUMNS, in order (schema.ts). */
const MESSAGE_CHUNK_TYPES = [VARCHAR, VARCHAR, TIMESTAMP, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT, TIMESTAMP];

/** Messages [start, start + n) as columns in MESSAGES_COLUMNS order. */
function messageColumns(messages: readonly Message[], start: number, n: number): DuckDBValue[][] {
	const columns: DuckDBValue[][] = MESSAGE_CHUNK_TYPES.map(() => new Array(n));
	for (let i = 0; i < n; i++) {
		const m = messages[start + i];
		columns[0][i] = m.conversation_id;
		columns[1][i] = m.message_id;
		columns[2][i] = timestampOf(m.sent_at);
		columns[3][i] = m.role;
		columns[4][i] = m.author ?? null;
		columns[5][i] = m.department ?? null;
		columns[6][i] = m.customer ?? null;
		columns[7][i] = m.text;
		columns[8][i] = m.source;
		columns[9][i] = BigInt(m.seq);
		columns[10][i] = timestampOf(m.sent_local);
	}
	return columns;
}

/** Epoch ms -> DuckDB TIMESTAMP (µs); fractions of a millisecond are dropped, as in the WASM engine. */
function timestampOf(ms: number): DuckDBTimestampValue {
	if (!Number.isFinite(ms)) throw new TypeError(`Not a time: ${ms}`);
	return new DuckDBTimestampValue(BigInt(Math.floor(ms)) * 1000n);
}

/** The appender fills columns by position: refuse a table whose columns are not MESSAGES_COLUMNS in order. */
async function assertMessagesTable(connection: DuckDBConnection, table: string) {
	const reader = await connection.runAndReadAll(`SELECT * FROM ${quoteIdent(table)} LIMIT 0`);
	const names = reader.columnNames();
	if (names.join() !== MESSAGES_COLUMNS.join()) {
		throw new Error(`Table ${table} does not have the messages columns (${MESSAGES_COLUMNS.join(', ')}): ${names.join(', ')}`);
	}
}

/** Native DuckDB has Parquet built in; a temporary file carries the bytes (node-api has no in-memory file API). */
async function exportParquet(connection: DuckDBConnection, table: string): Promise<Uint8Array> {
	return withTempFile(async (path) => {
		await connection.run(`COPY ${quoteIdent(table)} TO '${path}' (FORMAT parquet, COMPRESSION zstd)`);
		return new Uint8Array(await readFile(path));
	});
}

async function importParquet(connection: DuckDBConnection, table: string, bytes: Uint8Array): Promise<void> {
	await withTempFile(async (path) => {
		await writeFile(path, bytes);
		await replaceTableFrom(connection, table, `read_parquet('${path}')`);
	});
}

/**
 * Replaces the rows of `table` with those of `source`: an existing table keeps its definition (types, constraints)
 * and gets the rows by column name; a missing one is created with the source's column types.
 */
async function replaceTableFrom(connection: DuckDBConnection, table: string, source: string) {
	const name = quoteIdent(table);
	const exists = await connection.runAndReadAll(
		`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`,
		[table]
	);
	if (exists.currentRowCount === 0) {
		await connection.run(`CREATE TABLE ${name} AS SELECT * FROM ${source}`);
		return;
	}
	await connection.run('BEGIN TRANSACTION');
	try {
		await connection.run(`DELETE FROM ${name}`);
		await connection.run(`INSERT INTO ${name} BY NAME SELECT * FROM ${source}`);
		await connection.run('COMMIT');
	} catch (error) {
		await connection.run('ROLLBACK');
		throw error;
	}
}

/**
 * Files handed to SQL by name (Db.registerFile): a blob that carries its `path` (the command line's files) is read
 * there; any other is written to a temporary file first.
 */
function fileRegistry() {
	const temps = new Map<string, string>();
	return {
		async register(name: string, blob: Blob): Promise<string> {
			const path = (blob as { path?: unknown }).path;
			if (typeof path === 'string') return path;
			const dir = await mkdtemp(join(tmpdir(), 'replyscope-'));
			const file = join(dir, 'input.csv');
			await writeFile(file, blob.stream() as unknown as AsyncIterable<Uint8Array>);
			temps.set(name, dir);
			return file;
		},
		async unregister(name: string): Promise<void> {
			const dir = temps.get(name);
			temps.delete(name);
			if (dir) await rm(dir, { recursive: true, force: true });
		}
	};
}

async function withTempFile<T>(use: (path: string) => Promise<T>): Promise<T> {
	const dir = await mkdtemp(join(tmpdir(), 'replyscope-'));
	try {
		// The path goes into SQL as a literal: mkdtemp's names never contain a quote, but make sure.
		const path = join(dir, 'table.parquet');
		if (path.includes("'")) throw new Error(`Temporary path has a quote: ${path}`);
		return await use(path);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
