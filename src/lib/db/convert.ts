/**
 * The one place where DuckDB values become plain values (STYLE.md "decide type conversions once").
 *
 * Both engines end here: `node.ts` maps @duckdb/node-api's value classes through the primitives below, and the
 * WASM engine (`wasm.ts`) decodes its Arrow results with `arrowTableToRows` / `toPlainValue`. The rules:
 *
 * | DuckDB type                   | plain value                                                              |
 * |-------------------------------|--------------------------------------------------------------------------|
 * | BIGINT, HUGEINT, UBIGINT, ... | number when a safe integer, else a decimal string (`JSON.stringify` throws on BigInt) |
 * | DECIMAL(w, 0)                 | as BIGINT (DuckDB-WASM sends HUGEINT, e.g. `sum(BIGINT)`, as DECIMAL(38,0)) |
 * | DECIMAL(w, s > 0)             | number                                                                   |
 * | TIMESTAMP (any unit, also TZ) | epoch milliseconds, floored to a whole millisecond                       |
 * | DATE                          | 'YYYY-MM-DD'                                                             |
 * | TIME                          | 'HH:MM:SS' or 'HH:MM:SS.ffffff'                                          |
 * | INTERVAL                      | { months, days, micros } (numbers)                                       |
 * | LIST / ARRAY                  | array of converted items                                                 |
 * | STRUCT                        | object of converted fields                                               |
 * | MAP                           | array of { key, value } (keys need not be strings)                       |
 * | VARCHAR, BOOLEAN, INTEGER, DOUBLE, ENUM, UUID | as is (string, boolean, number)                          |
 * | BLOB                          | Uint8Array                                                               |
 *
 * This module imports Arrow only for its type enums, never an engine, so both the browser and Node can load it.
 */
import { IntervalUnit, Type, type Table, type DataType, type Field } from 'apache-arrow';
import type { Row } from './types';

const MS_PER_DAY = 86_400_000;

/** BIGINT / HUGEINT: a number when exact, a decimal string when not (ids and counts must never be rounded). */
export function integerToPlain(value: bigint | number): number | string {
	if (typeof value === 'number') return value;
	const n = Number(value);
	return Number.isSafeInteger(n) ? n : value.toString();
}

/** Epoch microseconds -> epoch milliseconds, floored (so 1 µs before the epoch is -1 ms, as DuckDB's epoch_ms). */
export function microsToEpochMs(micros: bigint): number {
	let ms = micros / 1000n;
	if (micros % 1000n < 0n) ms -= 1n;
	return Number(ms);
}

/** Days since 1970-01-01 -> 'YYYY-MM-DD'. */
export function daysToIsoDate(days: number): string {
	return epochMsToIsoDate(days * MS_PER_DAY);
}

/** Epoch ms (at or after midnight UTC of a day) -> that day as 'YYYY-MM-DD'. */
export function epochMsToIsoDate(ms: number): string {
	const date = new Date(ms);
	if (Number.isNaN(date.getTime())) return String(ms);
	return date.toISOString().slice(0, 10);
}

/** Microseconds since midnight -> 'HH:MM:SS' (with '.ffffff' when there is a fraction). */
export function microsToTimeOfDay(micros: bigint): string {
	const totalSeconds = micros / 1_000_000n;
	const fraction = micros % 1_000_000n;
	const pad = (n: bigint) => n.toString().padStart(2, '0');
	const hms = `${pad(totalSeconds / 3600n)}:${pad((totalSeconds / 60n) % 60n)}:${pad(totalSeconds % 60n)}`;
	return fraction === 0n ? hms : `${hms}.${fraction.toString().padStart(6, '0')}`;
}

