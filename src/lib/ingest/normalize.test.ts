import { describe, expect, it } from 'vitest';
import { makeNormalizer } from './normalize';
import type { ImportPlan, RawRecord } from './types';

const PLAN: ImportPlan = {
	format: 'csv',
	encoding: 'windows-1251',
	delimiter: ';',
	mapping: { conversation_id: 'Номер обращения', sent_at: 'Дата и время', role: 'Роль', author: 'Отправитель', department: 'Отдел', text: 'Сообщение' },
	timestampFormat: 'dmy',
	timeZone: 'Europe/Moscow',
	roles: { 'менеджер пвз': 'customer' }
};

const record = (fields: Record<string, string | null>, row = 7): RawRecord => ({ row, fields });
const ROW = { 'Номер обращения': 'C-1', 'Дата и время': '10.05.2024 09:15:00', 'Роль': 'Сотрудник', 'Отправитель': 'Анна', 'Отдел': 'Техподдержка', 'Сообщение': 'Ожидайте ответа' };

describe('makeNormalizer', () => {
	const normalize = makeNormalizer(PLAN, 'chats.csv');

	it('maps a good row to a message with the time read in the dataset zone', () => {
		expect(normalize(record(ROW), 41)).toEqual({
			conversation_id: 'C-1', message_id: 'chats.csv#7', sent_at: Date.UTC(2024, 4, 10, 6, 15), role: 'agent',
			author: 'Анна', department: 'Техподдержка', customer: null, text: 'Ожидайте ответа',
			source: 'chats.csv row 7', seq: 41, sent_local: Date.UTC(2024, 4, 10, 9, 15)
		});
	});
	it('rejects an impossible date with the value in the reason', () => {
		expect(normalize(record({ ...ROW, 'Дата и время': '31.02.2024 10:00' }), 0)).toBe("timestamp '31.02.2024 10:00' is not a date");
	});
	it('rejects an unknown role and says how to map it', () => {
		expect(normalize(record({ ...ROW, 'Роль': 'Курьер' }), 0)).toMatch(/^unknown role 'Курьер'.*--roles "Курьер=agent"/);
	});
	it('keeps an unknown role reason on one line when the value holds a line break', () => {
		expect(normalize(record({ ...ROW, 'Роль': 'Кур\r\nьер' }), 0)).toMatch(/^unknown role 'Кур↵ьер': [^\r\n]+$/);
	});
	it('uses the plan role table before the built-in words', () => {
		expect(normalize(record({ ...ROW, 'Роль': 'Менеджер ПВЗ' }), 0)).toMatchObject({ role: 'customer' });
	});
	it('passes on the reason a reader put on a broken record', () => {
		expect(normalize(record({ ...ROW, _error: 'row has 5 fields, the header has 6' }), 0)).toBe('row has 5 fields, the header has 6');
	});
	it('turns empty optional fields into null but keeps empty text as text', () => {
		expect(normalize(record({ ...ROW, 'Отдел': '  ', 'Сообщение': '' }), 0)).toMatchObject({ department: null, text: '' });
	});
	it('makes the whole file one conversation when there is no conversation column', () => {
		const noConversation = makeNormalizer({ ...PLAN, mapping: { ...PLAN.mapping, conversation_id: undefined } }, 'chat.csv');
		expect(noConversation(record(ROW), 0)).toMatchObject({ conversation_id: 'chat.csv' });
	});
	it('combines a date and a time column, and rejects an empty time cell instead of reading midnight', () => {
		const split = makeNormalizer({ ...PLAN, mapping: { ...PLAN.mapping, sent_at: undefined, sent_date: 'Дата', sent_time: 'Время' } }, 'x.csv');
		expect(split(record({ ...ROW, 'Дата': '10.05.2024', 'Время': '23:30' }), 0)).toMatchObject({ sent_at: Date.UTC(2024, 4, 10, 20, 30) });
		expect(split(record({ ...ROW, 'Дата': '10.05.2024', 'Время': '' }), 0)).toMatch(/^timestamp '10\.05\.2024/);
	});
	it('names a JSON record by its path', () => {
		expect(normalize(record({ ...ROW, _where: '$[3].messages[5]' }), 0)).toMatchObject({ source: 'chats.csv $[3].messages[5]' });
	});
});
