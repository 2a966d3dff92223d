/**
 * The bulk CSV path's SQL on DuckDB-WASM (what the browser runs), in a child process with a hard time limit
 * (csv-bulk-wasm-probe.ts): every parity case imported there must give what the TS path gives in native DuckDB.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import { caseFiles, parityCases, type ParityCase } from './csv-bulk-cases';
import { importFiles, MESSAGES_TABLE } from './import-files';
import { proposeFile } from './propose';
import type { ImportPlan } from './types';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PROBE = fileURLToPath(new URL('./csv-bulk-wasm-probe.ts', import.meta.url));
const LIMIT_MS = 240_000;

interface Outcome {
	name: string;
	error?: string;
	summary?: unknown;
	messages?: unknown[];
	paths: { file: string; path: string; why?: string }[];
}

function probe(jobs: { case: ParityCase; plans: ImportPlan[] }[]): Promise<Outcome[]> {
	return new Promise((resolve, reject) => {
		const child = execFile(process.execPath, ['--import', 'tsx', PROBE],
			{ cwd: ROOT, timeout: LIMIT_MS, killSignal: 'SIGKILL', maxBuffer: 512 * 1024 * 1024 },
			(error, stdout, stderr) => {
				const results = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Outcome);
				if (error && results.length < jobs.length) reject(new Error(`WASM probe stopped after ${results.length} cases: ${error.message}\n${stderr}`));
				else resolve(results);
			});
		child.stdin!.end(JSON.stringify(jobs));
	});
}

async function plansFor(c: ParityCase): Promise<ImportPlan[]> {
	const files = await caseFiles(c);
	return (await Promise.all(files.map((f) => proposeFile(f, c.timeZone)))).map((p) => p.plan);
}

async function reference(c: ParityCase, plans: ImportPlan[]) {
	const db = await openNodeDb();
	try {
		const { imported_at: _, ...summary } = await importFiles(db, await caseFiles(c), plans, { csvBulk: 'off' });
		return { summary, messages: await db.query(`SELECT * FROM ${MESSAGES_TABLE} ORDER BY seq`) };
	} finally {
		await db.close();
	}
}

const cases = parityCases();
let outcomes: Outcome[] = [];
const plans = new Map<string, ImportPlan[]>();

beforeAll(async () => {
	for (const c of cases) plans.set(c.name, await plansFor(c));
	outcomes = await probe(cases.map((c) => ({ case: c, plans: plans.get(c.name)! })));
}, LIMIT_MS + 10_000);

describe('the bulk CSV path on DuckDB-WASM gives what the TS path gives', () => {
	it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
		const outcome = outcomes.find((o) => o.name === name);
		if (c.wasmError) return expect(outcome?.error).toContain(c.wasmError);
		expect(outcome?.error).toBeUndefined();
		const expected = await reference(c, plans.get(name)!);
		expect(outcome!.summary).toEqual(expected.summary);
		expect(outcome!.messages).toEqual(expected.messages);
		const csv = outcome!.paths.filter((_, i) => plans.get(name)![i].format === 'csv');
		if (c.bulk !== undefined) for (const p of csv) expect(p, JSON.stringify(p)).toMatchObject({ path: c.bulk ? 'bulk' : 'ts' });
	}, 60_000);
});
