import { describe, expect, it } from 'vitest';
import { commitmentsOf, dataEndOf } from './commitment-status';
import { findConflicts, waitsOf, waitStartAt } from './conflicts';
import { msg } from './test-messages';
import type { CommitmentMessage } from './types';

const MSK = 'Europe/Moscow';

/**
 * The seed (shared/seed/complaint-ru.txt): on 10 May the owner asks the brand manager (conversation A) and
 * waits seven days for an answer; meanwhile "Проверка пункта" (conversation B) sets a deadline for materials,
 * which passes unseen.
 */
function seed(): CommitmentMessage[] {
	return [
		msg('A', 'customer', '2024-05-10T11:00:00+03:00', 'Можно ли заменить 3D-панно Balloon на обои с таким же рисунком?'),
		msg('A', 'system', '2024-05-10T11:01:00+03:00', 'Обращение передано бренд-менеджеру.'),
		msg('A', 'customer', '2024-05-13T09:00:00+03:00', 'Есть ли ответ по панно?'),
		msg('A', 'customer', '2024-05-15T09:00:00+03:00', 'Подскажите статус.'),
		msg('A', 'agent', '2024-05-17T18:00:00+03:00', 'Замена на обои возможна.', 'Бренд-менеджер'),
		msg('B', 'agent', '2024-05-13T10:15:00+03:00', 'Предоставьте материалы по замене панно до 15 мая включительно.', 'Проверка пункта'),
		msg('B', 'customer', '2024-05-20T10:00:00+03:00', 'Загрузила фото обоев.'),
		msg('C', 'customer', '2024-05-12T10:00:00+03:00', 'Вопрос по выплатам.'),
		msg('C', 'agent', '2024-05-12T12:00:00+03:00', 'Выплата прошла.', 'Выплаты')
	];
}

function conflictsOf(messages: CommitmentMessage[]) {
	const commitments = commitmentsOf(messages, MSK, dataEndOf(messages));
	return { commitments, conflicts: findConflicts(commitments, messages) };
}

describe('findConflicts', () => {
	it('finds the seed: the deadline in B passed while the owner waited in A', () => {
		const messages = seed();
		const { commitments, conflicts } = conflictsOf(messages);
		expect(commitments.map((c) => [c.conversation_id, c.kind, c.status])).toEqual([['B', 'deadline', 'passed']]);
		expect(conflicts).toEqual([{
			message_id: messages[5].message_id, conversation_id: 'B', customer: 'PVZ-1',
			due_at: Date.parse('2024-05-15T23:59:59+03:00'), waiting_conversation_ids: ['A']
		}]);
	});

	it('names every conversation where the customer was waiting', () => {
		const messages = seed();
		messages.push(msg('D', 'customer', '2024-05-14T10:00:00+03:00', 'Где курьер?'));
		messages.push(msg('D', 'bot', '2024-05-16T10:00:00+03:00', 'Курьер в пути.'));
		expect(conflictsOf(messages).conflicts[0].waiting_conversation_ids).toEqual(['A', 'D']);
	});

	it('finds none when the other conversation was answered by the deadline', () => {
		const messages = seed().filter((m) => m.conversation_id !== 'A');
		messages.push(msg('A', 'customer', '2024-05-10T11:00:00+03:00', 'Вопрос по панно.'));
		messages.push(msg('A', 'agent', '2024-05-15T12:00:00+03:00', 'Ответ по панно.', 'Бренд-менеджер'));
		expect(conflictsOf(messages).conflicts).toEqual([]);
	});

	it('finds none for a deadline that falls after the end of the data, even one already met', () => {
		// «до 10 ноября» written on 13 May; the owner answers at once (met), and she is still waiting in A at the
		// end of the data, but the deadline's time never comes within the export.
		const messages = seed().filter((m) => m.conversation_id !== 'B');
		messages.push(msg('E', 'agent', '2024-05-13T10:00:00+03:00', 'Загрузите документы до 10 ноября.', 'Проверка пункта'));
		messages.push(msg('E', 'customer', '2024-05-13T11:00:00+03:00', 'Загрузила.'));
		messages.push(msg('A', 'customer', '2024-05-18T09:00:00+03:00', 'А макет где?'));
		const { commitments, conflicts } = conflictsOf(messages);
		expect(commitments.map((c) => [c.conversation_id, c.status, new Date(c.due_at).getUTCFullYear()])).toEqual([['E', 'met', 2024]]);
		expect(conflicts).toEqual([]);
	});

	it('finds none when the waiting conversation belongs to another customer', () => {
		const messages = seed().map((m) => (m.conversation_id === 'A' ? { ...m, customer: 'PVZ-2' } : m));
		expect(conflictsOf(messages).conflicts).toEqual([]);
	});

	it('finds none for a deadline still open at the end of the data', () => {
		const end = Date.parse('2024-05-14T00:00:00+03:00');
		const messages = seed().filter((m) => m.sent_at <= end);
		const commitments = commitmentsOf(messages, MSK, end);
		expect(commitments[0].status).toBe('open');
		expect(findConflicts(commitments, messages)).toEqual([]);
	});
});

describe('waitsOf and waitStartAt', () => {
	it('tells since when the customer has been waiting, and not waiting once answered', () => {
		const waits = waitsOf(seed()).get('A')!.waiting;
		expect(waits).toEqual([Date.parse('2024-05-10T11:00:00+03:00'), Date.parse('2024-05-17T18:00:00+03:00')]);
		expect(waitStartAt(waits, Date.parse('2024-05-15T23:59:59+03:00'))).toBe(Date.parse('2024-05-10T11:00:00+03:00'));
		expect(waitStartAt(waits, Date.parse('2024-05-17T18:00:00+03:00'))).toBeNull();
		expect(waitStartAt(waits, Date.parse('2024-05-10T10:59:59+03:00'))).toBeNull();
	});

	it('keeps a wait with no answer open to the end', () => {
		const waits = waitsOf([msg('E', 'customer', '2024-05-10T11:00:00+03:00', 'Алло?'), msg('E', 'system', '2024-05-10T11:01:00+03:00', 'Передано.')]).get('E')!;
		expect(waits).toEqual({ customer: 'PVZ-1', waiting: [Date.parse('2024-05-10T11:00:00+03:00'), Infinity] });
	});
});

describe('findConflicts: thank-you endings', () => {
	it('does not count a conversation that ended with a thank-you as waiting', () => {
		const messages = seed().filter((m) => m.conversation_id !== 'C');
		messages.push(msg('C', 'customer', '2024-05-12T10:00:00+03:00', 'Вопрос по выплатам.'));
		messages.push(msg('C', 'agent', '2024-05-12T12:00:00+03:00', 'Выплата прошла.', 'Выплаты'));
		messages.push(msg('C', 'customer', '2024-05-12T12:05:00+03:00', 'Ок, спасибо!'));
		expect(conflictsOf(messages).conflicts[0].waiting_conversation_ids).toEqual(['A']);
	});
});

describe('findConflicts: rows without text', () => {
	it('reads a null text (an attachment-only row) as a message that sets nothing', () => {
		const messages = seed();
		messages.push({ ...msg('F', 'customer', '2024-05-14T10:00:00+03:00', ''), text: null as unknown as string });
		messages.push({ ...msg('F', 'agent', '2024-05-14T10:05:00+03:00', ''), text: null as unknown as string });
		expect(conflictsOf(messages).conflicts[0].waiting_conversation_ids).toEqual(['A']);
	});
});
