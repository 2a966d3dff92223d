/**
 * JavaScript values -> Arrow tables for DuckDB-WASM's `insertArrowFromIPCStream` (wasm.ts): the messages, and
 * any rows of the column types `Db.appendRows` writes. Columns are built from typed arrays directly: for 400,000
 * reply-flag rows in DuckDB-WASM's Node build, Arrow's own builder (`vectorFromArray`) took 5.4 s, these 1.1 s, the
 * insert itself 0.4-0.6 s (one parameter per column per chunk, the way native DuckDB still goes: 9.0 s).
 */
import {
	Bool,
	Field,
	Float64,
	Int32,
	Int64,
	List,
	makeData,
	makeVector,
	Table,
	TimestampMicrosecond,
	Utf8,
	type Data,
	type DataType,
	type Vector
} from 'apache-arrow';
import type { Message } from '$lib/model';
import type { Cell, ColumnType } from './types';

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

/**
 * Rows [start, end) as an Arrow table with columns `c0`, `c1`, ... of Arrow types matching `types`. A TIMESTAMP
 * column goes as its text (the INSERT casts it, wasm.ts).
 */
export function rowsToArrow(types: readonly ColumnType[], rows: readonly Cell[][], start: number, end: number): Table {
	const slice = rows.slice(start, end);
	const columns: Record<string, Vector> = {};
	types.forEach((type, i) => (columns[`c${i}`] = columnVector(type, slice.map((row) => row[i]))));
	return new Table(columns);
}

function columnVector(type: ColumnType, cells: readonly Cell[]): Vector {
	switch (type) {
		case 'VARCHAR':
		case 'TIMESTAMP':
			return utf8Vector(cells.map((c) => (c === null ? null : String(c))));
		case 'VARCHAR[]':
			return listVector(cells.map((c) => (c === null ? null : (c as string[]))));
		case 'BOOLEAN':
			return fixedVector(new Bool(), cells, (n) => new Uint8Array((n + 7) >> 3), (data, i, c) => {
				if (c) data[i >> 3] |= 1 << (i & 7);
			});
		case 'DOUBLE':
			return fixedVector(new Float64(), cells, (n) => new Float64Array(n), (data, i, c) => (data[i] = Number(c)));
		case 'INTEGER':
			return fixedVector(new Int32(), cells, (n) => new Int32Array(n), (data, i, c) => (data[i] = Number(c)));
	}
}

/** A column of fixed-width values: `set` writes each non-null cell into the data array made by `make`. */
function fixedVector<T extends DataType, A extends Uint8Array | Int32Array | Float64Array>(
	type: T, cells: readonly Cell[], make: (n: number) => A, set: (data: A, i: number, cell: Cell) => void
): Vector<T> {
	const n = cells.length;
	const data = make(n);
	const { nullCount, nullBitmap } = validity(cells);
	cells.forEach((cell, i) => {
		if (cell !== null) set(data, i, cell);
	});
	return makeVector(makeData({ type, length: n, nullCount, nullBitmap, data } as never)) as Vector<T>;
}

/** Lists of strings: one Utf8 child of all their items, and where each list's items start. */
function listVector(lists: readonly (string[] | null)[]): Vector<List<Utf8>> {
	const offsets = new Int32Array(lists.length + 1);
	const items: string[] = [];
	lists.forEach((list, i) => {
		if (list !== null) for (const item of list) items.push(item);
		offsets[i + 1] = items.length;
	});
	const { nullCount, nullBitmap } = validity(lists);
	const child = utf8Vector(items).data[0] as Data<Utf8>;
	const type = new List(new Field('item', new Utf8(), true));
	return makeVector(makeData({ type, length: lists.length, nullCount, nullBitmap, valueOffsets: offsets, child }));
}

/** Arrow's validity bitmap of `values` (null when none is null). */
function validity(values: readonly unknown[]): { nullCount: number; nullBitmap: Uint8Array | null } {
	const bitmap = new Uint8Array((values.length + 7) >> 3);
	let nullCount = 0;
	values.forEach((value, i) => {
		if (value === null) nullCount++;
		else bitmap[i >> 3] |= 1 << (i & 7);
	});
	return { nullCount, nullBitmap: nullCount > 0 ? bitmap : null };
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
	const offsets = new Int32Array(values.length + 1);
	const { nullCount, nullBitmap } = validity(values);
	const hasNul = values.some((value) => value !== null && value.includes('\0'));
	const data = hasNul ? encodeEach(values, offsets) : encodeJoined(values, offsets);
	return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap, valueOffsets: offsets, data }));
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
