import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise';

describe('normaliseText', () => {
	it('lower-cases and turns ё into е', () => {
		expect(normaliseText('Ваш Счёт ПРОВЕРЕН').text).toBe('ваш счет проверен');
	});

	it('masks numbers, dates, phones, URLs and e-mails', () => {
		const n = normaliseText('Заказ 12345 от 12.05.2024, звоните +7 (495) 123-45-67, пишите a.b@mail.ru, см. https://x.ru/a?b=1');
		expect(n.text).toBe('заказ <num> от <num> звоните <phone> пишите <email> см <url>');
	});

	it('masks the name after a greeting', () => {
		expect(normaliseText('Здравствуйте, Ирина! Ваш заказ готов.').full).toBe('здравствуйте <name> ваш заказ готов');
		expect(normaliseText('Hi Sarah, your order is ready').full).toBe('hi <name> your order is ready');
	});

	it('does not take the first word of the next sentence for a name', () => {
		expect(normaliseText('Здравствуйте! Ваше обращение передано').text).toBe('ваше обращение передано');
	});

	it('masks a name that opens the message before a comma, but not an imperative', () => {
		expect(normaliseText('Владислав, ожидайте ответа').text).toBe(normaliseText('Анна, ожидайте ответа').text);
		expect(normaliseText('Обратитесь, пожалуйста, к бренд-менеджеру').words).toContain('обратитесь');
	});

	it('masks social-media handles and sign-off initials', () => {
		expect(normaliseText('@RReflex_B Please send us an email ^JS').text).toBe('please send us an email');
	});

	it('drops emoji with joiners, skin tones and variation selectors', () => {
		expect(normaliseText('Хорошо 👩‍💻 🙏🏻 ☀️ 🌸').full).toBe(normaliseText('Хорошо').full);
	});

	it('leaves greeting, thanks, apology and closing phrases out of text and content words', () => {
		const n = normaliseText('Добрый день! Благодарим за обращение. К сожалению, штраф отменить нельзя. Хорошего дня 🌸');
		expect(n.text).toBe('штраф отменить нельзя');
		expect([...n.phrases].sort()).toEqual(['apology', 'closing', 'greeting', 'thanks']);
	});

	it('keeps qualified roles as one word', () => {
		expect(normaliseText('Обратитесь к бренд-менеджеру').words).toEqual(['обратитесь', 'бренд-менеджеру']);
	});

	it('counts only content words', () => {
		expect(normaliseText('Мы передали ваш вопрос в отдел').words).toEqual(['передали', 'вопрос', 'отдел']);
	});
});
