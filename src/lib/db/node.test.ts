import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeDb } from './node';
import { createMessagesTableSql, MESSAGES_COLUMNS } from './schema';
import { manyMessages, PACKED_ROWS, PACKED_SQL, packedExpected, ROW_TYPES, ROWS_SQL, ROWS_TABLE_SQL, sampleMessages, sampleRows, TYPES_EXPECTED, TYPES_SQL } from './test-messages';
import type { Db } from './types';
import { readPackedRows, unpackStrings } from './packed-rows';

const COLUMNS = MESSAGES_COLUMNS.join(', ');

let db: Db;
beforeEach(async () => {
	db = await openNodeDb();
});
afterEach(async () => {
	await db.close();
});

describe('query', () => {
	it('binds $1, $2 parameters as values, never as SQL', async () => {
		const rows = await db.query('SELECT $1 AS s, $2 + 1 AS n, $3 AS b, $4 AS z', ["it's; DROP TABLE x", 41, true, null]);
		expect(rows).toEqual([{ s: "it's; DROP TABLE x", n: 42, b: true, z: null }]);
	});

	it('returns COUNT(*) as a number, not a BigInt', async () => {
		const [row] = await db.query('SELECT COUNT(*) AS n FROM range(5)');
		expect(row.n).toBe(5);
		expect(() => JSON.stringify(row)).not.toThrow();
	});

	it('returns integers beyond 2^53 as strings, never rounded', async () => {
		const [row] = await db.query('SELECT 9007199254740993::BIGINT AS big, 170141183460469231731687303715884105727::HUGEINT AS huge');
		expect(row).toEqual({ big: '9007199254740993', huge: '170141183460469231731687303715884105727' });
	});

	it('returns timestamps as epoch ms, whatever the process time zone', async () => {
		const [row] = await db.query(
			"SELECT TIMESTAMP '2024-03-10 10:00:00.123456' AS ts, TIMESTAMP '1969-12-31 23:59:59.9995' AS before_epoch"
		);
		expect(row).toEqual({ ts: Date.UTC(2024, 2, 10, 10, 0, 0, 123), before_epoch: -1 });
	});

	it('returns dates as YYYY-MM-DD, decimals and sums as numbers, lists and structs as plain values', async () => {
		const [row] = await db.query(
			"SELECT DATE '2024-03-10' AS d, 1.25::DECIMAL(10,2) AS dec, SUM(x) AS s, [1, 2] AS l, {'a': 'x'} AS st FROM range(3) t(x)"
		);
		expect(row).toEqual({ d: '2024-03-10', dec: 1.25, s: 3, l: [1, 2], st: { a: 'x' } });
	});

	it('converts every type as the WASM engine does (same query in wasm-node.test.ts)', async () => {
		expect(await db.query(TYPES_SQL)).toEqual([TYPES_EXPECTED]);
	});

	it('runs quantile_cont as the metrics do', async () => {
		const [row] = await db.query('SELECT quantile_cont(x, 0.5) AS median, quantile_cont(x, 0.9) AS p90 FROM range(11) t(x)');
		expect(row).toEqual({ median: 5, p90: 9 });
	});

	it('rejects with DuckDB\'s message on a SQL error', async () => {
		await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table does not exist/);
		await expect(db.exec('CREATE TABLE t (x INT); SELEC 1')).rejects.toThrow(/syntax error/);
	});

	it('keeps working after an error', async () => {
		await expect(db.query('SELECT 1/0::INT AS x WHERE nope')).rejects.toThrow();
		expect(await db.query('SELECT 1 AS x')).toEqual([{ x: 1 }]);
	});

	it('refuses a parameter it cannot bind the same way in both engines', async () => {
		await expect(db.query('SELECT $1 AS d', [new Date()])).rejects.toThrow(/Unsupported query parameter/);
	});
});

describe('appendMessages', () => {
	beforeEach(async () => {
		await db.exec(createMessagesTableSql('messages'));
	});

	it('stores what went in: unicode, empty and 1 MB texts, nulls, times before 1970, seq beyond 2^32', async () => {
		const messages = sampleMessages();
		await db.appendMessages('messages', messages);
		const rows = await db.query(`SELECT ${COLUMNS} FROM messages ORDER BY seq`);
		expect(rows).toEqual(messages);
	});

	it('leaves the table unchanged when a message breaks a constraint', async () => {
		const bad = { ...sampleMessages()[0], role: 'manager' } as never;
		await expect(db.appendMessages('messages', [sampleMessages()[1], bad])).rejects.toThrow(/CHECK constraint/i);
		expect(await db.query('SELECT COUNT(*) AS n FROM messages')).toEqual([{ n: 0 }]);
	});

	it('refuses a table whose columns are not the messages columns', async () => {
		await db.exec('CREATE TABLE other (a VARCHAR)');
		await expect(db.appendMessages('other', sampleMessages())).rejects.toThrow(/messages columns/);
	});

	it('loads a million messages in a few seconds', async () => {
		const messages = manyMessages(1_000_000);
		const started = performance.now();
		await db.appendMessages('messages', messages);
		const seconds = (performance.now() - started) / 1000;
		console.log(`node appendMessages: 1,000,000 messages in ${seconds.toFixed(2)} s = ${Math.round(1e6 / seconds).toLocaleString('en')} messages/s`);
		const [row] = await db.query('SELECT COUNT(*) AS n, MAX(seq) AS last, MAX(sent_at) AS at FROM messages');
		expect(row).toEqual({ n: 1_000_000, last: 999_999, at: messages[999_999].sent_at });
		expect(seconds).toBeLessThan(15);
	}, 60_000);
});

