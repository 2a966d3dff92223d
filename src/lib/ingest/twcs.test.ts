import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTwcsHeader, readTwcsRecords, threadTwcs, TWCS_COLUMNS } from './twcs';
import type { RawRecord } from './types';

const fixtureBlob = (name: string) => new Blob([readFileSync(join(process.cwd(), 'tests/fixtures', name))]);

async function readFixture(): Promise<Map<string, Record<string, string | null>>> {
	const records: RawRecord[] = [];
	for await (const batch of readTwcsRecords(fixtureBlob('twcs-sample.csv'), 'utf-8')) records.push(...batch);
	return new Map(records.map((r) => [r.fields.tweet_id!, r.fields]));
}

function tweet(id: string, inbound: boolean, author: string, replyTo = '', responses = '', text = ''): RawRecord {
	return {
		row: Number(id),
		fields: { tweet_id: id, author_id: author, inbound: inbound ? 'True' : 'False', created_at: '', text, response_tweet_id: responses, in_response_to_tweet_id: replyTo }
	};
}

describe('twcs', () => {
	it('recognises its header', () => {
		expect(isTwcsHeader([...TWCS_COLUMNS])).toBe(true);
		expect(isTwcsHeader(['tweet_id', 'text'])).toBe(false);
	});

	it('reads every tweet in file order', async () => {
		const tweets = await readFixture();
		expect([...tweets.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '8', '9', '10', '20', '21', '30']);
	});

	it('roots a reply chain at its first tweet', async () => {
		const tweets = await readFixture();
		expect(['1', '2', '3', '4', '5', '6'].map((id) => tweets.get(id)!._conversation)).toEqual(['5', '5', '5', '5', '5', '5']);
	});

	it('starts a thread at a reply to a tweet that is not in the file', async () => {
		const tweets = await readFixture();
		expect([tweets.get('20')!._conversation, tweets.get('21')!._conversation]).toEqual(['20', '20']);
	});

	it('gives a company tweet its own handle as department', async () => {
		expect((await readFixture()).get('9')!._department).toBe('AppleSupport');
	});

	it('gives a customer tweet the company it talks to as department', async () => {
		const tweets = await readFixture();
		expect([tweets.get('5')!._department, tweets.get('10')!._department]).toEqual(['sprintcare', 'AppleSupport']);
	});

	it('takes the department of a thread without company tweets from the handle mentioned', async () => {
		expect((await readFixture()).get('30')!._department).toBe('AppleSupport');
	});

	it('gives every tweet of a thread the customer who opened it', async () => {
		const tweets = await readFixture();
		expect([tweets.get('1')!._customer, tweets.get('9')!._customer]).toEqual(['115712', '115713']);
	});

	it('keeps a quoted text with a line break', async () => {
		expect((await readFixture()).get('8')!.text).toBe('@AppleSupport my iPhone restarts every time I open the camera.\nAny idea?');
	});

	it('roots a cycle of replies at its member that comes first in the file', () => {
		const records = threadTwcs([tweet('7', true, 'c1', '9'), tweet('8', false, 'Co', '7'), tweet('9', true, 'c1', '8')]);
		expect(records.map((r) => r.fields._conversation)).toEqual(['7', '7', '7']);
	});

	it('leaves records with _error alone', () => {
		const broken: RawRecord = { row: 1, fields: { tweet_id: '1', _error: 'row has 3 fields, the header has 7' } };
		expect(threadTwcs([broken])[0].fields._conversation).toBeUndefined();
	});
});
