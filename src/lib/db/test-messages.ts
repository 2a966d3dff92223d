/** Messages for the db tests (node.test.ts, wasm-node.test.ts): edge cases a real export has. */
import type { Message } from '$lib/model';
import type { Cell, ColumnType, Row } from './types';
import { packStringsSql, type PackedColumns } from './packed-rows';

/** 2024-03-10 09:59:59.123 UTC: a millisecond part, and the day US clocks moved (tests run in America/Los_Angeles). */
const T0 = Date.UTC(2024, 2, 10, 9, 59, 59, 123);

export function sampleMessages(): Message[] {
	return [
		{
			conversation_id: 'c1',
			message_id: 'm1',
			sent_at: T0,
			role: 'customer',
			author: 'Ирина',
			department: null,
			customer: 'PVZ-42',
			text: 'Здравствуйте! Где мой заказ? 📦 «ёлка»',
			source: 'chats.csv#1',
			seq: 0,
			sent_local: T0 + 3 * 3_600_000
		},
		{
			conversation_id: 'c1',
			message_id: 'm2',
			sent_at: T0 + 61_000,
			role: 'agent',
			author: null,
			department: 'Техподдержка',
			customer: null,
			text: '',
			source: 'chats.csv#2',
			seq: 1,
			sent_local: T0 + 3 * 3_600_000 + 61_000
		},
		{
			conversation_id: 'c2 "quoted", comma',
			message_id: "m'3",
			sent_at: Date.UTC(1969, 11, 31, 23, 59, 59, 999),
			role: 'bot',
			author: 'bot\tname\nline',
			department: 'Бренд-менеджер',
			customer: null,
			text: 'x'.repeat(1024 * 1024),
			source: 'export.json$.messages[2]',
			seq: 2 ** 40,
			sent_local: Date.UTC(1969, 11, 31, 23, 59, 59, 999)
		}
	];
}

/** `n` plain messages, cheap to make, for the load-rate measurements. */
export function manyMessages(n: number): Message[] {
	const out: Message[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const at = T0 + i * 1000;
		out[i] = {
			conversation_id: `c${i >> 4}`,
			message_id: `m${i}`,
			sent_at: at,
			role: i % 2 ? 'agent' : 'customer',
			author: i % 3 ? `agent ${i % 50}` : null,
			department: i % 2 ? `dept ${i % 7}` : null,
			customer: `cust ${i >> 4}`,
			text: `Сообщение номер ${i}: здравствуйте, ваш заказ в пути, ожидайте доставку завтра.`,
			source: `big.csv#${i + 1}`,
			seq: i,
			sent_local: at + 3 * 3_600_000
		};
	}
	return out;
}

/** One query over every type the conversion table names; both engines must give `TYPES_EXPECTED`. */
export const TYPES_SQL = `SELECT COUNT(*) AS n, SUM(x) AS s,
	TIMESTAMP '2024-03-10 10:00:00.123456' AS ts, TIMESTAMP '1969-12-31 23:59:59.9995' AS before_epoch,
	DATE '2024-03-10' AS d, TIME '10:11:12.5' AS tm, INTERVAL 90 MINUTE AS iv,
	1.25::DECIMAL(10,2) AS dec, 1.25::DECIMAL(30,2) AS wide_dec, -7.5::DECIMAL(4,1) AS neg,
	9007199254740993::BIGINT AS big, 170141183460469231731687303715884105727::HUGEINT AS huge,
	[1, 2] AS l, {'a': 1, 'b': 'x'} AS st, MAP([1, 2], ['a', 'b']) AS m, true AS b, NULL AS z, 'ёлка' AS u
	FROM range(3) t(x)`;

export const TYPES_EXPECTED = {
	n: 3,
	s: 3,
	ts: Date.UTC(2024, 2, 10, 10, 0, 0, 123),
	before_epoch: -1,
	d: '2024-03-10',
	tm: '10:11:12.500000',
	iv: { months: 0, days: 0, micros: 5_400_000_000 },
	dec: 1.25,
	wide_dec: 1.25,
	neg: -7.5,
	big: '9007199254740993',
	huge: '170141183460469231731687303715884105727',
	l: [1, 2],
	st: { a: 1, b: 'x' },
	m: [
		{ key: 1, value: 'a' },
		{ key: 2, value: 'b' }
	],
	b: true,
	z: null,
	u: 'ёлка'
};

