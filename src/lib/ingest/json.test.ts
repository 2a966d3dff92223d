import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonRecords } from './json';
import { TOO_DEEP } from './json-flatten';
import { UnreadableFileError } from './types';

const fixtureText = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures', name), 'utf8');
const read = (value: unknown) => readJsonRecords(JSON.stringify(value), 'test.json');

describe('readJsonRecords: an array of messages', () => {
	const result = readJsonRecords(fixtureText('messages-array.json'), 'messages-array.json');

	it('gives one record per message, numbered from 1', () => {
		expect(result.format).toBe('json');
		expect(result.records.map((r) => r.row)).toEqual([1, 2, 3, 4]);
	});

	it('flattens nested objects with dotted keys', () => {
		expect(result.records[2].fields).toMatchObject({ 'from.name': 'Kirill', 'from.kind': 'agent', 'from.team': 'Equipment' });
	});

	it('joins arrays of strings with line breaks', () => {
		expect(result.records[0].fields.tags).toBe('cash-register\nreturns');
	});

	it('keeps JSON null as null', () => {
		expect(result.records[3].fields.tags).toBeNull();
	});

	it('records the JSON path of each message', () => {
		expect(result.records[1].fields._where).toBe('$[1]');
	});

	it('adds no conversation to a plain list of messages', () => {
		expect(result.records[0].fields._conversation).toBeUndefined();
		expect(result.presetMapping).toBeUndefined();
	});
});

