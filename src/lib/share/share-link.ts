/**
 * The share link (issue 5): a ShareReport, deflated and base64url-encoded into the URL fragment
 * (`https://…/shared#r=…`). A fragment is never sent to a server, so opening the link uploads nothing.
 * A link comes from strangers: `decodeShareLink` checks every field before anything reads the report
 * (share-validate.ts), and a link that is not a report gives a ShareLinkError with a reason the page can put into words.
 */
import { ShareLinkError } from './share-error';
import type { ShareReport } from './share-report';
import { validateShareReport } from './share-validate';

export { ShareLinkError, type ShareErrorReason } from './share-error';
export { validateShareReport } from './share-validate';

/** Longer links are cut or refused by some messengers (and by some browsers' address bars): offer the file instead. */
export const LINK_LENGTH_LIMIT = 8_000;
/** The fragment's key: `#r=…`. */
const PARAM = 'r=';
/** Refuse fragments and inflated reports beyond these sizes (a "zip bomb" would otherwise fill the memory). */
const MAX_ENCODED = 2_000_000;
const MAX_JSON_BYTES = 5_000_000;
/** Bytes written into a (de)compression stream at a time (see `pipe`). */
const PIPE_PIECE = 4096;

/** The link of `report`: `${origin}/shared#r=<base64url of deflate-raw(JSON)>`. The report is encoded as given. */
export async function encodeShareLink(report: ShareReport, origin: string): Promise<string> {
	const bytes = new TextEncoder().encode(JSON.stringify(report));
	const deflated = await pipe(bytes, new CompressionStream('deflate-raw'), Infinity);
	return `${origin.replace(/\/+$/, '')}/shared#${PARAM}${toBase64Url(deflated)}`;
}

/**
 * The report of a link's fragment (`#r=…`, `r=…`, or a whole link). Rejects with a ShareLinkError for anything
 * that is not a valid report; never with anything else.
 */
export async function decodeShareLink(hash: string): Promise<ShareReport> {
	const encoded = fragmentValue(hash);
	if (!encoded) throw new ShareLinkError('empty', 'The link holds no report (nothing after "#r=").');
	if (encoded.length > MAX_ENCODED) throw new ShareLinkError('size', 'The link is too long to be a report.');
	if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw new ShareLinkError('encoding', 'The link has characters a report link never has.');
	const bytes = fromBase64Url(encoded);
	let inflated: Uint8Array;
	try {
		inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
	} catch (error) {
		if (error instanceof ShareLinkError) throw error;
		throw new ShareLinkError('compression', 'The link is cut or damaged: it does not unpack.');
	}
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
	} catch {
		throw new ShareLinkError('json', 'The link unpacks, but not to a report.');
	}
	return validateShareReport(value);
}

/** The part after `r=` of a fragment or a whole link, without spaces a messenger may have added. */
function fragmentValue(text: string): string {
	const trimmed = text.trim();
	const hash = trimmed.includes('#') ? trimmed.slice(trimmed.indexOf('#') + 1) : trimmed;
	const param = hash.split('&').find((part) => part.startsWith(PARAM));
	return (param ? param.slice(PARAM.length) : '').replace(/\s+/g, '');
}

/** Pushes `bytes` through a (de)compression stream; stops with a 'size' error beyond `limit` output bytes. */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
	const writer = stream.writable.getWriter();
	// Fed in pieces, each written once the one before was taken, while the reader below drains the output (awaiting
	// the writes first could deadlock). Inflating turns a piece into at most ~1000 times its size, so a "zip bomb"
	// stops a few MB past the limit instead of being inflated whole before the first read.
	void (async () => {
		for (let start = 0; start < bytes.length; start += PIPE_PIECE) {
			await writer.write(bytes.subarray(start, start + PIPE_PIECE) as Uint8Array<ArrayBuffer>);
		}
		await writer.close();
	})().catch(() => {});
	const reader = stream.readable.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel().catch(() => {});
			throw new ShareLinkError('size', 'The report in the link is too large.');
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) out.set(chunk, (offset += chunk.byteLength) - chunk.byteLength);
	return out;
}

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
	let binary: string;
	try {
		binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	} catch {
		throw new ShareLinkError('encoding', 'The link is cut or damaged: it does not decode.');
	}
	// A plain loop: Uint8Array.from with a mapping function took 0.65 s for a 2 MB fragment.
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
