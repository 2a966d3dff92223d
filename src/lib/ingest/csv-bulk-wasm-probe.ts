/**
 * Child process for csv-bulk-wasm.test.ts: imports parity cases (csv-bulk-cases.ts) into DuckDB-WASM (the blocking
 * Node build through `createWasmDb`, as the browser runs it) with the bulk CSV path on, and prints one JSON line per
 * case: the summary, the messages and how each file was read. A separate process because a hang inside WASM blocks
 * the event loop (STYLE.md, "Known traps"): the parent kills it instead.
 *
 * Usage: node --import tsx src/lib/ingest/csv-bulk-wasm-probe.ts  (stdin: [{ case, plans }])
 */
import { readFileSync } from 'node:fs';
import { openWasmNodeDb } from '$lib/db/wasm-node-open';
import { caseFiles, type ParityCase } from './csv-bulk-cases';
import { importFiles, MESSAGES_TABLE } from './import-files';
import type { ImportPlan } from './types';

const jobs = JSON.parse(readFileSync(0, 'utf8')) as { case: ParityCase; plans: ImportPlan[] }[];
const db = await openWasmNodeDb();
for (const job of jobs) {
	const paths: { file: string; path: string; why?: string }[] = [];
	try {
		const { imported_at: _, ...summary } = await importFiles(db, await caseFiles(job.case), job.plans, {
			onReadPath: (file, path, why) => paths.push({ file, path, why })
		});
		const messages = await db.query(`SELECT * FROM ${MESSAGES_TABLE} ORDER BY seq`);
		process.stdout.write(`${JSON.stringify({ name: job.case.name, summary, messages, paths })}\n`);
	} catch (error) {
		process.stdout.write(`${JSON.stringify({ name: job.case.name, error: String(error), paths })}\n`);
	}
}
await db.close();
