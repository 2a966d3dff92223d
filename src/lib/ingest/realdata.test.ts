import { existsSync, openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileRecords, sniffFile } from './sniff';
import type { RawRecord } from './types';

/**
 * Real conversations kept outside the repository (shared/realdata/README.md): IBM's Twitter customer-care
 * dev set, 525 conversations of 25 companies. Skipped with a notice when the folder is absent.
 */
const IBM_DEV = join(process.cwd(), '..', 'shared', 'realdata', 'ibm-care-dev', 'dev.json');
const present = existsSync(IBM_DEV);
if (!present) console.warn(`realdata.test.ts: ${IBM_DEV} is absent, skipping the real-data tests`);

async function readIbm(): Promise<RawRecord[]> {
	const file = new File([await openAsBlob(IBM_DEV)], 'dev.json');
	const records: RawRecord[] = [];
	for await (const batch of readFileRecords(file, await sniffFile(file))) records.push(...batch);
	return records;
}

describe('IBM Twitter care dev.json', () => {
	it.skipIf(!present)('is sniffed as JSON with the derived mapping', async () => {
		const sniff = await sniffFile(new File([await openAsBlob(IBM_DEV)], 'dev.json'));
		expect(sniff.format).toBe('json');
		expect(sniff.presetMapping).toMatchObject({ role: '_role', sent_at: '_sent_at', conversation_id: '_conversation' });
	});

	it.skipIf(!present)('gives one record per message and per final reply', async () => {
		const records = await readIbm();
		// 686 dialogContent messages + 525 agentURL final replies.
		expect(records).toHaveLength(1211);
		expect(new Set(records.map((r) => r.fields._conversation)).size).toBe(525);
	});

	it.skipIf(!present)('maps client keys to customer and agent keys and final replies to agent', async () => {
		const roles = new Map<string, number>();
		for (const r of await readIbm()) roles.set(r.fields._role!, (roles.get(r.fields._role!) ?? 0) + 1);
		// 606 `client` + 19 `client1`; 61 `agent` + 525 `agentURL`.
		expect(Object.fromEntries(roles)).toEqual({ customer: 625, agent: 586 });
	});

	it.skipIf(!present)('gives every record a valid time, final replies included', async () => {
		const records = await readIbm();
		expect(records.every((r) => !Number.isNaN(Date.parse(r.fields._sent_at ?? '')))).toBe(true);
	});

	it.skipIf(!present)('times a final reply after the messages it closes', async () => {
		const records = await readIbm();
		const last = new Map<string, number>();
		let late = 0;
		for (const r of records) {
			const time = Date.parse(r.fields._sent_at!);
			if (r.fields._where!.endsWith('.agentURL') && time < (last.get(r.fields._conversation!) ?? 0)) late++;
			last.set(r.fields._conversation!, Math.max(time, last.get(r.fields._conversation!) ?? 0));
		}
		expect(late).toBe(0);
	});

	it.skipIf(!present)('names the company as department of every record', async () => {
		const records = await readIbm();
		expect(records.every((r) => r.fields._department && r.fields['conversation.dialogHeader.company'] === r.fields._department)).toBe(true);
	});
});
