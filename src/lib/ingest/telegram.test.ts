import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonRecords } from './json';
import { isTelegramExport, joinText, readTelegram } from './telegram';

const fixtureText = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures', name), 'utf8');

describe('a one-chat export', () => {
	const result = readJsonRecords(fixtureText('telegram-result.json'), 'result.json');
	const fields = result.records.map((r) => r.fields);

	it('is recognised as Telegram', () => {
		expect(result.format).toBe('telegram');
		expect(result.records).toHaveLength(6);
	});

	it('gives customer to the exporting user, agent to the chat, bot to a message sent via a bot', () => {
		expect(fields.map((f) => f._role)).toEqual(['customer', 'bot', 'system', 'agent', 'customer', 'customer']);
	});

	it('joins text given as entities', () => {
		expect(fields[3]._text).toBe('Елена, добрый день! Сбой устранён, повторите приёмку, пожалуйста.');
	});

	it('writes a service message as its action and details', () => {
		expect(fields[2]._text).toBe('phone_call (duration_seconds: 184, discard_reason: hangup)');
		expect(fields[2]._author).toBe('Елена Смирнова');
	});

	it('takes the time from date_unixtime', () => {
		expect(fields[0]._sent_at).toBe('2024-05-20T07:14:05.000Z');
	});

	it('says what an attachment without text was', () => {
		expect(fields[4]._text).toBe('[photo]');
	});

	it('uses the chat as conversation and department', () => {
		expect(fields[0]).toMatchObject({
			_conversation: '5123456789', _department: 'Поддержка партнёров ПВЗ', _message_id: '5123456789:101', _where: '$.messages[0]'
		});
	});

	it('maps the derived fields', () => {
		expect(result.presetMapping).toMatchObject({ role: '_role', sent_at: '_sent_at', author: '_author', conversation_id: '_conversation' });
		expect(result.presetRoles).toMatchObject({ system: 'system', bot: 'bot' });
	});
});

describe('a full export', () => {
	const result = readJsonRecords(fixtureText('telegram-full-export.json'), 'result.json');
	const group = result.records.filter((r) => r.fields._conversation === '1987654321').map((r) => r.fields);

	it('reads the messages of every chat', () => {
		expect(result.format).toBe('telegram');
		expect(result.records).toHaveLength(13);
		expect(result.records.map((r) => r.row)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
	});

	it('gives customer to the exporting user in a group', () => {
		expect(group[1]).toMatchObject({ _author: 'Елена Смирнова', _role: 'customer' });
	});

	it('gives bot to a sender whose name ends in bot', () => {
		expect(group[2]).toMatchObject({ _author: 'DeliveryCheckBot', _role: 'bot' });
	});

	it('gives agent to a group member whose name says support', () => {
		expect(group[3]._role).toBe('agent');
	});

	it('gives customer to the other group members', () => {
		expect(group[4]).toMatchObject({ _author: 'Иван Орлов', _role: 'customer' });
	});

	it('lists the members a service message added', () => {
		expect(group[0]._text).toBe('invite_members (members: Елена Смирнова, Иван Орлов)');
	});

	it('gives bot to the other party of a bot chat', () => {
		const botChat = result.records.filter((r) => r.fields._department === 'PVZ Helper').map((r) => r.fields._role);
		expect(botChat).toEqual(['customer', 'bot']);
	});

	it('records the path inside the export', () => {
		expect(group[2]._where).toBe('$.chats.list[1].messages[2]');
	});
});

describe('details', () => {
	it('recognises a single chat by its messages', () => {
		expect(isTelegramExport({ name: 'x', type: 'personal_chat', id: 1, messages: [{ id: 1, type: 'message', date: '2024-01-01T00:00:00' }] })).toBe(true);
	});

	it('does not take another document with messages for Telegram', () => {
		expect(isTelegramExport({ type: 'ticket', messages: [{ text: 'a', date: '2024-01-01' }] })).toBe(false);
	});

	it('uses the zone-less date when date_unixtime is missing', () => {
		const [record] = readTelegram({
			name: 'Support', type: 'personal_chat', id: 7,
			messages: [{ id: 1, type: 'message', date: '2019-03-01T10:00:00', from: 'Me', from_id: 'user1', text: 'hi' }]
		});
		expect(record.fields._sent_at).toBe('2019-03-01T10:00:00');
	});

	it('flags a date_unixtime past the dates JavaScript holds, and reads the messages around it', () => {
		const records = readTelegram({
			name: 'Support', type: 'personal_chat', id: 7,
			messages: [
				{ id: 1, type: 'message', date_unixtime: '17161892451716189245', from: 'Me', from_id: 'user1', text: 'hi' },
				{ id: 2, type: 'message', date_unixtime: '1716189245', from: 'Me', from_id: 'user1', text: 'hi again' }
			]
		});
		expect(records[0].fields).toMatchObject({ _sent_at: null, _error: "timestamp '17161892451716189245' is not a date" });
		expect(records[1].fields).toMatchObject({ _sent_at: '2024-05-20T07:14:05.000Z' });
		expect(records[1].fields._error).toBeUndefined();
	});

	it('joins strings and entity objects', () => {
		expect(joinText(['a ', { type: 'bold', text: 'b' }, ' c'])).toBe('a b c');
	});
});

describe('messages Telegram could not export', () => {
	it('are flagged with _error', () => {
		const [record] = readTelegram({ name: 'Support', type: 'personal_chat', id: 7, messages: [{ id: 5, type: 'unsupported' }] });
		expect(record.fields._error).toBe('Telegram could not export this message (type "unsupported")');
	});
});
