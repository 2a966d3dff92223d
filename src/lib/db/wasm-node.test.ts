/**
 * The WASM engine (what the browser runs) through `createWasmDb`, in Node, to catch WASM-only gaps: missing
 * extensions, TIMESTAMP handling, Arrow conversion. It runs in a child process with a hard time limit
 * (see wasm-node-probe.ts): a hang inside WASM would otherwise freeze the test runner.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMessagesTableSql, MESSAGES_COLUMNS } from './schema';
import { manyMessages, PACKED_ROWS, PACKED_SQL, packedExpected, ROW_TYPES, ROWS_SQL, ROWS_TABLE_SQL, sampleMessages, sampleRows, TYPES_EXPECTED, TYPES_SQL } from './test-messages';
import type { ProbeResult, ProbeStep } from './wasm-node-probe';
import { packedRowsSql, rowsFromPacked, unpackStrings } from './packed-rows';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PROBE = fileURLToPath(new URL('./wasm-node-probe.ts', import.meta.url));
const LIMIT_MS = 90_000;
const COLUMNS = MESSAGES_COLUMNS.join(', ');
const MANY = 200_000;
const ROWS = sampleRows(60_000);

/** Runs the steps in a fresh WASM engine and returns one result per step (a missing one means the child hung). */
function probe(bundle: 'eh' | 'mvp', steps: ProbeStep[]): Promise<ProbeResult[]> {
	return new Promise((resolve, reject) => {
		const child = execFile(
			process.execPath,
			['--import', 'tsx', PROBE, bundle],
			{ cwd: ROOT, timeout: LIMIT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => {
				const results = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as ProbeResult);
				if (error && results.length < steps.length) {
					const hung = steps[results.length];
					reject(new Error(`WASM probe stopped at step ${results.length} ${JSON.stringify(hung).slice(0, 200)}: ${error.message}\n${stderr}`));
				} else resolve(results);
			}
		);
		child.stdin!.end(JSON.stringify(steps));
	});
}

const STEPS: ProbeStep[] = [
	{ op: 'exec', sql: createMessagesTableSql('messages') }, // 0
	{ op: 'append', table: 'messages', messages: sampleMessages() }, // 1
	{ op: 'query', sql: `SELECT ${COLUMNS} FROM messages ORDER BY seq` }, // 2
	{ op: 'query', sql: 'SELECT COUNT(*) AS n, $1 AS s, $2 + 1 AS n2, $3 AS z FROM messages WHERE role = $4', params: ["it's", 41, null, 'agent'] }, // 3
	{
		op: 'query', // 4: the metrics' SQL shapes: epoch() differences of TIMESTAMPs, quantile_cont, date_trunc
		sql: `SELECT quantile_cont(x, 0.5) AS median, quantile_cont(x, 0.9) AS p90,
			epoch(TIMESTAMP '2024-03-10 10:00:05' - TIMESTAMP '2024-03-10 10:00:00') AS diff_s,
			epoch(TIMESTAMP '2024-03-10 10:00:05') - epoch(TIMESTAMP '2024-03-10 10:00:00') AS epoch_diff,
			date_trunc('day', TIMESTAMP '2024-03-10 23:59:59')::DATE AS day,
			quantile_cont(TIMESTAMP '2024-01-01' + to_hours(x), 0.5) AS median_ts
			FROM range(11) t(x)`
	},
	{ op: 'query', sql: 'SELECT * FROM no_such_table' }, // 5
	{ op: 'append', table: 'messages', messages: [{ ...sampleMessages()[0], role: 'manager' as never }] }, // 6
	{ op: 'query', sql: 'SELECT COUNT(*) AS n FROM messages' }, // 7
	{ op: 'export', table: 'messages', name: 'saved' }, // 8
	{ op: 'reopen' }, // 9
	{ op: 'exec', sql: createMessagesTableSql('messages') }, // 10
	{ op: 'import', table: 'messages', name: 'saved' }, // 11
	{ op: 'query', sql: `SELECT ${COLUMNS} FROM messages ORDER BY seq` }, // 12
	{ op: 'exec', sql: "UPDATE messages SET role = 'manager'" }, // 13
	{ op: 'import', table: 'fresh', name: 'saved' }, // 14
	{ op: 'query', sql: 'SELECT COUNT(*) AS n FROM fresh' }, // 15
	{ op: 'exec', sql: "COPY messages TO 'never-written.parquet' (FORMAT parquet)" }, // 16
	{ op: 'exec', sql: createMessagesTableSql('messages') }, // 17
	{ op: 'appendMany', table: 'messages', n: MANY }, // 18
	{ op: 'query', sql: 'SELECT COUNT(*) AS n, MAX(seq) AS last FROM messages' }, // 19
	{ op: 'query', sql: TYPES_SQL }, // 20
	{ op: 'exec', sql: ROWS_TABLE_SQL }, // 21
	{ op: 'appendRows', table: 'r', types: ROW_TYPES, rows: ROWS.rows }, // 22
	{ op: 'query', sql: ROWS_SQL }, // 23
	{ op: 'query', sql: PACKED_SQL }, // 24
	{ op: 'exec', sql: createMessagesTableSql('packed_src') }, // 25
	{ op: 'append', table: 'packed_src', messages: [...sampleMessages(), ...manyMessages(1_000)] }, // 26
	{ op: 'query', sql: packedRowsSql('packed_src', PACKED_ROWS.columns, PACKED_ROWS.orderBy, PACKED_ROWS.rowsPerString) }, // 27
	{ op: 'query', sql: PACKED_ROWS.plainSql }, // 28
	// exportTable reads a table in ranges of 100k rows by rowid: 200k rows with gaps, and an empty table
	{ op: 'exec', sql: 'DELETE FROM messages WHERE seq % 7 = 3' }, // 29
	{ op: 'export', table: 'messages', name: 'many' }, // 30
	{ op: 'import', table: 'many_back', name: 'many' }, // 31
	{ op: 'query', sql: `SELECT (SELECT count(*) FROM many_back) AS n,
		(SELECT count(*) FROM (SELECT * FROM messages EXCEPT ALL SELECT * FROM many_back)) AS missing,
		(SELECT count(*) FROM (SELECT * FROM many_back EXCEPT ALL SELECT * FROM messages)) AS extra` }, // 32
	{ op: 'exec', sql: 'CREATE TABLE nothing AS SELECT * FROM messages LIMIT 0' }, // 33
	{ op: 'export', table: 'nothing', name: 'nothing' }, // 34
	{ op: 'import', table: 'nothing_back', name: 'nothing' }, // 35
	{ op: 'query', sql: "SELECT count(*) AS n, (SELECT count(*) FROM information_schema.columns WHERE table_name = 'nothing_back') AS columns FROM nothing_back" } // 36
];

