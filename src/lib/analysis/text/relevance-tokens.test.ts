import { describe, expect, it } from 'vitest';
import {
	contentTokens,
	endsWithQuestion,
	isReport,
	opensWithAcknowledgement,
	questionShare,
	splitWords,
	stemWord
} from './relevance-tokens';

describe('contentTokens', () => {
	it('keeps «бренд-менеджер» as one role token', () => {
		expect(contentTokens('Обратитесь к бренд-менеджеру')).toContain('бренд-менеджер');
	});

	it('keeps «территориальный менеджер» as a role token distinct from the brand manager', () => {
		const tokens = contentTokens('Жалоба на территориального менеджера');
		expect(tokens).toContain('территориальный менеджер');
		expect(tokens).not.toContain('бренд-менеджер');
	});

	it('reads «тер. менеджер» as the territorial manager', () => {
		expect(contentTokens('Ситуация с тер. менеджером')).toContain('территориальный менеджер');
	});

	it('never keeps the bare «менеджер»', () => {
		expect(contentTokens('Менеджер не отвечает').some((t) => t.startsWith('менедж'))).toBe(false);
	});

	it('keeps English qualified roles as one token', () => {
		expect(contentTokens('Your territory manager will call')).toContain('territory manager');
		expect(contentTokens('The brand manager approved it')).toContain('brand manager');
	});

	it('keeps order and claim numbers as id tokens and drops amounts', () => {
		const tokens = contentTokens('Штраф 30 000 рублей по отправлению 19572675-0515-1');
		expect(tokens).toContain('#19572675-0515-1');
		expect(tokens.some((t) => t.includes('30'))).toBe(false);
	});

	it('drops greetings, closings, emoji and the name after a greeting', () => {
		expect(contentTokens('Здравствуйте, Анна! Благодарим за обращение! Хорошего дня 🌸')).toEqual([]);
	});

	it('keeps the first word of the message after a greeting that ends a sentence', () => {
		expect(contentTokens('Добрый день. Чек не печатается')).toContain(stemWord('чек'));
		expect(contentTokens('Здравствуйте! Штраф несправедливый')).toContain(stemWord('штраф'));
		expect(contentTokens('Добрый день, Анна! Повреждение фиксируется актом')).toContain(stemWord('повреждение'));
		expect(contentTokens('Добрый день, Анна! Повреждение фиксируется актом')).not.toContain(stemWord('анна'));
	});

	it('drops a name with a patronymic', () => {
		expect(contentTokens('Благодарим за обратную связь, Владислав Анатольевич!')).toEqual([]);
	});

	it('cuts stems to at most five letters so inflections meet', () => {
		expect(stemWord('выплаты')).toBe(stemWord('выплату'));
		expect(stemWord('претензия').length).toBeLessThanOrEqual(5);
	});

	it('folds ё to е and sees Cyrillic word boundaries', () => {
		expect(splitWords('Ёлка,ещё').map((w) => w.text)).toEqual(['елка', 'еще']);
	});
});

describe('reply shapes', () => {
	it('sees a trailing question mark behind emoji', () => {
		expect(endsWithQuestion('Какой номер заказа? 🙂')).toBe(true);
		expect(endsWithQuestion('Готово.')).toBe(false);
	});

	it('leaves out links, @handles and an agent\'s sign-off, which address the message rather than say anything', () => {
		expect(contentTokens('@ItsMe54911547 Please create a support ticket: https://support.rockstargames.com/categories *TB'))
			.toEqual(contentTokens('Please create a support ticket:'));
		expect(contentTokens('@btstokio Check out https://support.spotify.com/us/article/x for what to do next /VM'))
			.toEqual(contentTokens('Check out for what to do next'));
		expect(contentTokens('Order 12345678 is on its way, e-mail anna@example.com')).toContain('#12345678');
	});

	it('reads a question followed by a thank-you and a sign-off as ending in a question', () => {
		expect(endsWithQuestion("@TwistyPunch Could you provide more detail on what's going on? Thanks.^Kartika")).toBe(true);
		expect(endsWithQuestion('Пришлите номер заказа? Спасибо!')).toBe(true);
		expect(endsWithQuestion('Thanks. ^Kartika')).toBe(false);
	});

	it('measures how much of a reply is a question back', () => {
		expect(questionShare('Could you tell me your postcode and whether the problem is with calls, data or both?')).toBe(1);
		expect(questionShare('Сумма пришла в пятницу. Всё верно?')).toBeLessThan(0.5);
		expect(questionShare('Выплата придёт в пятницу.')).toBe(0);
		expect(questionShare('@phantom Please let us know the platform you are experiencing this on so we can help further. *MS')).toBe(1);
		expect(questionShare('Уточните номер заказа и дату выдачи.')).toBe(1);
		expect(questionShare('Пришлите фото вывески в раздел «Проверка пункта», и штраф снимут.')).toBe(0);
	});

	it('tells a customer reporting what they did from one asking', () => {
		expect(isReport('Перезагрузила кассу, чек напечатался')).toBe(true);
		expect(isReport('Заявление в полицию подали, талон есть')).toBe(true);
		expect(isReport("I've uploaded the photo of the damaged item")).toBe(true);
		expect(isReport('Restarted the router like you said, it works now')).toBe(true);
		expect(isReport('Перезагрузила кассу, а чек не печатается. Что делать?')).toBe(false);
		expect(isReport('Касса не включается')).toBe(false);
		expect(isReport('Where is my refund')).toBe(false);
	});

	it('sees a reply that opens by taking note', () => {
		expect(opensWithAcknowledgement('Спасибо, талон получили.')).toBe(true);
		expect(opensWithAcknowledgement('Анна, отлично, замечание снято!')).toBe(true);
		expect(opensWithAcknowledgement('Great to hear it is working again!')).toBe(true);
		expect(opensWithAcknowledgement('Спасибоньки')).toBe(false);
		expect(opensWithAcknowledgement('Штраф снят.')).toBe(false);
	});
});
