/**
 * The share link (issue 5): a ShareReport, deflated and base64url-encoded into the URL fragment
 * (`https://…/shared#r=…`). A fragment is never sent to a server, so opening the link uploads nothing.
 * A link comes from strangers: `decodeShareLink` checks every field before anything reads the report, and a
 * link that is not a report gives a ShareLinkError with a reason the page can put into words.
 */
import { REPLY_BUCKETS } from '$lib/analysis/view-types';
import { SHARE_SCHEMA, type ShareReport } from './share-report';

/** Longer links are cut or refused by some messengers (and by some browsers' address bars): offer the file instead. */
export const LINK_LENGTH_LIMIT = 8_000;
/** The fragment's key: `#r=…`. */
const PARAM = 'r=';
/** Refuse fragments and inflated reports beyond these sizes (a "zip bomb" would otherwise fill the memory). */
const MAX_ENCODED = 2_000_000;
const MAX_JSON_BYTES = 5_000_000;

/** Why a link, file or text is not a shared report. */
export type ShareErrorReason = 'empty' | 'encoding' | 'compression' | 'json' | 'schema' | 'shape' | 'size';

/** A link (or file) that is not a readable shared report; `reason` chooses the sentence shown, `message` says more. */
export class ShareLinkError extends Error {
	constructor(
		readonly reason: ShareErrorReason,
		message: string
	) {
		super(message);
		this.name = 'ShareLinkError';
	}
}

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
	// Write and close without awaiting: the reader below drains the output (awaiting first could deadlock).
	writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
	writer.close().catch(() => {});
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
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

// ---- Validation: the shape of ShareReport, field by field ----

type Check = (value: unknown, path: string) => void;

const fail = (path: string, expected: string): never => {
	throw new ShareLinkError('shape', `Not a valid report: ${path} should be ${expected}.`);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Longest text accepted in a field (an excerpt is at most 300 characters; names and zones are short). */
const MAX_TEXT = 5_000;
/** Most rows accepted in a list (the report keeps tens; weekly points are weeks × departments). */
const MAX_ROWS = 5_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text: Check = (v, p) => void ((typeof v !== 'string' || v.length > MAX_TEXT) && fail(p, 'a text'));
const textOrNull: Check = (v, p) => void (v !== null && text(v, p));
const day: Check = (v, p) => void ((typeof v !== 'string' || !DAY.test(v) || Number.isNaN(Date.parse(v))) && fail(p, 'a day (YYYY-MM-DD)'));
const count: Check = (v, p) => void ((typeof v !== 'number' || !Number.isFinite(v) || v < 0) && fail(p, 'a number of 0 or more'));
const countOrNull: Check = (v, p) => void (v !== null && count(v, p));
const share: Check = (v, p) => void ((typeof v !== 'number' || !(v >= 0 && v <= 1)) && fail(p, 'a share from 0 to 1'));
const shareOrNull: Check = (v, p) => void (v !== null && share(v, p));
const flag: Check = (v, p) => void (typeof v !== 'boolean' && fail(p, 'true or false'));
const oneOf = (values: readonly unknown[]): Check => (v, p) => void (!values.includes(v) && fail(p, `one of ${values.join(', ')}`));
const listOf = (item: Check): Check => (v, p) => {
	if (!Array.isArray(v) || v.length > MAX_ROWS) fail(p, 'a list');
	(v as unknown[]).forEach((x, i) => item(x, `${p}[${i}]`));
};
const shape = (fields: Record<string, Check>, optional: readonly string[] = []): Check => (v, p) => {
	if (!isObject(v)) return fail(p, 'an object');
	for (const [key, check] of Object.entries(fields)) {
		if (optional.includes(key) && v[key] === undefined) continue;
		check(v[key], `${p}.${key}`);
	}
};
const orNull = (check: Check): Check => (v, p) => void (v !== null && check(v, p));

const REPORT: Check = shape(
	{
		language: oneOf(['ru', 'en']),
		owner: textOrNull,
		generated_at: text,
		time_zone: text,
		period: orNull(shape({ first_day: day, last_day: day })),
		source: shape({ files: count, messages: count, conversations: count }),
		anonymised: flag,
		target_s: count,
		headline: shape({
			conversations: count, first_response_median_s: countOrNull, reply_median_s: countOrNull,
			within_target_share: shareOrNull, handoff_share: shareOrNull
		}),
		departments: listOf(shape({
			department: textOrNull, conversations: count, agent_messages: count,
			first_response_median_s: countOrNull, first_response_p90_s: countOrNull, reply_median_s: countOrNull,
			reply_p90_s: countOrNull, within_target_share: shareOrNull, templated_share: shareOrNull,
			off_topic_share: shareOrNull, handoff_share: shareOrNull
		})),
		reply_buckets: listOf(shape({ bucket: oneOf(REPLY_BUCKETS), replies: count })),
		weekly: listOf(shape({ week: day, department: textOrNull, conversations: count, first_response_median_s: count })),
		chains: listOf(shape({ departments: listOf(text), conversations: count, duration_median_s: countOrNull, ping_pong_share: share })),
		flows: listOf(shape({ from: text, to: text, conversations: count, transfers: count })),
		templates: listOf(shape({ text, uses: count, conversations: count, departments: listOf(text), human_copies_bot: flag })),
		off_topic_examples: listOf(shape({ department: textOrNull, question: text, answer: text, relevance: shareOrNull })),
		agents: listOf(shape({
			agent: text, department: textOrNull, role: oneOf(['agent', 'bot']), replies: count,
			reply_median_s: countOrNull, reply_p90_s: countOrNull
		}))
	},
	['off_topic_examples']
);

/**
 * `value` as a ShareReport when it is one (schema 'replyscope.share/1' and every field of the right type), else a
 * ShareLinkError naming the first field that is wrong. The checked value is returned as it is: fields the schema
 * does not know are ignored by every reader.
 */
export function validateShareReport(value: unknown): ShareReport {
	if (!isObject(value) || value.schema !== SHARE_SCHEMA) {
		throw new ShareLinkError('schema', `Not a replyscope report (expected schema "${SHARE_SCHEMA}").`);
	}
	REPORT(value, 'report');
	return value as unknown as ShareReport;
}
