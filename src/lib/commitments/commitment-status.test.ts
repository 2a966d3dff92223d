import { describe, expect, it } from 'vitest';
import { formatIsoWithOffset } from '../ingest/time-zone';
import { commitmentsOf } from './commitment-status';
import { dataEndOf, msg } from './test-messages';
import type { CommitmentMessage } from './types';

const MSK = 'Europe/Moscow';
const SUPPORT = 'Техподдержка';
const BRAND = 'Бренд-менеджер';
const PROMISE = 'Ответим в течение 3 рабочих дней.'; // sent Monday 13 May: due Thursday 16 May 23:59:59
const DEADLINE = 'Загрузите фотоотчёт до 20 мая включительно.';

function statuses(messages: CommitmentMessage[], end = '2024-06-01T00:00:00+03:00') {
	return commitmentsOf(messages, MSK, Date.parse(end)).map((c) => [c.kind, c.status]);
}

describe('commitmentsOf: promises', () => {
	it('is kept when the same department writes again by due_at', () => {
		expect(statuses([
			msg('C1', 'agent', '2024-05-13T10:15:00+03:00', PROMISE, SUPPORT),
			msg('C1', 'customer', '2024-05-14T09:00:00+03:00', 'Жду.'),
			msg('C1', 'agent', '2024-05-16T23:59:59+03:00', 'Вопрос решён.', SUPPORT)
		])).toEqual([['promise', 'kept']]);
	});

	it('is missed when the same department writes again after due_at', () => {
		expect(statuses([
			msg('C1', 'agent', '2024-05-13T10:15:00+03:00', PROMISE, SUPPORT),
			msg('C1', 'agent', '2024-05-17T09:00:00+03:00', 'Вопрос решён.', SUPPORT)
		])).toEqual([['promise', 'missed']]);
	});

	it('is missed when nobody of the department wrote again and due_at is within the data', () => {
		expect(statuses([msg('C1', 'agent', '2024-05-13T10:15:00+03:00', PROMISE, SUPPORT)])).toEqual([['promise', 'missed']]);
	});

	it('is open when nobody wrote again and due_at is after the end of the data', () => {
		expect(statuses([msg('C1', 'agent', '2024-05-13T10:15:00+03:00', PROMISE, SUPPORT)], '2024-05-15T00:00:00+03:00'))
			.toEqual([['promise', 'open']]);
	});

	it('does not count a reply from another department', () => {
		expect(statuses([
			msg('C1', 'agent', '2024-05-13T10:15:00+03:00', PROMISE, BRAND),
			msg('C1', 'agent', '2024-05-14T10:00:00+03:00', 'Передали бренд-менеджеру.', SUPPORT),
			msg('C1', 'agent', '2024-05-20T10:00:00+03:00', 'Ответ по панно.', BRAND)
		])).toEqual([['promise', 'missed']]);
	});

	it('counts a reply without a department as the previous agent message\'s department, and a bot reply', () => {
		expect(statuses([
			msg('C1', 'agent', '2024-05-13T10:15:00+03:00', PROMISE, SUPPORT),
			msg('C1', 'bot', '2024-05-14T10:00:00+03:00', 'Статус: в работе.', null)
		])).toEqual([['promise', 'kept']]);
	});

	it('takes no promise from system or customer messages', () => {
		expect(statuses([
			msg('C1', 'system', '2024-05-13T10:15:00+03:00', PROMISE, SUPPORT),
			msg('C1', 'customer', '2024-05-13T10:20:00+03:00', 'Ответим в течение 3 рабочих дней? Загрузите до 20 мая?')
		])).toEqual([]);
	});
});

describe('commitmentsOf: deadlines', () => {
	it('is met when the customer writes in the conversation by due_at', () => {
		expect(statuses([
			msg('C2', 'agent', '2024-05-13T10:15:00+03:00', DEADLINE, 'Проверка пункта'),
			msg('C2', 'customer', '2024-05-20T23:00:00+03:00', 'Загрузила.')
		])).toEqual([['deadline', 'met']]);
	});

	it('has passed when the customer writes after due_at', () => {
		expect(statuses([
			msg('C2', 'agent', '2024-05-13T10:15:00+03:00', DEADLINE, 'Проверка пункта'),
			msg('C2', 'customer', '2024-05-21T08:00:00+03:00', 'Загрузила.')
		])).toEqual([['deadline', 'passed']]);
	});

	it('is unknown when the customer never wrote there again and due_at is within the data', () => {
		expect(statuses([msg('C2', 'agent', '2024-05-13T10:15:00+03:00', DEADLINE, 'Проверка пункта')])).toEqual([['deadline', 'unknown']]);
	});

	it('is open when due_at is after the end of the data', () => {
		expect(statuses([msg('C2', 'agent', '2024-05-13T10:15:00+03:00', DEADLINE, 'Проверка пункта')], '2024-05-19T00:00:00+03:00'))
			.toEqual([['deadline', 'open']]);
	});

	it('is set by a system message too', () => {
		expect(statuses([msg('C2', 'system', '2024-05-13T10:15:00+03:00', DEADLINE)])).toEqual([['deadline', 'unknown']]);
	});

	it('does not count a customer message in another conversation', () => {
		expect(statuses([
			msg('C2', 'agent', '2024-05-13T10:15:00+03:00', DEADLINE, 'Проверка пункта'),
			msg('C3', 'customer', '2024-05-14T10:00:00+03:00', 'Загрузила.')
		])).toEqual([['deadline', 'unknown']]);
	});
});

describe('commitmentsOf: fields', () => {
	it('names the message, conversation, customer, department, times and phrase', () => {
		const messages = [
			msg('C4', 'customer', '2024-05-13T10:00:00+03:00', 'Когда проверка?', null, 'PVZ-7'),
			msg('C4', 'agent', '2024-05-13T10:15:00+03:00', DEADLINE, 'Проверка пункта', null)
		];
		const [c] = commitmentsOf(messages, MSK, dataEndOf(messages));
		expect({ ...c, sent_at: formatIsoWithOffset(c.sent_at, MSK), due_at: formatIsoWithOffset(c.due_at, MSK) }).toEqual({
			message_id: messages[1].message_id, conversation_id: 'C4', customer: 'PVZ-7', department: 'Проверка пункта',
			kind: 'deadline', sent_at: '2024-05-13T10:15:00+03:00', due_at: '2024-05-20T23:59:59+03:00', status: 'open',
			phrase: 'до 20 мая включительно'
		});
	});
});