/** A table of every column type `Db.appendRows` writes, with an `n` column to read the rows back in order. */
export const ROW_TYPES: ColumnType[] = ['INTEGER', 'VARCHAR', 'VARCHAR[]', 'BOOLEAN', 'DOUBLE', 'TIMESTAMP'];
export const ROWS_TABLE_SQL = 'CREATE TABLE r (n INTEGER, s VARCHAR, l VARCHAR[], b BOOLEAN, x DOUBLE, t TIMESTAMP)';
export const ROWS_SQL = 'SELECT n, s, l, b, x, t FROM r ORDER BY n';
/** The non-null `s` of the `sampleRows` table in one `packStringsSql` aggregate (db/util.ts), in `n` order. */
export const PACKED_SQL = `SELECT ${packStringsSql('s', 'n')} AS packed FROM r WHERE s IS NOT NULL`;
/** What `unpackStrings` must read out of `PACKED_SQL`'s value for `sampleRows(count)`. */
export function packedExpected(rows: readonly Cell[][]): string[] {
	return rows.map((row) => row[1]).filter((s): s is string => s !== null);
}

/**
 * Rows for `appendRows`: awkward values (separators the native path escapes, NUL, quotes, emoji, empty and null
 * lists, nulls in every column), then plain ones up to `count` (past one Arrow batch of 50,000 rows in WASM).
 * Each row goes with what `ROWS_SQL` must read back.
 */
export function sampleRows(count: number): { rows: Cell[][]; expected: Row[] } {
	const awkward: Cell[][] = [
		[0, 'a\u001fb\u001ec\u001dd %1F %25 %', ['x\u001ey', '\u001f', '', "o'neil"], true, 0.1, '2024-03-10 09:59:59.123'],
		[1, 'ёлка 🎄 nul:\0:', [], false, -1.5e300, '1969-12-31 23:59:59.999'],
		[2, null, null, null, null, null],
		[3, '', ['Бренд-менеджер'], true, 0, '2024-03-10 10:00:00'],
		[4, 'one empty item', [''], false, 1, null]
	];
	const rows = [...awkward];
	for (let n = awkward.length; n < count; n++) rows.push([n, `id-${n}`, n % 3 ? [`w${n % 7}`] : [], n % 2 === 0, n / 8, null]);
	const expected = rows.map(([n, s, l, b, x, t]) => ({ n, s, l, b, x, t: t === null ? null : Date.parse(`${t}Z`.replace(' ', 'T')) }));
	return { rows, expected };
}

/** A packed read of the messages table (packed-rows.ts) and the plain query it must equal, row for row. */
export const PACKED_ROWS = {
	columns: {
		conversation_id: 'string',
		message_id: 'string',
		author: 'string',
		customer: 'string',
		text: 'string',
		seq: 'number',
		sent_ms: { sql: 'epoch_ms(sent_at)', kind: 'number' },
		even: { sql: 'CASE WHEN seq % 7 = 0 THEN NULL ELSE seq % 2 = 0 END', kind: 'boolean' },
		third: { sql: 'CASE WHEN seq % 5 = 0 THEN NULL ELSE (seq - 500) / 3 END', kind: 'number' }
	} satisfies PackedColumns<Row>,
	orderBy: 'conversation_id, sent_at, seq',
	/** Small, so that a few thousand rows make several packed strings. */
	rowsPerString: 64,
	plainSql: `SELECT conversation_id, message_id, author, customer, text, seq, epoch_ms(sent_at) AS sent_ms,
			CASE WHEN seq % 7 = 0 THEN NULL ELSE seq % 2 = 0 END AS even,
			CASE WHEN seq % 5 = 0 THEN NULL ELSE (seq - 500) / 3 END AS third
		FROM packed_src ORDER BY conversation_id, sent_at, seq`
};