// Only the `eh` bundle (the one Chromium, Firefox and Safari pick): Node's blocking `mvp` build fails every
// statement that throws inside DuckDB with "_setThrew is not defined" (an Emscripten glue gap of that build).
describe.each(['eh'] as const)('DuckDB-WASM (%s bundle) through createWasmDb', (bundle) => {
	let results: ProbeResult[];
	const value = (step: number) => {
		const result = results[step];
		if (!result.ok) throw new Error(`step ${step} failed: ${result.error}`);
		return result.value;
	};
	const error = (step: number) => (results[step].ok ? 'no error' : (results[step] as { error: string }).error);

	beforeAll(async () => {
		results = await probe(bundle, STEPS);
	}, LIMIT_MS + 10_000);

	it('stores what went in: unicode, empty and 1 MB texts, nulls, times before 1970', () => {
		expect(value(2)).toEqual(sampleMessages());
	});

	it('converts every type as the Node engine does (same query in node.test.ts)', () => {
		expect(value(20)).toEqual([TYPES_EXPECTED]);
	});

	it('appends rows of every column type exactly, across Arrow batches (same rows in node.test.ts)', () => {
		value(22);
		expect(value(23)).toEqual(ROWS.expected);
	});

	it('reads rows through packed strings exactly as a plain query reads them (same in node.test.ts)', () => {
		const packed = rowsFromPacked(value(27) as { packed: string }[], PACKED_ROWS.columns);
		expect(packed.length).toBe(sampleMessages().length + 1_000);
		expect(packed).toEqual(value(28));
	});

	it('reads a packed list of strings back item for item (same query in node.test.ts)', () => {
		const [{ packed }] = value(24) as { packed: string }[];
		expect(unpackStrings(packed)).toEqual(packedExpected(ROWS.rows));
	});

	it('binds parameters and returns COUNT(*) as a number', () => {
		expect(value(3)).toEqual([{ n: 1, s: "it's", n2: 42, z: null }]);
	});

	it('runs the metrics SQL: TIMESTAMP arithmetic, epoch, quantile_cont, dates', () => {
		expect(value(4)).toEqual([
			{ median: 5, p90: 9, diff_s: 5, epoch_diff: 5, day: '2024-03-10', median_ts: Date.UTC(2024, 0, 1, 5) }
		]);
	});

	it("rejects with DuckDB's message and keeps working", () => {
		expect(error(5)).toMatch(/no_such_table does not exist/);
		expect(error(6)).toMatch(/CHECK constraint/i);
		expect(value(7)).toEqual([{ n: 3 }]); // the failed append left nothing behind
	});

	it('round-trips the table through exportTable / importTable, keeping the definition', () => {
		expect((value(8) as { bytes: number }).bytes).toBeGreaterThan(1024 * 1024);
		expect(value(12)).toEqual(sampleMessages());
		expect(error(13)).toMatch(/CHECK constraint/i);
		expect(value(15)).toEqual([{ n: 3 }]);
	});

	it('exports a table of several ranges of rows, with gaps, and an empty one, and reads them back whole', () => {
		const kept = MANY - Math.floor((MANY - 4) / 7) - 1; // seq 3, 10, 17, ... deleted
		expect(value(32)).toEqual([{ n: kept, missing: 0, extra: 0 }]);
		expect(value(36)).toEqual([{ n: 0, columns: MESSAGES_COLUMNS.length }]);
	});

	it('has no Parquet offline (an extension DuckDB-WASM would download), and says so', () => {
		expect(error(16)).toMatch(/parquet extension/);
	});

	it('appends in batches at a useful rate', () => {
		const { seconds } = value(18) as { seconds: number };
		console.log(`WASM (${bundle}, Node) appendMessages: ${MANY.toLocaleString('en')} messages in ${seconds.toFixed(2)} s = ${Math.round(MANY / seconds).toLocaleString('en')} messages/s`);
		expect(value(19)).toEqual([{ n: MANY, last: MANY - 1 }]);
	});
});
