import { openAsBlob } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCommitments } from '$lib/analysis/commitments';
import { computeReplyFlags } from '$lib/analysis/detect-flags';
import { computeMetrics } from '$lib/analysis/figures';
import { openNodeDb } from '$lib/db/node';
import { importFiles } from '$lib/ingest/import-files';
import { proposeFile } from '$lib/ingest/propose';
import { buildShareReport } from './share-report';
import { sampleReport } from './share-link.fixture';
import { decodeShareLink, encodeShareLink, LINK_LENGTH_LIMIT, ShareLinkError, validateShareReport } from './share-link';

const ORIGIN = 'https://replyscope.example';
const fragment = (link: string) => link.slice(link.indexOf('#'));

/** The error a decode rejects with (fails the test when it resolves or throws anything but a ShareLinkError). */
async function decodeError(hash: string): Promise<ShareLinkError> {
	const error = await decodeShareLink(hash).then(() => null, (e: unknown) => e);
	expect(error).toBeInstanceOf(ShareLinkError);
	return error as ShareLinkError;
}

async function deflate(text: string): Promise<string> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
	const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
	return Buffer.from(bytes).toString('base64url');
}

describe('encodeShareLink / decodeShareLink', () => {
	it('puts the report in the fragment of /shared, in URL-safe characters only', async () => {
		const link = await encodeShareLink(sampleReport(), `${ORIGIN}/`);
		expect(link.startsWith(`${ORIGIN}/shared#r=`)).toBe(true);
		expect(fragment(link)).toMatch(/^#r=[A-Za-z0-9_-]+$/);
	});

	it('round-trips to the same report, from the fragment or the whole link', async () => {
		const report = sampleReport({ off_topic_examples: [{ department: null, question: 'Где заказ?', answer: 'Погода хорошая', relevance: 0.02 }] });
		const link = await encodeShareLink(report, ORIGIN);
		expect(await decodeShareLink(fragment(link))).toEqual(report);
		expect(await decodeShareLink(` ${link}\n`)).toEqual(report);
	});

	it('says the link is empty when there is nothing after #r=', async () => {
		expect((await decodeError('')).reason).toBe('empty');
		expect((await decodeError('#x=1')).reason).toBe('empty');
	});

	it('rejects characters a link never has', async () => {
		expect((await decodeError('#r=abc<script>')).reason).toBe('encoding');
	});

	it('rejects a cut or tampered link as damaged, never with another exception', async () => {
		const link = await encodeShareLink(sampleReport(), ORIGIN);
		const cut = fragment(link).slice(0, -20);
		expect(['compression', 'json']).toContain((await decodeError(cut)).reason);
		expect((await decodeError('#r=AAAAAAAAAAAAAAAAAAAAAAAA')).reason).toBe('compression');
		expect((await decodeError('#r=garbage')).reason).toMatch(/compression|encoding/);
	});

	it('rejects JSON that is not a report, and a report with a wrong field, naming the field', async () => {
		expect((await decodeError(`#r=${await deflate('not json')}`)).reason).toBe('json');
		expect((await decodeError(`#r=${await deflate('{"schema":"other/1"}')}`)).reason).toBe('schema');
		const bad = { ...sampleReport(), departments: [{ ...sampleReport().departments[0], templated_share: 'lots' }] };
		const error = await decodeError(`#r=${await deflate(JSON.stringify(bad))}`);
		expect(error.reason).toBe('shape');
		expect(error.message).toContain('report.departments[0].templated_share');
	});

	it('refuses a report that inflates beyond the limit (a zip bomb)', async () => {
		const huge = `{"schema":"replyscope.share/1","pad":"${'a'.repeat(6_000_000)}"}`;
		expect((await decodeError(`#r=${await deflate(huge)}`)).reason).toBe('size');
	});
});

describe('validateShareReport', () => {
	it('accepts a report with and without the off-topic examples', () => {
		expect(validateShareReport(sampleReport())).toEqual(sampleReport());
	});

	it.each([
		['a number where a day belongs', { period: { first_day: 5, last_day: '2024-05-16' } }, 'report.period.first_day'],
		['a share above 1', { headline: { ...sampleReport().headline, handoff_share: 7 } }, 'report.headline.handoff_share'],
		['an unknown bucket', { reply_buckets: [{ bucket: 'x', replies: 1 }] }, 'report.reply_buckets[0].bucket'],
		['an unknown language', { language: 'de' }, 'report.language'],
		['a list that is not one', { agents: {} }, 'report.agents']
	])('rejects %s', (_, patch, path) => {
		expect(() => validateShareReport({ ...sampleReport(), ...patch })).toThrow(path);
	});

	it('rejects what is not an object', () => {
		for (const value of [null, 1, 'report', []]) expect(() => validateShareReport(value)).toThrow(ShareLinkError);
	});
});

describe('the share link of the demo data', () => {
	it('is measured against the length messengers accept', async () => {
		const db = await openNodeDb();
		try {
			const file = new File([await openAsBlob('data/demo/support-chats.csv')], 'support-chats.csv');
			await importFiles(db, [file], [(await proposeFile(file, 'Europe/Moscow')).plan]);
			await computeMetrics(db);
			await computeReplyFlags(db);
			await computeCommitments(db, 'Europe/Moscow');
			const base = { language: 'ru', anonymise: true, targetS: 3600, timeZone: 'Europe/Moscow', files: 1 } as const;
			const figures = await buildShareReport(db, { ...base, includeTexts: false });
			const withTexts = await buildShareReport(db, { ...base, includeTexts: true });
			const link = await encodeShareLink(figures, ORIGIN);
			const linkWithTexts = await encodeShareLink(withTexts, ORIGIN);
			console.log(`demo share link: ${link.length} characters (${LINK_LENGTH_LIMIT} limit); with texts ${linkWithTexts.length}`);
			expect(await decodeShareLink(fragment(link))).toEqual(figures);
			expect(linkWithTexts.length).toBeGreaterThan(link.length);
		} finally {
			await db.close();
		}
	}, 120_000);
});
