import { describe, expect, it } from 'vitest';
import { classifyReply } from './reply-kinds';

describe('classifyReply', () => {
	it('finds generic replies in Russian', () => {
		expect(classifyReply('Благодарим за обращение! Хорошего дня 🌸').kind).toBe('generic');
	});

	it('finds generic replies in English', () => {
		expect(classifyReply('Thanks for reaching out! Have a great day 🙂').kind).toBe('generic');
	});

	it('finds stalling replies in Russian', () => {
		expect(classifyReply('Здравствуйте! Ваше обращение передано профильным специалистам, ожидайте ответа.').kind).toBe('stalling');
		expect(classifyReply('Запрос в работе, ожидайте, пожалуйста, ответа 🙂').kind).toBe('stalling');
	});

	it('finds stalling replies in English', () => {
		expect(classifyReply("Please wait, we'll get back to you shortly.").kind).toBe('stalling');
	});

	it('finds redirects and the department in Russian', () => {
		expect(classifyReply('Обратитесь, пожалуйста, к бренд-менеджеру')).toEqual({ kind: 'redirect', department: 'Бренд-менеджер' });
		expect(classifyReply('Напишите в раздел «Претензии»')).toEqual({ kind: 'redirect', department: 'Претензии' });
	});

	it('keeps the territorial manager apart from the brand manager', () => {
		expect(classifyReply('Обратитесь к территориальному менеджеру').department).toBe('Территориальный менеджер');
	});

	it('finds redirects and the department in English', () => {
		expect(classifyReply('Please contact our billing team.')).toEqual({ kind: 'redirect', department: 'Выплаты' });
	});

	it('does not take a question about payments for a redirect', () => {
		expect(classifyReply('Thank you. If the system is asking you to choose a payment method, add funds first.').kind).toBeNull();
	});

	it('leaves real answers unclassified', () => {
		expect(classifyReply('Перезагрузите кассу, затем закройте смену в приложении «Касса».').kind).toBeNull();
		expect(classifyReply('Добрый вечер, коллеги. Действительно, бренд-менеджер должен был до конца разобраться в вопросе.').kind).toBeNull();
	});
});
