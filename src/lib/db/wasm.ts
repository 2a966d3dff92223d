/**
 * The `Db` on DuckDB-WASM, whichever way the WASM module runs: `browser.ts` hands it the bindings of an
 * AsyncDuckDB (module in a Web Worker), the tests hand it the blocking Node build. Keeping the logic here lets
 * `wasm-node.test.ts` run the same code against the real WASM engine in Node.
 *
 * It talks to the bindings at the level of Arrow IPC bytes (`runQuery`, `runPrepared`,
 * `insertArrowFromIPCStream`) and decodes / encodes them with this app's own apache-arrow: DuckDB-WASM bundles
 * another Arrow version, and Arrow objects do not survive crossing between two copies of the library.
 */
import {
	Int64,
	makeData,
	makeVector,
	Table,
	tableFromIPC,
	tableToIPC,
	TimestampMicrosecond,
	Utf8,
	type Vector
} from 'apache-arrow';
import type { Message } from '$lib/model';
import { arrowTableToRows, toParam } from './convert';
import { MESSAGES_COLUMNS } from './schema';
import type { Db, Row } from './types';
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
				if (messages.length === 0) return;
				// Batches go into a staging table without constraints, then into `table` in one INSERT: measured in
				// WASM, constraints checked batch by batch made the whole append about 3x slower.
				const temp = `__replyscope_append_${++staging}`;
				await inTransaction(async () => {
					for (let start = 0; start < messages.length; start += APPEND_BATCH_ROWS) {
						const batch = messagesToArrow(messages, start, Math.min(start + APPEND_BATCH_ROWS, messages.length));
						const create = start === 0;
						await bindings.insertArrowFromIPCStream(conn, tableToIPC(batch, 'stream'), { name: temp, create });
					}
					// Arrow's types are the table's (Utf8 = VARCHAR, Timestamp µs = TIMESTAMP, Int64 = BIGINT): by position.
					await exec(`INSERT INTO ${quoteIdent(table)} SELECT * FROM ${quoteIdent(temp)}`);
					await exec(`DROP TABLE ${quoteIdent(temp)}`);
				});
			}),
		exportTable: (table: string) =>
			run(async () => {
				// A query result is an Arrow IPC *file*; `insertArrowFromIPCStream` reads only the *stream* format (given
				// a file it inserts no rows, without an error), so the snapshot is re-encoded once here, at save time,
				// rather than at every load.
				const file = await bindings.runQuery(conn, `SELECT * FROM ${quoteIdent(table)}`);
				return tableToIPC(tableFromIPC(file), 'stream');
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

/** Messages [start, end) as an Arrow table with the columns and types of the messages table. */
export function messagesToArrow(messages: readonly Message[], start: number, end: number): Table {
	const slice = messages.slice(start, end);
	const text = (pick: (m: Message) => string | null) => utf8Vector(slice.map((m) => pick(m) ?? null));
	const length = slice.length;
	const int64s = (pick: (m: Message) => number, scale: number) => {
		// 64-bit integers written as two 32-bit halves: no BigInt per value (several times faster in V8).
		// Exact while |value| < 2^53: epoch µs stay below that until the year 2255.
		const halves = new Int32Array(length * 2);
		for (let i = 0; i < length; i++) {
			const value = Math.floor(finite(pick(slice[i]))) * scale;
			if (!Number.isSafeInteger(value)) throw new RangeError(`Out of range for the messages table: ${value}`);
			const high = Math.floor(value / 2 ** 32);
			halves[2 * i] = value - high * 2 ** 32; // low half, as unsigned bits
			halves[2 * i + 1] = high;
		}
		return new BigInt64Array(halves.buffer);
	};
	// Epoch ms -> µs, DuckDB's TIMESTAMP unit; fractions of a millisecond are dropped, as in node.ts.
	const timestamp = (pick: (m: Message) => number) =>
		makeVector(makeData({ type: new TimestampMicrosecond(), length, data: int64s(pick, 1000) }));
	const int64 = (pick: (m: Message) => number) => makeVector(makeData({ type: new Int64(), length, data: int64s(pick, 1) }));
	return new Table({
		conversation_id: text((m) => m.conversation_id),
		message_id: text((m) => m.message_id),
		sent_at: timestamp((m) => m.sent_at),
		role: text((m) => m.role),
		author: text((m) => m.author),
		department: text((m) => m.department),
		customer: text((m) => m.customer),
		text: text((m) => m.text),
		source: text((m) => m.source),
		seq: int64((m) => m.seq),
		sent_local: timestamp((m) => m.sent_local)
	});
}

const encoder = new TextEncoder();

/**
 * Strings -> an Arrow Utf8 vector. The whole column is joined with NUL separators and encoded by one native
 * call; one pass over the bytes then drops the separators and notes where each value ends (UTF-8 has a 0 byte
 * only for U+0000). Measured in Chromium on 100k short ids: 10-20 ms, against 120-400 ms for `encodeInto` per
 * value; Arrow's own builder (`vectorFromArray`) was slower still. A column that contains U+0000 itself takes
 * the per-value path.
 */
export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
	const n = values.length;
	const offsets = new Int32Array(n + 1);
	const valid = new Uint8Array((n + 7) >> 3);
	let nullCount = 0;
	let hasNul = false;
	for (let i = 0; i < n; i++) {
		const value = values[i];
		if (value === null) nullCount++;
		else {
			valid[i >> 3] |= 1 << (i & 7);
			if (!hasNul && value.includes('\0')) hasNul = true;
		}
	}
	const data = hasNul ? encodeEach(values, offsets) : encodeJoined(values, offsets);
	return makeVector(
		makeData({ type: new Utf8(), length: n, nullCount, nullBitmap: nullCount ? valid : null, valueOffsets: offsets, data })
	);
}

function encodeJoined(values: readonly (string | null)[], offsets: Int32Array): Uint8Array {
	const joined = values.map((value) => value ?? '').join('\0');
	// encodeInto a buffer sized for the worst case (a UTF-16 unit is at most 3 bytes): in Chromium 2-4x faster
	// than `encode` on non-Latin text.
	const bytes = new Uint8Array(joined.length * 3);
	const { written } = encoder.encodeInto(joined, bytes);
	let end = 0;
	let index = 1;
	for (let read = 0; read < written; read++) {
		const byte = bytes[read];
		if (byte === 0) offsets[index++] = end;
		else bytes[end++] = byte;
	}
	offsets[index] = end;
	return bytes.subarray(0, end);
}

function encodeEach(values: readonly (string | null)[], offsets: Int32Array): Uint8Array {
	let capacity = 0;
	for (const value of values) if (value !== null) capacity += value.length * 3; // a UTF-16 unit is at most 3 bytes
	const data = new Uint8Array(capacity);
	let end = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (value !== null) end += encoder.encodeInto(value, data.subarray(end)).written;
		offsets[i + 1] = end;
	}
	return data.subarray(0, end);
}

function finite(value: number): number {
	if (!Number.isFinite(value)) throw new TypeError(`Not a finite number: ${value}`);
	return value;
}
