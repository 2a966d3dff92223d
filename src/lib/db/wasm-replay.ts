/**
 * For tests that check SQL runs the same on DuckDB-WASM as on native DuckDB: record every statement sent to a
 * native `Db` (and what it answered), then replay them through the WASM engine in a child process
 * (wasm-node-probe.ts; a hang inside WASM would freeze the test runner, so the child is killed instead).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Message } from '$lib/model';
import { openNodeDb } from './node';
import { createMessagesTableSql } from './schema';
import type { Cell, ColumnType, Db, Row } from './types';
import type { ProbeResult, ProbeStep } from './wasm-node-probe';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PROBE = fileURLToPath(new URL('./wasm-node-probe.ts', import.meta.url));
/** How long the replay may take before the child is killed. */
export const REPLAY_LIMIT_MS = 90_000;

/** One recorded statement; `rows` when it was a query, `append` when it was `appendRows` (`sql` then says so). */
type Recorded = { sql: string; params?: unknown[]; rows?: Row[]; append?: { table: string; types: readonly ColumnType[]; rows: readonly Cell[][] } };

/** A Db that records every statement (and what native DuckDB answered) into `log`. */
function recording(db: Db, log: Recorded[]): Db {
	return {
		...db,
		exec: (sql) => (log.push({ sql }), db.exec(sql)),
		appendRows: (table, types, rows) => (log.push({ sql: `appendRows ${table}`, append: { table, types, rows } }), db.appendRows(table, types, rows)),
		query: async <T = Row>(sql: string, params?: unknown[]) => {
			const rows = await db.query<T>(sql, params);
			log.push({ sql, params, rows: rows as Row[] });
			return rows;
		}
	};
}

/** The statements a piece of work sent to native DuckDB, and how each went when replayed in WASM. */
export interface Replay {
	log: Recorded[];
	results: ProbeResult[];
}

/**
 * Runs `work` on a native database holding `messages`, recording every statement, then replays the statements
 * in a fresh WASM database holding the same messages.
 */
export async function recordAndReplay(messages: Message[], work: (db: Db) => Promise<void>): Promise<Replay> {
	const db = await openNodeDb();
	const log: Recorded[] = [];
	try {
		await db.exec(createMessagesTableSql('messages'));
		await db.appendMessages('messages', messages);
		await work(recording(db, log));
	} finally {
		await db.close();
	}
	return { log, results: await replayInWasm(messages, log) };
}

/** Every replayed statement ran in WASM, and each query gave the rows native DuckDB gave. */
export function expectSameRows({ log, results }: Replay): void {
	expect(results).toHaveLength(log.length);
	log.forEach((entry, i) => {
		const result = results[i];
		if (!result.ok) throw new Error(`WASM failed on ${entry.sql.slice(0, 300)}: ${result.error}`);
		if (entry.rows) expect(result.value, entry.sql.slice(0, 200)).toEqual(entry.rows);
	});
}

/** Loads `messages` into a fresh WASM database and replays `log` there; one result per statement of the log. */
async function replayInWasm(messages: Message[], log: Recorded[]): Promise<ProbeResult[]> {
	const results = await probe([
		{ op: 'exec', sql: createMessagesTableSql('messages') },
		{ op: 'append', table: 'messages', messages },
		...log.map((entry): ProbeStep => {
			if (entry.append) return { op: 'appendRows', ...entry.append };
			return entry.rows ? { op: 'query', sql: entry.sql, params: entry.params } : { op: 'exec', sql: entry.sql };
		})
	]);
	return results.slice(2);
}

function probe(steps: ProbeStep[]): Promise<ProbeResult[]> {
	return new Promise((resolve, reject) => {
		const child = execFile(process.execPath, ['--import', 'tsx', PROBE, 'eh'],
			{ cwd: ROOT, timeout: REPLAY_LIMIT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => {
				// Only the result lines: a stray console.log in the engine must not break the parsing.
				const results = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as ProbeResult);
				if (error && results.length < steps.length) reject(new Error(`WASM probe stopped at step ${results.length}: ${error.message}\n${stderr}`));
				else resolve(results);
			});
		child.stdin!.end(JSON.stringify(steps));
	});
}
