import { describe, expect, it } from 'vitest';
import { guessMapping, headerSignature, missingFields, parseMapOption } from '$lib/ingest/columns';
import type { RawRecord } from '$lib/ingest/types';

/** Sample records from a header and rows of values in header order. */
function table(columns: string[], rows: (string | null)[][]): RawRecord[] {
	return rows.map((values, i) => ({ row: i + 1, fields: Object.fromEntries(columns.map((c, j) => [c, values[j]])) }));
}

describe('guessMapping: typical headers', () => {
	it('maps a Russian header', () => {
		const columns = 'Номер обращения;Дата и время;Отправитель;Роль;Отдел;Сообщение'.split(';');
		const sample = table(columns, [
			['1001', '10.05.2024 10:00', 'ПВЗ 123', 'Клиент', '', 'Где возврат?'],
			['1001', '10.05.2024 10:05', 'Анна', 'Сотрудник', 'Техподдержка', 'Проверяем']
		]);
		expect(guessMapping(columns, sample)).toEqual({
			conversation_id: 'Номер обращения',
			sent_at: 'Дата и время',
			author: 'Отправитель',
			role: 'Роль',
			department: 'Отдел',
			text: 'Сообщение'
		});
	});

	it('maps an English header', () => {
		const columns = 'ticket_id,created_at,sender,direction,team,body'.split(',');
		const sample = table(columns, [['T-1', '2024-05-10T10:00:00Z', 'bob', 'inbound', '', 'Hi']]);
		expect(guessMapping(columns, sample)).toEqual({
			conversation_id: 'ticket_id',
			sent_at: 'created_at',
			author: 'sender',
			role: 'direction',
			department: 'team',
			text: 'body'
		});
	});

	it('maps date and time split in two columns', () => {
		const columns = 'Дата;Время;Номер чата;Тип отправителя;Сотрудник;Текст сообщения;Точка'.split(';');
		const sample = table(columns, [
			['10.05.2024', '10:00', '77', 'Клиент', '', 'Здравствуйте', 'ПВЗ-5'],
			['10.05.2024', '10:07:12', '77', 'Оператор', 'Игорь', 'Добрый день', 'ПВЗ-5']
		]);
		expect(guessMapping(columns, sample)).toEqual({
			sent_date: 'Дата',
			sent_time: 'Время',
			conversation_id: 'Номер чата',
			role: 'Тип отправителя',
			author: 'Сотрудник',
			text: 'Текст сообщения',
			customer: 'Точка'
		});
	});

	it('takes a Дата column that carries the time as sent_at', () => {
		const columns = ['Дата', 'Сообщение'];
		const sample = table(columns, [['10.05.2024 10:00', 'Привет']]);
		expect(guessMapping(columns, sample)).toEqual({ sent_at: 'Дата', text: 'Сообщение' });
	});

	it('maps IBM-like flattened JSON keys', () => {
		const columns = [
			'_conversation', '_role', 'client', 'agent', 'datetime', 'message', 'tweet_ID',
			'dialogHeader.company', 'dialogHeader.conversationDateTime', 'dialogHeader.sessionID'
		];
		const sample = table(columns, [
			['s1', 'customer', 'CinVakas', null, '2020-04-01T17:31:32.000Z', '@TeamYouTube Hello', '1245403438755852288',
				'TeamYouTube', '2020-04-01T17:31:32.000Z', 'LgwAXtbbEm0mBvDrGmjk'],
			['s1', 'agent', null, 'TeamYouTube', '2020-04-01T18:58:27.000Z', '@CinVakas Thanks', '1245425308704149506',
				'TeamYouTube', '2020-04-01T17:31:32.000Z', 'LgwAXtbbEm0mBvDrGmjk']
		]);
		expect(guessMapping(columns, sample)).toEqual({
			conversation_id: '_conversation',
			role: '_role',
			customer: 'client',
			author: 'agent',
			sent_at: 'datetime',
			text: 'message',
			message_id: 'tweet_ID',
			department: 'dialogHeader.company'
		});
	});
});

