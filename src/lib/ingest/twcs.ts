import type { Role } from '$lib/model';
import { CSV_BATCH, readCsvRecords } from './csv';
import { derivedMapping, ERROR_FIELD } from './record-fields';
import type { ColumnMapping, EncodingName, RawRecord } from './types';

/**
 * "Customer Support on Twitter" (`twcs.csv`, kaggle.com/datasets/thoughtvector/customer-support-on-twitter):
 * one tweet a row, threads only as reply links.
 * The file's own columns give id, time (`Tue Oct 31 22:10:47 +0000 2017`, format `twitter`), author, text and
 * role (`inbound` True = the customer); the reader derives `_conversation`, `_department` and `_customer`.
 */

/** The header that identifies the format. */
export const TWCS_COLUMNS = [
	'tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id'
] as const;

/** Preset mapping: the file's columns where they are exact, derived keys for the thread. */
export const TWCS_MAPPING: ColumnMapping = {
	...derivedMapping(['conversation_id', 'department', 'customer']),
	message_id: 'tweet_id',
	sent_at: 'created_at',
	role: 'inbound',
	author: 'author_id',
	text: 'text'
};

/** `inbound` True is a tweet to the company (the customer), False one from the company. */
export const TWCS_ROLES: Record<string, Role> = { true: 'customer', false: 'agent' };

/** Whether a CSV header is the twcs one. */
export function isTwcsHeader(columns: string[]): boolean {
	return TWCS_COLUMNS.every((name) => columns.includes(name));
}

/** Reads the whole file (threads need every tweet), then yields the records with thread fields, in file order. */
export async function* readTwcsRecords(
	blob: Blob,
	encoding: EncodingName,
	delimiter = ',',
	onBytes?: (bytesDone: number) => void
): AsyncIterable<RawRecord[]> {
	const records: RawRecord[] = [];
	for await (const batch of readCsvRecords(blob, encoding, delimiter, onBytes)) {
		for (const record of batch) records.push(record);
	}
	threadTwcs(records);
	for (let i = 0; i < records.length; i += CSV_BATCH) yield records.slice(i, i + CSV_BATCH);
}

type Tweets = Map<string, RawRecord>;

/**
 * Adds `_conversation` (the thread's root tweet id), `_department` (the company account) and `_customer`
 * (the thread's first customer) to each record, in place. Records with `_error` are left as they are.
 */
export function threadTwcs(records: RawRecord[]): RawRecord[] {
	const tweets: Tweets = new Map();
	for (const record of records) {
		const id = idOf(record);
		if (id !== null && !record.fields[ERROR_FIELD] && !tweets.has(id)) tweets.set(id, record);
	}
	const roots = rootsOf(tweets);
	const companies = new Map<string, string>();
	// The customer who opened the thread; when the root is a company tweet, the first customer in the file.
	const customers = new Map<string, string>();
	for (const [root, record] of tweets) {
		if (roots.get(root) === root && isInbound(record)) customers.set(root, record.fields.author_id ?? '');
	}
	for (const [id, record] of tweets) {
		const root = roots.get(id)!;
		const author = record.fields.author_id ?? '';
		if (isInbound(record)) {
			if (!customers.has(root)) customers.set(root, author);
		} else if (!companies.has(root)) companies.set(root, author);
	}
	for (const [id, record] of tweets) {
		const root = roots.get(id)!;
		record.fields._conversation = root;
		record.fields._department = companyOf(record, tweets) ?? companies.get(root) ?? mentionedCompany(record);
		record.fields._customer = customers.get(root) ?? null;
	}
	return records;
}

function idOf(record: RawRecord): string | null {
	const id = record.fields.tweet_id?.trim();
	return id ? id : null;
}

function isInbound(record: RawRecord): boolean {
	return record.fields.inbound?.trim().toLowerCase() === 'true';
}

/**
 * The root of each tweet's thread: follow `in_response_to_tweet_id` up while the parent is in the file. A reply
 * to a tweet that is not in the file roots its thread at the earliest tweet reached; a cycle of replies (seen in
 * scraped data) is rooted at its member that comes first in the file.
 */
function rootsOf(tweets: Tweets): Map<string, string> {
	const order = new Map([...tweets.keys()].map((id, i) => [id, i]));
	const roots = new Map<string, string>();
	for (const start of tweets.keys()) {
		const path: string[] = [];
		const onPath = new Set<string>();
		let current = start;
		let root: string;
		for (;;) {
			const known = roots.get(current);
			if (known !== undefined) {
				root = known;
				break;
			}
			if (onPath.has(current)) {
				const cycle = path.slice(path.indexOf(current));
				root = cycle.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
				break;
			}
			path.push(current);
			onPath.add(current);
			const parent = tweets.get(current)!.fields.in_response_to_tweet_id?.trim();
			if (!parent || !tweets.has(parent)) {
				root = current;
				break;
			}
			current = parent;
		}
		for (const id of path) roots.set(id, root);
	}
	return roots;
}

/** A company tweet's own account; for a customer tweet, the account it answers or that answers it. */
function companyOf(record: RawRecord, tweets: Tweets): string | null {
	if (!isInbound(record)) return record.fields.author_id ?? null;
	const parent = tweets.get(record.fields.in_response_to_tweet_id?.trim() ?? '');
	if (parent && !isInbound(parent)) return parent.fields.author_id ?? null;
	for (const id of (record.fields.response_tweet_id ?? '').split(',')) {
		const reply = tweets.get(id.trim());
		if (reply && !isInbound(reply)) return reply.fields.author_id ?? null;
	}
	return null;
}

/** A thread without company tweets: the first handle the customer wrote to (customer handles are numbers). */
function mentionedCompany(record: RawRecord): string | null {
	for (const match of (record.fields.text ?? '').matchAll(/@(\w+)/g)) {
		if (!/^\d+$/.test(match[1])) return match[1];
	}
	return null;
}
