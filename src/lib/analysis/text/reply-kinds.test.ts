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

	it('finds stalling replies that say who has the case and when to expect news, in the staff’s own words', () => {
		for (const text of [
			'Добрый день! Передали информацию ответственным сотрудникам, ждите, пожалуйста, ответа в этом чате.',
			'Про удержание 3 500 ₽ пока нет ответа у коллег по региону, ещё раз напомнили в 10:15. Когда ответят — сразу напишу.',
			'Ваш вопрос про приёмку по накладной сейчас у второй линии, разбираются. Обычно это занимает день-два, потерпите немного.',
			'Здесь мы бессильны с вопросом про выплату за май, переключаю на профильный отдел, переписка уйдёт вместе с обращением.'
		])
			expect(classifyReply(text).kind, text).toBe('stalling');
	});

	it('finds generic replies that close the case without answering it', () => {
		for (const text of [
			'Закрываю обращение про подмену товара завтра, если не будет возражений. Если опять повторится — пишите.',
			'Рады, что с вопросом про кассовую смену всё решилось. Спасибо, что дождались!',
			'По вопросу про вывеску больше ничего делать не надо, всё закрыто с нашей стороны.',
			'Про замену кассы больше ничего не нужно, обращение отмечаем решённым.'
		])
			expect(classifyReply(text).kind, text).toBe('generic');
	});

	it('finds gladness that the case is settled, and noted feedback, generic whatever the case was about', () => {
		for (const text of [
			'Рады, что с приёмкой возвратов разобрались. Хорошего вечера!',
			'Отлично, что с заменой терминала всё решилось, спасибо за терпение.',
			'Записали ваш отзыв про вежливость курьеров. Спасибо, что написали!'
		])
			expect(classifyReply(text).kind, text).toBe('generic');
		// without a word that closes the case, what follows «хорошо, что» is the answer
		for (const text of [
			'Хорошо, что штраф за вывеску отменили: сумма вернётся в ближайшей выплате.',
			'Рады, что с приёмкой разобрались: возвраты теперь сканируйте в разделе «Возвраты».'
		])
			expect(classifyReply(text).kind, text).toBeNull();
	});

	it('keeps answers that name staff, or start with «про», as answers', () => {
		for (const text of [
			'Про штраф: его отменили, деньги вернутся в следующей выплате.',
			'Добавьте сотрудника в кабинете владельца, раздел «Доступы».',
			'Сотрудник может войти по своему номеру телефона.'
		])
			expect(classifyReply(text).kind, text).toBeNull();
	});

	it('finds English replies that move the case to another channel, with what to bring along', () => {
		for (const text of [
			'Please email us at https://help.example.com/requests/new and remember to attach your transaction ID.',
			'Please submit a request through the link below with the email address associated with your account.'
		])
			expect(classifyReply(text).kind, text).toBe('redirect');
		const answer = 'Your account was locked after three failed sign-ins; it unlocks by itself after 30 minutes.';
		expect(classifyReply(answer).kind, answer).toBeNull();
		// what one brings along routes nowhere by itself
		expect(classifyReply("We've checked your account, please wait.").kind).toBe('stalling');
	});

	it('finds stalling replies in English', () => {
		expect(classifyReply("Please wait, we'll get back to you shortly.").kind).toBe('stalling');
	});

	it('finds redirects and the department in Russian', () => {
		expect(classifyReply('Обратитесь, пожалуйста, к бренд-менеджеру')).toEqual({ kind: 'redirect', department: 'Бренд-менеджер' });
		expect(classifyReply('Напишите в раздел «Претензии»')).toEqual({ kind: 'redirect', department: 'Претензии' });
	});

	it('finds a redirect made with «обращайтесь», which is also a closing phrase', () => {
		expect(classifyReply('Добрый день! С этим вопросом обращайтесь, пожалуйста, в раздел «Претензии».')).toEqual({ kind: 'redirect', department: 'Претензии' });
		expect(classifyReply('Обращайтесь в отдел претензий')).toEqual({ kind: 'redirect', department: 'Претензии' });
		expect(classifyReply('Спасибо за обращение! Будут вопросы — обращайтесь.')).toEqual({ kind: 'generic', department: null });
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

	it('finds stalling and generic replies whatever words of waiting, handling and thanks they use', () => {
		expect(classifyReply('Добрый день! Ваше обращение находится в работе. Срок рассмотрения — согласно регламенту.').kind).toBe('stalling');
		expect(classifyReply('Перевожу на специалиста. Среднее время ожидания — 15 мин.').kind).toBe('stalling');
		expect(classifyReply("I've escalated this to our specialist team and they will get back to you within 48 hours.").kind).toBe('stalling');
		expect(classifyReply('Всегда рады помочь! Будут ещё вопросы — мы на связи в этом чате. Удачного дня!').kind).toBe('generic');
		expect(classifyReply('Is there anything else I can help you with today?').kind).toBe('generic');
	});

	it('keeps the subject of a forwarded question from making it an answer', () => {
		expect(classifyReply('Ваш вопрос по выплате за 2 неделю июня передан ответственному специалисту.').kind).toBe('stalling');
		expect(classifyReply('Выплата за 2 неделю июня придёт в пятницу, ожидайте.').kind).toBeNull();
	});

	it('finds a redirect whose department is named before the verb', () => {
		expect(classifyReply('Вопросы вывесок решает бренд-менеджер. Напишите ему в чат «Брендирование».')).toEqual({
			kind: 'redirect',
			department: 'Бренд-менеджер'
		});
	});

	it('does not take a report of a contact made for a redirect', () => {
		expect(classifyReply('Связались с вашим территориальным менеджером: перенос пункта согласован.').kind).toBeNull();
	});

	it('does not take «write here / in this section» for a redirect', () => {
		expect(classifyReply('Если до 18 марта он не выйдет на связь, напишите в этот чат.').kind).not.toBe('redirect');
		expect(classifyReply('Апелляцию по штрафу можно направить до 30 марта в этом разделе, приложите видео.').kind).toBeNull();
	});
});

