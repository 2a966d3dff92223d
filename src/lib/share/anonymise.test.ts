import { describe, expect, it } from 'vitest';
import { createAnonymiser } from './anonymise';

describe('createAnonymiser: pseudonyms', () => {
	it('numbers people per role in order of first sight and repeats the same pseudonym', () => {
		const a = createAnonymiser();
		expect(a.customer('Анна Смирнова')).toBe('Клиент 1');
		expect(a.agent('Игорь')).toBe('Сотрудник 1');
		expect(a.customer('Ольга')).toBe('Клиент 2');
		expect(a.customer('Анна Смирнова')).toBe('Клиент 1');
		expect(a.customer('  анна  смирнова ')).toBe('Клиент 1');
		expect(a.agent('Мария')).toBe('Сотрудник 2');
		expect(a.bot('Бот-помощник')).toBe('Бот 1');
	});

	it('keeps null as null', () => {
		const a = createAnonymiser();
		expect(a.customer(null)).toBeNull();
		expect(a.agent(null)).toBeNull();
		expect(a.bot(null)).toBeNull();
	});

	it('speaks English when asked', () => {
		const a = createAnonymiser({ language: 'en' });
		expect([a.customer('John Carter'), a.agent('Sarah'), a.agent('Kevin'), a.bot('HelpBot')]).toEqual(['Customer 1', 'Agent 1', 'Agent 2', 'Bot 1']);
		expect(a.text('Order 12345678, call +1-202-555-0147, Hi Tom,')).toBe('Order [order 1], call [phone], Hi [name],');
	});

	it('maps authors by message role and leaves system authors to text cleaning', () => {
		const a = createAnonymiser();
		expect(a.author('agent', 'Игорь')).toBe('Сотрудник 1');
		expect(a.author('system', 'Система')).toBe('Система');
	});

	it('is deterministic: two anonymisers fed the same calls agree', () => {
		const run = () => {
			const a = createAnonymiser();
			a.customer('Анна Смирнова');
			return a.text('Анне Смирновой: заказ 12345678, ПВЗ № 12, тел. 89123456789');
		};
		expect(run()).toBe(run());
	});
});

describe('createAnonymiser: registered names in text', () => {
	it('replaces every case form of a registered name with its pseudonym', () => {
		const a = createAnonymiser();
		a.customer('Анна Смирнова');
		expect(a.text('Жалоба от Анны Смирновой')).toBe('Жалоба от Клиент 1');
		expect(a.text('Передайте Анне, что всё готово')).toBe('Передайте Клиент 1, что всё готово');
		expect(a.text('С Анной Смирновой связались')).toBe('С Клиент 1 связались');
		expect(a.text('Смирнову предупредили')).toBe('Клиент 1 предупредили');
	});

	it('falls back to "[имя]" when the words belong to different or unregistered people', () => {
		const a = createAnonymiser();
		a.customer('Анна Смирнова');
		a.customer('Анна Котова');
		expect(a.text('Звонила Анна')).toBe('Звонила [имя]');
		expect(a.text('Здравствуйте, Анна Петровна!')).toBe('Здравствуйте, [имя]!');
	});

	it('labels a registered name with its pseudonym and leaves departments alone', () => {
		const a = createAnonymiser();
		a.agent('Мария Лебедева');
		expect(a.label('Мария Лебедева')).toBe('Сотрудник 1');
		expect(a.label('Техподдержка')).toBe('Техподдержка');
		expect(a.label('Территориальный менеджер')).toBe('Территориальный менеджер');
		expect(a.label('Иван Петров')).toBe('[имя]');
	});
});

describe('createAnonymiser: personal data in text', () => {
	it('gives an identifier the same numbered token in every text', () => {
		const a = createAnonymiser();
		expect(a.text('Заказ № 12345678 и заказ 87654321')).toBe('Заказ № [заказ 1] и заказ [заказ 2]');
		expect(a.text('Где заказ 87654321? ПВЗ № 1234')).toBe('Где заказ [заказ 2]? ПВЗ № [ПВЗ 1]');
	});

	it('replaces contacts, addresses and documents with unnumbered tokens', () => {
		const a = createAnonymiser();
		expect(a.text('Тел. +7 (912) 345-67-89, почта anna@mail.ru, @anna_pvz')).toBe('Тел. [телефон], почта [e-mail], [аккаунт]');
		expect(a.text('Адрес: г. Москва, ул. Ленина, д. 5, кв. 12.')).toBe('Адрес: [адрес].');
		expect(a.text('ИНН 7707083893, карта 4276 1234 5678 9012')).toBe('ИНН [документ], карта [карта]');
	});

	it('keeps money, dates, times, durations and departments', () => {
		const a = createAnonymiser();
		const evidence = 'Штраф 30 000 рублей, $25, до 20 мая, в 15:00, за 3 рабочих дня, 12.05.2024. Претензии, Выплаты, Проверка пункта, Бренд-менеджер.';
		expect(a.text(evidence)).toBe(evidence);
	});

	it('keeps clause numbers of the offer and bare site names', () => {
		const a = createAnonymiser();
		const text = 'Согласно пункту 3.2 оферты и пункту 12 правил, см. wildberries.ru';
		expect(a.text(text)).toBe(text);
	});

	it('does not take a capitalised sentence start after a greeting for a name', () => {
		const a = createAnonymiser();
		const text = 'Здравствуйте! Срок рассмотрения до 10 дней. Добрый день, коллеги. Здравствуйте, Прошу помочь';
		expect(a.text(text)).toBe(text);
	});
});

describe('createAnonymiser: links', () => {
	it('replaces a personal link but not the sentence punctuation after it, and keeps a bare site', () => {
		const a = createAnonymiser();
		expect(a.text('Видео тут: https://t.me/anna_s. Сайт: ozon.ru.')).toBe('Видео тут: [ссылка]. Сайт: ozon.ru.');
	});
});

describe('createAnonymiser: numbers', () => {
	it('keeps an amount named by its word even without a currency', () => {
		const a = createAnonymiser();
		expect(a.text('Штраф 150000, сумма 100000 руб')).toBe('Штраф 150000, сумма 100000 руб');
	});

	it('replaces a long bare number and a postal code only before a place', () => {
		const a = createAnonymiser();
		expect(a.text('ID 123456')).toBe('ID [номер 1]');
		expect(a.text('Индекс: 420111, г. Казань')).toBe('Индекс: [адрес]');
	});

	it('replaces a registered login wherever it appears', () => {
		const a = createAnonymiser({ language: 'en' });
		a.agent('agent_417');
		expect(a.text('agent_417 promised a callback')).toBe('Agent 1 promised a callback');
	});
});