describe('appendRows', () => {
	it('stores every column type exactly: separators, NUL, nulls, empty and null lists, times before 1970', async () => {
		const { rows, expected } = sampleRows(3_000);
		await db.exec(ROWS_TABLE_SQL);
		await db.appendRows('r', ROW_TYPES, rows);
		expect(await db.query(ROWS_SQL)).toEqual(expected);
	});

	it('reads rows through packed strings exactly as a plain query reads them (same in wasm-node.test.ts)', async () => {
		await db.exec(createMessagesTableSql('packed_src'));
		await db.appendMessages('packed_src', [...sampleMessages(), ...manyMessages(1_000)]);
		const packed = await readPackedRows(db, 'packed_src', PACKED_ROWS.columns, PACKED_ROWS.orderBy, { rowsPerString: PACKED_ROWS.rowsPerString });
		expect(packed.length).toBe(sampleMessages().length + 1_000);
		expect(packed).toEqual(await db.query(PACKED_ROWS.plainSql));
	});

	it('reads a packed list of strings back item for item (same query in wasm-node.test.ts)', async () => {
		const { rows } = sampleRows(3_000);
		await db.exec(ROWS_TABLE_SQL);
		await db.appendRows('r', ROW_TYPES, rows);
		const [{ packed }] = await db.query<{ packed: string }>(PACKED_SQL);
		expect(unpackStrings(packed)).toEqual(packedExpected(rows));
	});
});

describe('exportTable / importTable', () => {
	it('round-trips the messages table through its bytes', async () => {
		await db.exec(createMessagesTableSql('messages'));
		await db.appendMessages('messages', sampleMessages());
		const bytes = await db.exportTable('messages');
		expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('PAR1');

		const other = await openNodeDb();
		try {
			await other.exec(createMessagesTableSql('messages'));
			await other.importTable('messages', bytes);
			expect(await other.query(`SELECT ${COLUMNS} FROM messages ORDER BY seq`)).toEqual(sampleMessages());
			// The existing definition was kept: its CHECK constraint still holds.
			await expect(other.exec("UPDATE messages SET role = 'manager'")).rejects.toThrow(/CHECK/i);
		} finally {
			await other.close();
		}
	});

	it('creates a missing table and replaces the rows of an existing one', async () => {
		await db.exec('CREATE TABLE t AS SELECT range AS x FROM range(3)');
		const bytes = await db.exportTable('t');
		await db.importTable('copy', bytes);
		await db.importTable('t', bytes);
		expect(await db.query('SELECT (SELECT COUNT(*) FROM copy) AS copied, (SELECT COUNT(*) FROM t) AS kept')).toEqual([
			{ copied: 3, kept: 3 }
		]);
	});
});

describe('memoryLimit', () => {
	it('caps DuckDB and spills to a folder of its own in the temporary folder, removed on close', async () => {
		const db = await openNodeDb(':memory:', { memoryLimit: '300MB' });
		const [setting] = await db.query<{ limit: string; spill: string }>(
			"SELECT current_setting('memory_limit') AS \"limit\", current_setting('temp_directory') AS spill"
		);
		expect(setting.limit).toMatch(/^(28[0-9]|29[0-9]|300)\.\d MiB$/);
		expect(setting.spill.startsWith(join(tmpdir(), 'replyscope-spill-'))).toBe(true);
		// more than the limit: DuckDB writes the table's blocks to the folder instead of failing
		await db.exec("CREATE TABLE big AS SELECT i, repeat('x', 200) || i AS s FROM range(3000000) t(i)");
		const [{ n }] = await db.query<{ n: number }>('SELECT count(DISTINCT s) AS n FROM big');
		expect(n).toBe(3_000_000);
		const [{ spilled }] = await db.query<{ spilled: number }>('SELECT sum(temporary_storage_bytes)::DOUBLE AS spilled FROM duckdb_memory()');
		expect(spilled).toBeGreaterThan(0);
		expect(readdirSync(setting.spill).length).toBeGreaterThan(0);
		await db.close();
		expect(existsSync(setting.spill)).toBe(false);
	});
});
