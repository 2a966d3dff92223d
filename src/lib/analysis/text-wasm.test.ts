/**
 * The text screens' SQL on DuckDB-WASM (what the browser runs): every statement that storing the flags, marking
 * and the three text screens send to native DuckDB is replayed through the WASM engine in a child process (as in
 * view-wasm.test.ts) and must give the same rows. Catches SQL that native DuckDB accepts and WASM (DuckDB 1.4)
 * does not, such as newer list functions.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import { createMessagesTableSql } from '$lib/db/schema';
import type { Db, Row } from '$lib/db/types';
import type { ProbeResult, ProbeStep } from '$lib/db/wasm-node-probe';
import { computeMetrics } from './figures';
import { readOffTopicView } from './off-topic-view';
import { readRedirects } from './redirects-view';
import { computeReplyFlags } from './detect-flags';
import { readFlagMarks, readMessageFlags, restoreFlagMarks, setFlagMark } from './reply-flags';
import { readTemplatesView } from './templates-view';
import { viewOf } from './test-chats';
import { CLAIMS, SUPPORT, textChats } from './text-fixture';
import type { ViewOptions } from './view-types';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PROBE = fileURLToPath(new URL('../db/wasm-node-probe.ts', import.meta.url));
const LIMIT_MS = 90_000;

function probe(steps: ProbeStep[]): Promise<ProbeResult[]> {
	return new Promise((resolve, reject) => {
		const child = execFile(process.execPath, ['--import', 'tsx', PROBE, 'eh'],
			{ cwd: ROOT, timeout: LIMIT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => {
				// Only the result lines: a stray console.log in the engine must not break the parsing.
				const results = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as ProbeResult);
				if (error && results.length < steps.length) reject(new Error(`WASM probe stopped at step ${results.length}: ${error.message}\n${stderr}`));
				else resolve(results);
			});
		child.stdin!.end(JSON.stringify(steps));
	});
}

type Entry = { sql: string; params?: unknown[]; rows?: Row[] };

/** A Db that records every statement (and what native DuckDB answered). */
function recording(db: Db, log: Entry[]): Db {
	return {
		...db,
		exec: (sql) => (log.push({ sql }), db.exec(sql)),
		query: async <T = Row>(sql: string, params?: unknown[]) => {
			const rows = await db.query<T>(sql, params);
			log.push({ sql, params, rows: rows as Row[] });
			return rows;
		}
	};
}

async function runScreens(db: Db, view: ViewOptions): Promise<void> {
	await readTemplatesView(db, view);
	await readOffTopicView(db, view);
	await readRedirects(db, view);
}

describe('text screens SQL on DuckDB-WASM', () => {
	const log: Entry[] = [];
	let results: ProbeResult[];
	let db: Db;

	beforeAll(async () => {
		db = await openNodeDb();
		await db.exec(createMessagesTableSql('messages'));
		await db.appendMessages('messages', textChats());
		const recorder = recording(db, log);
		await computeMetrics(recorder);
		await computeReplyFlags(recorder);
		await setFlagMark(recorder, 'b-a1', 'template', true);
		await setFlagMark(recorder, 'd-a1', 'off_topic', true);
		await restoreFlagMarks(recorder, [{ message_id: 'b-a1', flag: 'template' }]);
		await readFlagMarks(recorder);
		await readMessageFlags(recorder, 'D');
		await runScreens(recorder, viewOf());
		await runScreens(recorder, viewOf({ filters: { from: '2024-05-06', to: '2024-05-13', departments: [CLAIMS, SUPPORT] } }));
		await setFlagMark(recorder, 'd-a1', 'off_topic', false);
		results = await probe([
			{ op: 'exec', sql: createMessagesTableSql('messages') },
			{ op: 'append', table: 'messages', messages: textChats() },
			...log.map((entry): ProbeStep => (entry.rows ? { op: 'query', sql: entry.sql, params: entry.params } : { op: 'exec', sql: entry.sql }))
		]);
	}, LIMIT_MS + 30_000);
	afterAll(() => db.close());

	it('runs every statement and gives the same rows as native DuckDB', () => {
		expect(results).toHaveLength(log.length + 2);
		log.forEach((entry, i) => {
			const result = results[i + 2];
			if (!result.ok) throw new Error(`WASM failed on ${entry.sql.slice(0, 300)}: ${result.error}`);
			if (entry.rows) expect(result.value, entry.sql.slice(0, 200)).toEqual(entry.rows);
		});
	});
});
