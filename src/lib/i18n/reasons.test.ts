import { describe, expect, it } from 'vitest';
import { localizeReason } from './reasons';

describe('localizeReason', () => {
	it('says a bad date in Russian with the value kept', () => {
		expect(localizeReason("timestamp '31.02.2024 10:00' is not a date", 'ru')).toBe('время «31.02.2024 10:00» не читается как дата');
	});
	it('agrees the number of fields in Russian', () => {
		expect(localizeReason('row has 5 fields, the header has 7', 'ru')).toBe('в строке 5 полей, а в заголовке 7');
		expect(localizeReason('row has 3 fields, the header has 7', 'ru')).toBe('в строке 3 поля, а в заголовке 7');
		expect(localizeReason('row has 1 field, the header has 7', 'ru')).toBe('в строке 1 поле, а в заголовке 7');
	});
	it('names the first copy of a duplicate', () => {
		expect(localizeReason('duplicate of a.csv row 2', 'ru')).toBe('повтор: то же сообщение уже есть в «a.csv», строка 2');
		expect(localizeReason('duplicate of dev.json $[60].agentURL', 'ru')).toBe('повтор: то же сообщение уже есть (dev.json $[60].agentURL)');
	});
	it('says an unclosed quote that swallowed later rows in Russian', () => {
		expect(localizeReason('unclosed quote: this field runs on over the rows after it up to a later quote; fix the quotes and import again', 'ru'))
			.toMatch(/^незакрытая кавычка: поле захватывает следующие строки/);
	});
	it('keeps the unknown role value', () => {
		expect(localizeReason("unknown role 'Курьер': map it to customer, agent, bot or system (command line: --roles \"Курьер=agent\")", 'ru'))
			.toMatch(/^неизвестная роль «Курьер»/);
	});
	it('leaves English as it is, and an unknown reason as it is', () => {
		expect(localizeReason('the file is empty', 'en')).toBe('the file is empty');
		expect(localizeReason('something new', 'ru')).toBe('something new');
	});
});
