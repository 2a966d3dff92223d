import { DateDay, Field, Int64, List, makeData, makeVector, Struct, Table, TimestampMicrosecond, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
	arrowTableToRows,
	daysToIsoDate,
	decimalToPlain,
	integerToPlain,
	microsToEpochMs,
	microsToTimeOfDay,
	toParam,
	toPlainValue
} from './convert';
import { utf8Vector } from './to-arrow';

describe('integerToPlain', () => {
	it('gives a number while it is exact', () => {
		expect(integerToPlain(42n)).toBe(42);
		expect(integerToPlain(-9007199254740991n)).toBe(-9007199254740991);
	});

	it('gives the decimal string past 2^53, so ids and counts are never rounded', () => {
		expect(integerToPlain(9007199254740993n)).toBe('9007199254740993');
		expect(integerToPlain(-(2n ** 70n))).toBe('-1180591620717411303424');
	});
});

describe('time values', () => {
	it('floors microseconds to milliseconds, before 1970 too', () => {
		expect(microsToEpochMs(1_710_064_800_123_456n)).toBe(1_710_064_800_123);
		expect(microsToEpochMs(-1n)).toBe(-1);
		expect(microsToEpochMs(-1000n)).toBe(-1);
		expect(microsToEpochMs(-1001n)).toBe(-2);
	});

	it('writes dates as YYYY-MM-DD in UTC, whatever the process time zone', () => {
		expect(daysToIsoDate(0)).toBe('1970-01-01');
		expect(daysToIsoDate(19792)).toBe('2024-03-10');
		expect(daysToIsoDate(-1)).toBe('1969-12-31');
	});

	it('writes times of day with a fraction only when there is one', () => {
		expect(microsToTimeOfDay(36_672_000_000n)).toBe('10:11:12');
		expect(microsToTimeOfDay(36_672_500_000n)).toBe('10:11:12.500000');
	});
});

describe('decimalToPlain', () => {
	it('keeps the decimal digits exact', () => {
		expect(decimalToPlain(125n, 2)).toBe(1.25);
		expect(decimalToPlain(-75n, 1)).toBe(-7.5);
		expect(decimalToPlain(11n, 1)).toBe(1.1);
		expect(decimalToPlain(5n, 3)).toBe(0.005);
	});

	it('treats scale 0 as an integer (DuckDB-WASM sends HUGEINT as DECIMAL(38,0))', () => {
		expect(decimalToPlain(3n, 0)).toBe(3);
		expect(decimalToPlain(2n ** 100n, 0)).toBe('1267650600228229401496703205376');
	});
});

describe('toParam', () => {
	it('passes strings, numbers, booleans and null; BigInt by the BIGINT rule', () => {
		expect([toParam('a'), toParam(1.5), toParam(false), toParam(null), toParam(undefined), toParam(7n)]).toEqual([
			'a',
			1.5,
			false,
			null,
			null,
			7
		]);
	});

	it('refuses values that would bind differently per engine', () => {
		expect(() => toParam(new Date(0))).toThrow(/Unsupported query parameter \(\[object Date\]\)/);
		expect(() => toParam({})).toThrow(/Unsupported/);
	});
});

describe('arrowTableToRows', () => {
	it('converts column by column: BigInt, timestamps, dates, nulls, lists, structs', () => {
		const table = new Table({
			n: makeVector(new BigInt64Array([1n, 2n ** 60n])),
			at: makeVector(makeData({ type: new TimestampMicrosecond(), length: 2, data: new BigInt64Array([1_500n, -1n]) })),
			day: vectorFromArray([Date.UTC(2024, 2, 10), null], new DateDay()),
			s: utf8Vector(['ёлка 🎄', null]),
			l: vectorFromArray([[1n, 2n], []], new List(new Field('item', new Int64()))),
			st: vectorFromArray([{ a: 'x' }, { a: null }], new Struct([new Field('a', new Utf8(), true)]))
		});
		expect(arrowTableToRows(table)).toEqual([
			{ n: 1, at: 1, day: '2024-03-10', s: 'ёлка 🎄', l: [1, 2], st: { a: 'x' } },
			{ n: '1152921504606846976', at: -1, day: null, s: null, l: [], st: { a: null } }
		]);
	});

	it('gives an empty array for an empty result', () => {
		expect(arrowTableToRows(new Table({ x: utf8Vector([]) }))).toEqual([]);
	});
});

describe('toPlainValue without a type', () => {
	it('converts by shape: BigInt, Date, arrays', () => {
		expect(toPlainValue([1n, new Date(5), 'x', null])).toEqual([1, 5, 'x', null]);
	});
});
