import { describe, expect, it } from 'vitest';
import { findTemplates, type ReplyInput } from './templates';

let id = 0;
function reply(conversation_id: string, text: string, role = 'agent', author = 'Мария'): ReplyInput {
	return { message_id: `m${++id}`, conversation_id, role, author, department: 'Техподдержка', text };
}

const CANNED = 'Ваша претензия рассмотрена. Штраф начислен в соответствии с условиями оферты, оснований для отмены не выявлено.';

describe('findTemplates', () => {
	it('groups copies with a changed name, number and emoji into one template', () => {
		const replies = [
			reply('c1', `Здравствуйте, Ирина! ${CANNED}`),
			reply('c2', `Добрый день, Олег! Ваша претензия № 12345678 рассмотрена. Штраф начислен в соответствии с условиями оферты, оснований для отмены не выявлено 🌸`),
			reply('c3', CANNED)
		];
		const { byMessage, templates } = findTemplates(replies);
		expect(templates).toHaveLength(1);
		expect(new Set(replies.map((r) => byMessage.get(r.message_id)))).toEqual(new Set(['t1']));
	});

	it('groups near-duplicates with a few words changed', () => {
		const { templates } = findTemplates([
			reply('c1', 'Опоздание машины зафиксировали, перевозчику выставлена претензия. Компенсация пункту в этом случае не предусмотрена.'),
			reply('c2', 'Опоздание рейса зафиксировали, перевозчику выставили претензию. Компенсация пункту в данном случае не предусмотрена.'),
			reply('c3', 'Опоздание машины зафиксировали, перевозчику выставлена претензия. Компенсация пункту в данном случае не предусмотрена.')
		]);
		expect(templates.map((t) => t.messages)).toEqual([3]);
	});

	it('does not template a unique answer that reuses one canned sentence', () => {
		const replies = [reply('c1', CANNED), reply('c2', CANNED), reply('c3', CANNED)];
		const unique = reply('c4', 'Ваша претензия рассмотрена. На видео видно, что пломба была целой, а товар подменили до приёмки, поэтому штраф отменили и сумма вернётся в следующем акте.');
		const { byMessage } = findTemplates([...replies, unique]);
		expect(byMessage.has(replies[0].message_id)).toBe(true);
		expect(byMessage.has(unique.message_id)).toBe(false);
	});

	it('does not chain replies made of shared sentence parts into one template', () => {
		// each text shares three of its four sentences with the next one; the first and the last share one
		const parts = [
			'Проверили начисление по вашему пункту за прошлую неделю.',
			'Сумма удержания рассчитана по тарифу из оферты.',
			'Детализация лежит в отчёте агента в кабинете.',
			'Перерасчёт сделаем после сверки остатков склада.',
			'Новый акт придёт на электронную почту партнёра.',
			'Подписать его нужно в течение трёх рабочих дней.',
			'Без подписи выплата за месяц будет задержана.'
		];
		const texts = [0, 1, 2, 3].map((i) => parts.slice(i, i + 4).join(' '));
		const replies = texts.flatMap((text, i) => ['a', 'b', 'c'].map((c) => reply(`${c}${i}`, text)));
		const { byMessage, templates } = findTemplates(replies);
		expect(templates.length).toBeGreaterThanOrEqual(2);
		// neighbours may join, but the first and the last text never end up in one template
		expect(byMessage.get(replies[0].message_id)).not.toBe(byMessage.get(replies[11].message_id));
	});

	it('groups English copies with a changed name and order number', () => {
		const { templates } = findTemplates([
			reply('e1', "Hi Sarah, we've checked your order #123456 and the refund has been issued to your original payment method."),
			reply('e2', "Hello John! We've checked your order #654321 and the refund has been issued to your original payment method 🙂"),
			reply('e3', "We've checked your order and the refund has been issued to your original payment method.")
		]);
		expect(templates.map((t) => t.messages)).toEqual([3]);
	});

	it('needs at least 3 different conversations', () => {
		const { templates } = findTemplates([reply('c1', CANNED), reply('c1', CANNED), reply('c2', CANNED), reply('c2', CANNED)]);
		expect(templates).toEqual([]);
	});

	it('clusters short texts only when they are the same after normalising', () => {
		const { templates } = findTemplates([
			reply('c1', 'Запрос в работе, ожидайте ответа'),
			reply('c2', 'Запрос в работе, ожидайте ответа 🙂'),
			reply('c3', 'Запрос принят, ожидайте ответа')
		]);
		expect(templates).toEqual([]);
	});

	it('keys a reply made only of stock phrases by its phrases', () => {
		const { templates } = findTemplates([
			reply('c1', 'Благодарим за обращение! Хорошего дня 🌸'),
			reply('c2', 'Благодарим за обращение, Ирина! Хорошего дня'),
			reply('c3', 'Благодарим за обращение! Хорошего дня ☀️')
		]);
		expect(templates).toHaveLength(1);
		expect(templates[0].text).toBe('Благодарим за обращение! Хорошего дня 🌸');
	});

	it('marks a template used by a bot and by a human as copied', () => {
		const bot = 'Штрафы начисляются в соответствии с условиями оферты. Подробнее — в Базе знаний, раздел «Стандарты работы пункта».';
		const { templates } = findTemplates([
			reply('c1', bot, 'bot', 'Бот-помощник'),
			reply('c2', bot, 'bot', 'Бот-помощник'),
			reply('c3', bot, 'agent', 'Кирилл Орлов')
		]);
		expect(templates[0]).toMatchObject({ roles: ['agent', 'bot'], authors: 2, human_copies_bot: true });
	});

	it('numbers templates by uses and describes them', () => {
		const other = 'Перезагрузите кассу с зажатой кнопкой промотки, затем закройте смену в приложении «Касса».';
		const { templates } = findTemplates([
			reply('c1', other), reply('c2', other), reply('c3', other),
			reply('c1', CANNED), reply('c2', CANNED), reply('c3', CANNED), reply('c4', CANNED)
		]);
		expect(templates.map((t) => [t.template_id, t.messages, t.conversations])).toEqual([['t1', 4, 4], ['t2', 3, 3]]);
		expect(templates[0]).toMatchObject({ text: CANNED, variants: 1, departments: ['Техподдержка'] });
	});

	it('ignores customer and system messages', () => {
		const { templates } = findTemplates(['c1', 'c2', 'c3'].map((c) => reply(c, CANNED, 'customer')));
		expect(templates).toEqual([]);
	});
});
