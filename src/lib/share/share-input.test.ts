import { deflateRawSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readShareText, shareErrorText } from '$lib/features/share/share-files';
import { en } from '$lib/i18n/messages.en';
import { ru, type MessageKey } from '$lib/i18n/messages.ru';
import { translate, type MessageParams } from '$lib/i18n/translate';
import { jsonForHtml, renderShareHtml } from './render-html';
import { decodeShareLink, encodeShareLink } from './share-link';
import { ShareLinkError, type ShareErrorReason } from './share-error';
import { sampleReport } from './share-link.fixture';

// Links and report files come from strangers (issue 7): whatever is given to the /shared and /compare readers, the
// answer is a checked report or a ShareLinkError whose reason has a sentence in both languages; never another
// exception, never markup from the data.

/** What a read rejects with (fails the test when it resolves or rejects with anything but a ShareLinkError). */
async function refusal(read: Promise<unknown>): Promise<ShareLinkError> {
	const error = await read.then(() => null, (e: unknown) => e);
	expect(error).toBeInstanceOf(ShareLinkError);
	return error as ShareLinkError;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const deflate = (text: string | Uint8Array) => b64(deflateRawSync(text));
const REASONS: ShareErrorReason[] = ['empty', 'encoding', 'compression', 'json', 'schema', 'version', 'shape', 'size'];

describe('a malformed #r= link gives a reason, never another exception', () => {
	it.each([
		['not base64 at all', '#r=%3Cscript%3E', 'encoding'],
		['base64 of a length no bytes have', '#r=abcde', 'encoding'],
		['bytes that are not deflate', `#r=${b64(new TextEncoder().encode('plain text, not compressed'))}`, 'compression'],
		['deflate of text that is not JSON', `#r=${deflate('<html>hello</html>')}`, 'json'],
		['deflate of bytes that are not UTF-8', `#r=${deflate(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]))}`, 'json'],
		['JSON of another program', `#r=${deflate('{"schema":"other/1","a":1}')}`, 'schema'],
		['a JSON array', `#r=${deflate('[1,2,3]')}`, 'schema'],
		['a report of a later version', `#r=${deflate(JSON.stringify({ ...sampleReport(), schema: 'replyscope.share/2' }))}`, 'version'],
		['a report with fields missing', `#r=${deflate('{"schema":"replyscope.share/1","language":"ru"}')}`, 'shape'],
		['a count of 1e999 (Infinity once parsed)', `#r=${deflate(JSON.stringify(sampleReport()).replace('"files":1', '"files":1e999'))}`, 'shape']
	])('%s', async (_, hash, reason) => {
		expect((await refusal(decodeShareLink(hash))).reason).toBe(reason);
	});

	it('a link cut anywhere is refused, never read as something else', async () => {
		const link = await encodeShareLink(sampleReport(), 'https://replyscope.example');
		const hash = link.slice(link.indexOf('#'));
		for (let end = 4; end < hash.length; end += 7) {
			expect(['empty', 'encoding', 'compression', 'json']).toContain((await refusal(decodeShareLink(hash.slice(0, end)))).reason);
		}
	});

	it('stops a deflate bomb of 1.4 GB at the 5 MB limit, within seconds', async () => {
		// Each fully flushed 1 MB block of "a" compresses to the same bytes: 1400 of them make the bomb without
		// compressing 1.4 GB here.
		const head = deflateRawSync('{"schema":"replyscope.share/1","pad":"', { finishFlush: constants.Z_FULL_FLUSH });
		const block = deflateRawSync(Buffer.alloc(1024 * 1024, 'a'), { finishFlush: constants.Z_FULL_FLUSH });
		const bomb = Buffer.concat([head, ...Array(1400).fill(block), deflateRawSync('"}')]);
		const hash = `#r=${b64(bomb)}`;
		expect(hash.length).toBeLessThan(2_000_000);
		const started = performance.now();
		expect((await refusal(decodeShareLink(hash))).reason).toBe('size');
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});

describe('a tampered report file gives a reason, never another exception', () => {
	const html = renderShareHtml(sampleReport());
	const block = /(<script type="application\/json" id="replyscope-share">)([^<]*)(<\/script>)/;
	const withBlock = (json: string) => html.replace(block, (_, open: string, __: string, close: string) => `${open}${json}${close}`);

	it('reads back an HTML file and a JSON file the app made', async () => {
		expect(await readShareText(html)).toEqual(sampleReport());
		expect(await readShareText(JSON.stringify(sampleReport(), null, 2))).toEqual(sampleReport());
	});

	it.each([
		['HTML whose data block is not JSON', withBlock('{"schema": "replyscope.share/1", oops'), 'json'],
		['HTML whose data block has a wrong field', withBlock(jsonForHtml({ ...sampleReport(), target_s: 'soon' })), 'shape'],
		['HTML whose data block was cut out', html.replace(block, ''), 'schema'],
		['HTML with markup spliced into the data block', withBlock('{"schema":"replyscope.share/1"}</script><script>alert(1)'), 'shape'],
		['HTML of some other page', '<!doctype html><html><body><script>alert(1)</script></body></html>', 'schema'],
		['a JSON file that is not JSON', '{"schema": "replyscope.share/1",', 'json'],
		['a JSON file of another version', JSON.stringify({ ...sampleReport(), schema: 'replyscope.share/9' }), 'version'],
		['a JSON file with __proto__ in place of the fields', '{"schema":"replyscope.share/1","__proto__":{"language":"ru"}}', 'shape'],
		['an empty file', '', 'empty']
	])('%s', async (_, text, reason) => {
		expect((await refusal(readShareText(text))).reason).toBe(reason);
	});
});

describe('every reason has a sentence for a person, in Russian and in English', () => {
	const t = (messages: Record<string, unknown>) => (key: MessageKey, params?: MessageParams) =>
		translate(messages[key] as string, 'en', params);

	it.each(REASONS)('%s', (reason) => {
		for (const messages of [ru, en]) {
			const text = shareErrorText(new ShareLinkError(reason, 'detail'), t(messages));
			expect(text).not.toMatch(/^shareError\.|undefined|\{/);
			expect(text.length).toBeGreaterThan(10);
		}
	});

	it('speaks of the file, not of a link, when a file is not JSON or is empty', () => {
		for (const reason of ['json', 'empty'] as const) {
			expect(shareErrorText(new ShareLinkError(reason, ''), t(en), 'report.json')).toBe('The file "report.json" holds no replyscope report.');
		}
		expect(shareErrorText(new ShareLinkError('size', ''), t(en), 'huge.html')).toBe('The report is too large to open.');
		expect(shareErrorText(new TypeError('boom'), t(en), 'x.html')).toBe('The file "x.html" holds no replyscope report.');
	});
});
