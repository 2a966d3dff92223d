import { describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import type { InputSummary } from '$lib/engine/protocol';
import { caseFiles, parityCases, type ParityCase } from './csv-bulk-cases';
import { importFiles, MESSAGES_TABLE } from './import-files';
import { proposeFile } from './propose';
import type { ImportPlan } from './types';

// The bulk CSV path (csv-bulk.ts) against the TS path, its reference: the same messages (every column, in seq
// order), the same summary and rejected rows, for every CSV fixture, the demo data and generated edge cases.

/** What one import gave. */
interface ImportResult {
	summary: Omit<InputSummary, 'imported_at'>;
	messages: Record<string, unknown>[];
	paths: { file: string; path: 'bulk' | 'ts'; why?: string }[];
}

async function plansFor(c: ParityCase): Promise<ImportPlan[] | null> {
	const files = await caseFiles(c);
	const proposals = await Promise.all(files.map((f) => proposeFile(f, c.timeZone)));
	if (proposals.some((p) => p.error)) return null;
	return proposals.map((p) => p.plan);
}

async function importWith(db: Db, c: ParityCase, plans: ImportPlan[], csvBulk: 'auto' | 'off'): Promise<ImportResult> {
	const paths: ImportResult['paths'] = [];
	const { imported_at: _, ...summary } = await importFiles(db, await caseFiles(c), plans, {
		csvBulk,
		onReadPath: (file, path, why) => paths.push({ file, path, why })
	});
	const messages = await db.query(`SELECT * FROM ${MESSAGES_TABLE} ORDER BY seq`);
	return { summary, messages, paths };
}

async function withDb<T>(use: (db: Db) => Promise<T>): Promise<T> {
	const db = await openNodeDb();
	try {
		return await use(db);
	} finally {
		await db.close();
	}
}

describe('the bulk CSV path gives what the TS path gives', () => {
	it.each(parityCases().map((c) => [c.name, c] as const))('%s', async (_, c) => {
		const plans = await plansFor(c);
		expect(plans).not.toBeNull();
		const reference = await withDb((db) => importWith(db, c, plans!, 'off'));
		const bulk = await withDb((db) => importWith(db, c, plans!, 'auto'));
		expect(bulk.summary).toEqual(reference.summary);
		expect(bulk.messages).toEqual(reference.messages);
		const csvPaths = bulk.paths.filter((p, i) => plans![i].format === 'csv');
		if (c.bulk !== undefined) {
			for (const p of csvPaths) expect(p, JSON.stringify(p)).toMatchObject({ path: c.bulk ? 'bulk' : 'ts' });
		}
	}, 30_000);
});