/** A DECIMAL given as its unscaled integer and scale; scale 0 follows the BIGINT rule. */
export function decimalToPlain(unscaled: bigint, scale: number): number | string {
	if (scale <= 0) return integerToPlain(unscaled);
	// Through a decimal string, so that 1.1 stays 1.1 rather than 11 / 10 with a rounding error on top.
	const negative = unscaled < 0n;
	const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
	return Number(`${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

/** An INTERVAL as plain numbers; `micros` loses precision only beyond ±285 years. */
export interface PlainInterval {
	months: number;
	days: number;
	micros: number;
}

/**
 * Converts one value read from an Arrow vector whose type is `type` (DuckDB-WASM results). Without a type the
 * value is converted by its JavaScript shape: BigInt by the BIGINT rule, Date to epoch ms, arrays item by item.
 */
export function toPlainValue(value: unknown, type?: DataType): unknown {
	if (value === null || value === undefined) return null;
	if (!type) return plainByShape(value);
	switch (type.typeId) {
		case Type.Int:
			return typeof value === 'bigint' ? integerToPlain(value) : value;
		case Type.Decimal:
			return decimalToPlain(wordsToBigInt(value as Uint32Array), (type as unknown as { scale: number }).scale);
		case Type.Timestamp:
			// Arrow gives epoch ms with the sub-millisecond part as a fraction (microsecond / nanosecond units).
			return Math.floor(value as number);
		case Type.Date:
			// Arrow gives both DateDay and DateMillisecond as epoch ms.
			return epochMsToIsoDate(value as number);
		case Type.Time:
			return timeToPlain(value, type);
		case Type.Interval:
			return intervalToPlain(value as Int32Array, type);
		case Type.List:
		case Type.LargeList:
		case Type.FixedSizeList:
			return listToPlain(value as Iterable<unknown>, type);
		case Type.Struct:
			return structToPlain(value as Record<string, unknown>, type);
		case Type.Map:
			return mapToPlain(value as Iterable<[unknown, unknown]>, type);
		case Type.Dictionary:
			return toPlainValue(value, (type as unknown as { dictionary: DataType }).dictionary);
		default:
			// Utf8, Bool, Float, Binary, Null: already plain.
			return typeof value === 'bigint' ? integerToPlain(value) : value;
	}
}

/**
 * An Arrow table (a DuckDB-WASM result) -> plain row objects, converting column by column.
 * Duplicate column names keep the last column, as with any object.
 */
export function arrowTableToRows<T = Row>(table: Table): T[] {
	const fields: Field[] = table.schema.fields;
	const rows: Row[] = Array.from({ length: table.numRows }, () => ({}));
	fields.forEach((field, c) => {
		const column = table.getChildAt(c);
		if (!column) return;
		const type = field.type;
		let r = 0;
		for (const value of column) rows[r++][field.name] = toPlainValue(value, type);
	});
	return rows as T[];
}

/** Little-endian 32-bit words of a two's-complement integer (Arrow DECIMAL storage) -> BigInt. */
function wordsToBigInt(words: Uint32Array): bigint {
	let result = 0n;
	for (let i = words.length - 1; i >= 0; i--) result = (result << 32n) | BigInt(words[i] >>> 0);
	const bits = BigInt(words.length * 32);
	return words.length > 0 && words[words.length - 1] & 0x8000_0000 ? result - (1n << bits) : result;
}

function timeToPlain(value: unknown, type: DataType): string {
	const unit = (type as unknown as { unit: number }).unit; // arrow TimeUnit: 0 s, 1 ms, 2 µs, 3 ns
	const raw = BigInt(value as number | bigint);
	const micros = unit === 0 ? raw * 1_000_000n : unit === 1 ? raw * 1000n : unit === 2 ? raw : raw / 1000n;
	return microsToTimeOfDay(micros);
}

function intervalToPlain(words: Int32Array, type: DataType): PlainInterval {
	const unit = (type as unknown as { unit: IntervalUnit }).unit;
	if (unit === IntervalUnit.MONTH_DAY_NANO) {
		const nanos = (BigInt(words[3]) << 32n) | BigInt(words[2] >>> 0);
		return { months: words[0], days: words[1], micros: Number(nanos / 1000n) };
	}
	if (unit === IntervalUnit.DAY_TIME) return { months: 0, days: words[0], micros: words[1] * 1000 };
	return { months: words[0] * 12 + words[1], days: 0, micros: 0 };
}

function listToPlain(items: Iterable<unknown>, type: DataType): unknown[] {
	const itemType = type.children[0]?.type;
	return Array.from(items, (item) => toPlainValue(item, itemType));
}

function structToPlain(row: Record<string, unknown>, type: DataType): Row {
	const out: Row = {};
	for (const field of type.children) out[field.name] = toPlainValue(row[field.name], field.type);
	return out;
}

function mapToPlain(map: Iterable<[unknown, unknown]>, type: DataType): { key: unknown; value: unknown }[] {
	const entry = type.children[0]?.type; // Struct<key, value>
	const [keyType, valueType] = [entry?.children[0]?.type, entry?.children[1]?.type];
	return Array.from(map, ([key, value]) => ({ key: toPlainValue(key, keyType), value: toPlainValue(value, valueType) }));
}

function plainByShape(value: unknown): unknown {
	if (typeof value === 'bigint') return integerToPlain(value);
	if (value instanceof Date) return value.getTime();
	if (value instanceof Uint8Array) return value;
	if (Array.isArray(value)) return value.map((item) => plainByShape(item));
	if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number | bigint>, plainByShape);
	return value;
}

/**
 * A query parameter as both engines can bind it: string, number, boolean or null. BigInt becomes a number
 * (or its decimal string when not exact: DuckDB-WASM passes parameters as JSON). Anything else is refused,
 * so that a Date or an object never turns silently into '[object Object]'.
 * Note: DuckDB-WASM binds every JS number as DOUBLE, Node binds integers as INTEGER/BIGINT; cast in SQL
 * (`$1::BIGINT`) where the type matters.
 */
export function toParam(value: unknown): string | number | boolean | null {
	if (value === null || value === undefined) return null;
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return value;
		case 'number':
			return value;
		case 'bigint':
			return integerToPlain(value);
		default:
			throw new TypeError(`Unsupported query parameter (${Object.prototype.toString.call(value)}): pass a string, number, boolean or null`);
	}
}
