import { existsSync, openAsBlob } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import { importFiles } from '$lib/ingest/import-files';
import { proposeFile } from '$lib/ingest/propose';
import { buildReport } from './build-report';

// Real Twitter customer-care conversations nobody here wrote (shared/realdata/README.md).
const DEV_JSON = resolve(process.cwd(), '../shared/realdata/ibm-care-dev/dev.json');
const absent = !existsSync(DEV_JSON);
if (absent) console.warn(`skipping the real-data report test: ${DEV_JSON} is absent`);

describe.skipIf(absent)('report of the IBM customer-care conversations', () => {
	it('loads every message once with its role and time, and finds the response times', async () => {
		const db = await openNodeDb();
		const file = new File([await openAsBlob(DEV_JSON)], 'dev.json');
		const proposal = await proposeFile(file, 'UTC');
		const report = await buildReport(db, await importFiles(db, [file], [proposal.plan]));
		await db.close();

		// Two conversations appear twice in the file with the same tweet ids: their 6 messages load once.
		expect(report.input).toMatchObject({ rows_read: 1211, rows_loaded: 1205, rows_rejected: 6 });
		expect(report.input.rejected.every((r) => r.reason.startsWith('duplicate of dev.json $['))).toBe(true);
		// One of the two repeated conversations consists only of repeated messages, so 524 of 525 remain.
		expect(report.conversations).toHaveLength(524);
		const count = (role: string) => report.messages.filter((m) => m.role === role).length;
		expect([count('customer'), count('agent'), count('bot'), count('system')]).toEqual([622, 583, 0, 0]);
		// Every conversation ends with the company's reply, so each has a first response, and none is negative.
		const firsts = report.conversations.map((c) => c.first_response_s);
		expect(firsts.every((s) => s !== null && s >= 0)).toBe(true);
		expect(report.departments.map((d) => d.department)).toContain('AppleSupport');
	});
});