describe('readJsonRecords: conversations holding messages', () => {
	const result = readJsonRecords(fixtureText('nested-conversations.json'), 'nested-conversations.json');

	it('finds the messages array by its shape', () => {
		expect(result.records).toHaveLength(6);
		expect(result.records[1].fields.body).toBe('Добрый день! Проверяем, у оператора связи сбой. Временно выдавайте по QR-коду.');
	});

	it('numbers messages across conversations', () => {
		expect(result.records.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('records the JSON path of each message', () => {
		expect(result.records[3].fields._where).toBe('$[1].conversation_parts[0]');
	});

	it('copies the conversation fields onto each message under a prefix', () => {
		expect(result.records[1].fields).toMatchObject({
			'conversation.id': '215467',
			'conversation.state': 'closed',
			'conversation.customer.name': 'ПВЗ Казань-7',
			'conversation.team': 'Техподдержка',
			id: '9002'
		});
	});

	it('does not copy the messages array onto each message', () => {
		expect(Object.keys(result.records[0].fields).some((k) => k.includes('conversation_parts'))).toBe(false);
	});

	it('takes the conversation id from an id field', () => {
		expect(result.records.map((r) => r.fields._conversation)).toEqual(['215467', '215467', '215467', '215502', '215502', '$[2]']);
	});

	it('maps the conversation to _conversation', () => {
		expect(result.presetMapping).toEqual({ conversation_id: '_conversation' });
	});

	it('prefixes the fields with the key of the list holding the conversations', () => {
		const { records } = read({
			export: 'v2',
			tickets: [{ ticket_id: 'A-1', entries: [{ text: 'hi', date: '2024-01-01T10:00:00Z' }] }]
		});
		expect(records[0].fields).toEqual({
			text: 'hi', date: '2024-01-01T10:00:00Z', 'tickets.ticket_id': 'A-1', _conversation: 'A-1', _where: '$.tickets[0].entries[0]'
		});
	});

	it('takes a root object with a messages array as one conversation', () => {
		const { records } = read({ sessionID: 's-9', messages: [{ message: 'hi', time: 1715332500 }] });
		expect(records[0].fields).toMatchObject({ message: 'hi', time: '1715332500', _conversation: 's-9', _where: '$.messages[0]' });
	});
});

describe('readJsonRecords: NDJSON', () => {
	const result = readJsonRecords(fixtureText('messages.ndjson'), 'messages.ndjson');

	it('reads one record per non-blank line', () => {
		expect(result.format).toBe('ndjson');
		expect(result.records).toHaveLength(5);
	});

	it('turns a bad line into a record with _error', () => {
		expect(result.records[3].fields._error).toMatch(/^line 5 is not valid JSON/);
		expect(result.records[3].fields._where).toBe('line 5');
	});

	it('reads the lines after a bad one', () => {
		expect(result.records[4].fields).toMatchObject({ chat_id: 'pvz-902', sent_at: '1717430000', _where: 'line 6' });
	});

	it('flags a line that is not an object', () => {
		const { records } = readJsonRecords('{"text": "a", "ts": 1}\n[1, 2]\n', 'x.ndjson');
		expect(records[1].fields._error).toBe('line 2 is not a JSON object');
	});
});

describe('readJsonRecords: deep nesting', () => {
	// Found while checking what escapes the importer: a field nested 5000 deep overflowed the stack in flattenInto
	// (RangeError: Maximum call stack size exceeded) and threw out of proposeFile.
	const deep = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

	it('reads a message whose field is nested thousands deep, that field as a note', () => {
		const { records } = readJsonRecords(`[{"text": "hi", "date": "2024-01-01", "extra": ${deep(5000)}}]`, 'deep.json');
		expect(records[0].fields.text).toBe('hi');
		expect(Object.values(records[0].fields)).toContain(TOO_DEEP);
	});

	it('writes an array too deep for JSON.stringify as the same note', () => {
		const { records } = readJsonRecords(`[{"text": "hi", "date": "2024-01-01", "extra": [${deep(200_000)}]}]`, 'deep.json');
		expect(records[0].fields.extra).toBe(TOO_DEEP);
	});
});

describe('readJsonRecords: unsafe keys', () => {
	const text = '[{"text": "hi", "date": "2024-01-01", "__proto__": {"polluted": "yes"}, "constructor": "c"}]';

	it('does not change any prototype', () => {
		const { records } = readJsonRecords(text, 'evil.json');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getPrototypeOf(records[0].fields)).toBe(Object.prototype);
	});

	it('keeps the values under bracketed keys', () => {
		const { records } = readJsonRecords(text, 'evil.json');
		expect(records[0].fields).toMatchObject({ '[__proto__].polluted': 'yes', '[constructor]': 'c' });
	});
});

describe('readJsonRecords: broken documents', () => {
	it('says where a cut-off document ends', () => {
		const text = '[{"text": "Здравствуйте", "date": "2024-01-01"}, {"text": "обры';
		expect(() => readJsonRecords(text, 'cut.json')).toThrow(
			new UnreadableFileError('cut.json', `JSON ends unexpectedly at byte ${Buffer.byteLength(text)}: the file looks cut off`)
		);
	});

	it('says at which byte and line a document is invalid', () => {
		expect(() => readJsonRecords('[\n{"text": "a",}\n]', 'bad.json')).toThrow(/^the JSON is not valid at byte 15 \(line 2\)/);
	});

	// Found by import-files.property.test.ts: a stray quote made V8 quote two lines of the file in its message.
	it('keeps the reason on one line when the engine quotes the file around the error', () => {
		// V8: Unexpected token 'x', "[\n  {"text": "a"},\n  x\n]" is not valid JSON
		const text = '[\n  {"text": "a"},\n  x\n]';
		expect(() => readJsonRecords(text, 'bad.json')).toThrow(/^the JSON is not valid: Unexpected token [^\n\r]+$/);
	});

	it('keeps an NDJSON line reason on one line, CRLF files included', () => {
		const records = readJsonRecords('{"text": "a"}\r\n{"text": "b" x}\r\n{"text": "c"}\r\n', 'chat.ndjson').records;
		expect(records[1].fields._error).toMatch(/^line 2 is not valid JSON: [^\n\r]+$/);
	});

	it('throws UnreadableFileError for an empty document', () => {
		expect(() => readJsonRecords('  \n', 'empty.json')).toThrow(UnreadableFileError);
	});
});

describe('readJsonRecords: IBM Twitter care shape', () => {
	const ibm = [
		{
			agentURL: { doc_id: '1', tweet_ID: '1245425308704149506', url: 'https://x', url_utterance: '@CinVakas Here is how: https://x' },
			dialogContent: [
				{ client: 'CinVakas', datetime: '2020-04-01T17:31:32.000Z', message: '@TeamYouTube my channel is suspended', tweet_ID: '1245403438755852288' },
				{ agent: 'TeamYouTube', datetime: '2020-04-01T17:40:00.000Z', message: '@CinVakas Checking', tweet_ID: '1245405588458283008' },
				{ client1: 'Other', datetime: '2020-04-01T17:45:00.000Z', message: '@TeamYouTube same', tweet_ID: '1245406846518796288' }
			],
			dialogHeader: { company: 'TeamYouTube', sessionID: 'LgwAXtbbEm0mBvDrGmjk' }
		}
	];
	const result = read(ibm);

	it('gives roles from the client and agent keys, and the final reply as an agent message', () => {
		expect(result.records.map((r) => r.fields._role)).toEqual(['customer', 'agent', 'customer', 'agent']);
	});

	it('takes the final reply time from its tweet id', () => {
		expect(result.records[3].fields._sent_at).toBe('2020-04-01T18:58:27.135Z');
	});

	it('fills the derived fields and maps them', () => {
		expect(result.records[0].fields).toMatchObject({
			_conversation: 'LgwAXtbbEm0mBvDrGmjk', _author: 'CinVakas', _department: 'TeamYouTube',
			_message_id: '1245403438755852288', _text: '@TeamYouTube my channel is suspended', _where: '$[0].dialogContent[0]'
		});
		expect(result.presetMapping).toMatchObject({ role: '_role', sent_at: '_sent_at', text: '_text', department: '_department' });
		expect(result.presetRoles).toMatchObject({ customer: 'customer', agent: 'agent' });
	});

	it('writes the final reply as the company', () => {
		expect(result.records[3].fields).toMatchObject({ _author: 'TeamYouTube', _text: '@CinVakas Here is how: https://x', _where: '$[0].agentURL' });
	});
});