describe('guessMapping: rules and tie-breaks', () => {
	it('ignores case, spaces, punctuation and ё in headers', () => {
		const columns = ['  TICKET ID ', 'Created-At', 'Текст сообщения'];
		const sample = table(columns, [['1', '2024-05-10 10:00', 'x']]);
		expect(guessMapping(columns, sample)).toEqual({ conversation_id: '  TICKET ID ', sent_at: 'Created-At', text: 'Текст сообщения' });
	});

	it('takes `type` as the role only when its values are role words', () => {
		const columns = ['chat_id', 'timestamp', 'type', 'text'];
		const roles = table(columns, [['1', '2024-05-10 10:00', 'customer', 'a'], ['1', '2024-05-10 10:01', 'agent', 'b']]);
		const kinds = table(columns, [['1', '2024-05-10 10:00', 'image', 'a'], ['1', '2024-05-10 10:01', 'text', 'b']]);
		expect(guessMapping(columns, roles).role).toBe('type');
		expect(guessMapping(columns, kinds).role).toBeUndefined();
	});

	it('prefers the role header whose values are role words', () => {
		const columns = ['direction', 'role', 'message', 'date_time'];
		const sample = table(columns, [['north', 'клиент', 'a', '2024-05-10 10:00'], ['south', 'оператор', 'b', '2024-05-10 10:01']]);
		expect(guessMapping(columns, sample).role).toBe('role');
	});

	it('finds a role column by its values when no header names it', () => {
		const columns = ['conversation', 'timestamp', 'who', 'text'];
		const sample = table(columns, [['1', '2024-05-10 10:00', 'Клиент', 'a'], ['1', '2024-05-10 10:01', 'Бот', 'b']]);
		expect(guessMapping(columns, sample).role).toBe('who');
	});

	it('maps a bare id to message_id only beside a conversation column', () => {
		const withConversation = ['id', 'ticket', 'timestamp', 'text'];
		const alone = ['id', 'timestamp', 'text'];
		expect(guessMapping(withConversation, []).message_id).toBe('id');
		expect(guessMapping(alone, []).message_id).toBeUndefined();
	});

	it('uses each column once', () => {
		const columns = ['Клиент', 'Сообщение', 'Время отправки'];
		const sample = table(columns, [['Клиент', 'Привет', '10.05.2024 10:00']]);
		expect(guessMapping(columns, sample)).toEqual({ customer: 'Клиент', text: 'Сообщение', sent_at: 'Время отправки' });
	});

	it('skips a time header whose values are not dates and finds the column that has them', () => {
		const columns = ['created', 'when', 'text'];
		const sample = table(columns, [['вчера', '10.05.2024 10:00', 'a'], ['сегодня', '10.05.2024 11:00', 'b']]);
		expect(guessMapping(columns, sample).sent_at).toBe('when');
	});

	it('takes a lone time column holding full timestamps as sent_at', () => {
		const columns = ['time', 'text'];
		const sample = table(columns, [['2024-05-10 10:00:00', 'a']]);
		expect(guessMapping(columns, sample)).toEqual({ sent_at: 'time', text: 'text' });
	});

	it('leaves a lone clock-only time column unmapped', () => {
		const columns = ['time', 'text'];
		const sample = table(columns, [['10:00', 'a']]);
		expect(guessMapping(columns, sample).sent_at).toBeUndefined();
	});

	it('picks the column with the longest values as text when no header names one', () => {
		const columns = ['chat', 'ts', 'a', 'b'];
		const sample = table(columns, [
			['1', '2024-05-10 10:00', 'ok', 'Здравствуйте, заказ не пришёл'],
			['1', '2024-05-10 10:01', 'no', 'Проверим и ответим']
		]);
		expect(guessMapping(columns, sample).text).toBe('b');
	});

	it('keeps a preset mapping and does not reuse its columns', () => {
		const columns = ['from', 'date', 'text', 'inbound'];
		const sample = table(columns, [['x', '2024-05-10 10:00', 'hi', 'True']]);
		const preset = { role: 'inbound', text: 'text' };
		expect(guessMapping(columns, sample, preset)).toEqual({ role: 'inbound', text: 'text', author: 'from', sent_at: 'date' });
	});

	it('prefers a reader-derived _ key over a raw column of the same name', () => {
		const columns = ['text', 'sent_at', '_text', '_sent_at'];
		expect(guessMapping(columns, [])).toEqual({ text: '_text', sent_at: '_sent_at' });
	});

	it('trusts headers when there are no sample rows', () => {
		const columns = ['conversation_id', 'sent_at', 'role', 'text'];
		expect(guessMapping(columns, [])).toEqual({ conversation_id: 'conversation_id', sent_at: 'sent_at', role: 'role', text: 'text' });
	});

	it('takes a lone time header as sent_at when there are no sample rows', () => {
		expect(guessMapping(['time', 'text'], [])).toEqual({ sent_at: 'time', text: 'text' });
	});
});

describe('missingFields', () => {
	it('asks for a time and a text', () => {
		expect(missingFields({ conversation_id: 'a' })).toEqual(['sent_at', 'text']);
	});

	it('accepts a date column as the time', () => {
		expect(missingFields({ sent_date: 'Дата', text: 'Текст' })).toEqual([]);
	});

	it('does not require conversation or role', () => {
		expect(missingFields({ sent_at: 'ts', text: 'body' })).toEqual([]);
	});
});

describe('headerSignature', () => {
	it('is the same for the same names in another order or spacing', () => {
		expect(headerSignature(['Дата', ' Текст  сообщения'])).toBe(headerSignature(['Текст сообщения', 'Дата']));
	});

	it('ignores a byte-order mark on the first name', () => {
		expect(headerSignature(['\uFEFFДата', 'Текст'])).toBe(headerSignature(['Дата', 'Текст']));
	});

	it('differs for different names, including case', () => {
		expect(headerSignature(['Дата', 'Текст'])).not.toBe(headerSignature(['Дата', 'Сообщение']));
		expect(headerSignature(['Дата'])).not.toBe(headerSignature(['дата']));
	});

	it('does not confuse a name containing the separator with two names', () => {
		expect(headerSignature(['a","b'])).not.toBe(headerSignature(['a', 'b']));
	});
});

describe('parseMapOption', () => {
	it('parses field=Column entries', () => {
		expect(parseMapOption(['text=Сообщение', 'sent_at=Дата и время'])).toEqual({ text: 'Сообщение', sent_at: 'Дата и время' });
	});

	it('keeps = inside the column name', () => {
		expect(parseMapOption(['text=a=b'])).toEqual({ text: 'a=b' });
	});

	it('throws on an unknown field, listing the fields', () => {
		expect(() => parseMapOption(['message=Текст'])).toThrow(/--map: unknown field 'message' in 'message=Текст'; fields are conversation_id, /);
	});

	it('throws when no column is given', () => {
		expect(() => parseMapOption(['text='])).toThrow("--map: 'text=' names no column");
	});
});
