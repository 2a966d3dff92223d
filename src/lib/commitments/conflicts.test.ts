import { describe, expect, it } from 'vitest';
import { computeCommitments } from '$lib/analysis/commitments';
import { openTestDb } from '$lib/analysis/test-chats';
import type { Commitment } from './types';
import { commitmentsOf } from './commitment-status';
import { waitRows, waitsOf } from './conflicts';
import { dataEndOf, msg } from './test-messages';
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

/** A conflict as read back from `commitment_conflicts`: a deadline and every conversation the customer waited in. */
interface Conflict {
	message_id: string;
	conversation_id: string;
	customer: string | null;
	/** Epoch ms UTC. */
	due_at: number;
	waiting_conversation_ids: string[];
}

/** The commitments and conflicts computeCommitments stores for `messages` (in a fresh database). */
async function conflictsOf(messages: CommitmentMessage[]): Promise<{ commitments: Commitment[]; conflicts: Conflict[] }> {
	const db = await openTestDb(messages.map((m, seq) => ({ ...m, author: null, source: `test#${seq}`, seq, sent_local: m.sent_at, text: m.text })));
	try {
		await computeCommitments(db, MSK);
		const conflicts = await db.query<Conflict>(`
			SELECT m.message_id, any_value(m.conversation_id) AS conversation_id, any_value(k.customer) AS customer, f.due_at,
				list(f.waiting_conversation_id ORDER BY f.waiting_conversation_id) AS waiting_conversation_ids
			FROM commitment_conflicts f JOIN commitment_conflict_messages m USING (message_seq)
				JOIN commitments k ON k.message_id = m.message_id AND k.due_at = f.due_at AND k.kind = 'deadline'
			GROUP BY m.message_id, f.due_at ORDER BY m.message_id, f.due_at`);
		return { commitments: commitmentsOf(messages, MSK, dataEndOf(messages)), conflicts };
	} finally {
		await db.close();
	}
}

describe('conflicts (computeCommitments)', () => {
	it('finds the seed: the deadline in B passed while the owner waited in A', async () => {
		const messages = seed();
		const { commitments, conflicts } = await conflictsOf(messages);
		expect(commitments.map((c) => [c.conversation_id, c.kind, c.status])).toEqual([['B', 'deadline', 'passed']]);
		expect(conflicts).toEqual([{
			message_id: messages[5].message_id, conversation_id: 'B', customer: 'PVZ-1',
			due_at: Date.parse('2024-05-15T23:59:59+03:00'), waiting_conversation_ids: ['A']
		}]);
	});

	it('names every conversation where the customer was waiting', async () => {
		const messages = seed();
		messages.push(msg('D', 'customer', '2024-05-14T10:00:00+03:00', 'Где курьер?'));
		messages.push(msg('D', 'bot', '2024-05-16T10:00:00+03:00', 'Курьер в пути.'));
		expect((await conflictsOf(messages)).conflicts[0].waiting_conversation_ids).toEqual(['A', 'D']);
	});

	it('finds none when the other conversation was answered by the deadline', async () => {
		const messages = seed().filter((m) => m.conversation_id !== 'A');
		messages.push(msg('A', 'customer', '2024-05-10T11:00:00+03:00', 'Вопрос по панно.'));
		messages.push(msg('A', 'agent', '2024-05-15T12:00:00+03:00', 'Ответ по панно.', 'Бренд-менеджер'));
		expect((await conflictsOf(messages)).conflicts).toEqual([]);
	});

	it('finds none for a deadline that falls after the end of the data, even one already met', async () => {
		// «до 10 ноября» written on 13 May; the owner answers at once (met), and she is still waiting in A at the
		// end of the data, but the deadline's time never comes within the export.
		const messages = seed().filter((m) => m.conversation_id !== 'B');
		messages.push(msg('E', 'agent', '2024-05-13T10:00:00+03:00', 'Загрузите документы до 10 ноября.', 'Проверка пункта'));
		messages.push(msg('E', 'customer', '2024-05-13T11:00:00+03:00', 'Загрузила.'));
		messages.push(msg('A', 'customer', '2024-05-18T09:00:00+03:00', 'А макет где?'));
		const { commitments, conflicts } = await conflictsOf(messages);
		expect(commitments.map((c) => [c.conversation_id, c.status, new Date(c.due_at).getUTCFullYear()])).toEqual([['E', 'met', 2024]]);
		expect(conflicts).toEqual([]);
	});

	it('finds none when the waiting conversation belongs to another customer', async () => {
		const messages = seed().map((m) => (m.conversation_id === 'A' ? { ...m, customer: 'PVZ-2' } : m));
		expect((await conflictsOf(messages)).conflicts).toEqual([]);
	});

	it('finds none for a deadline still open at the end of the data', async () => {
		const end = Date.parse('2024-05-14T00:00:00+03:00');
		const messages = seed().filter((m) => m.sent_at <= end);
		const { commitments, conflicts } = await conflictsOf(messages);
		expect(commitments[0].status).toBe('open');
		expect(conflicts).toEqual([]);
	});

	it('finds none in a dataset without messages', async () => {
		expect((await conflictsOf([])).conflicts).toEqual([]);
	});
});

describe('waitsOf and waitRows', () => {
	it('tells since when the customer waited, until the answer', () => {
		const waits = waitsOf(seed());
		expect(waits.get('A')!.waiting).toEqual([Date.parse('2024-05-10T11:00:00+03:00'), Date.parse('2024-05-17T18:00:00+03:00')]);
		expect(waitRows(waits).filter((w) => w.conversation_id === 'A')).toEqual([
			{ conversation_id: 'A', customer: 'PVZ-1', since: Date.parse('2024-05-10T11:00:00+03:00'), until: Date.parse('2024-05-17T18:00:00+03:00') }
		]);
	});

	it('keeps a wait with no answer open to the end (until null in the rows)', () => {
		const waits = waitsOf([msg('E', 'customer', '2024-05-10T11:00:00+03:00', 'Алло?'), msg('E', 'system', '2024-05-10T11:01:00+03:00', 'Передано.')]);
		expect(waits.get('E')).toEqual({ customer: 'PVZ-1', waiting: [Date.parse('2024-05-10T11:00:00+03:00'), Infinity] });
		expect(waitRows(waits)).toEqual([{ conversation_id: 'E', customer: 'PVZ-1', since: Date.parse('2024-05-10T11:00:00+03:00'), until: null }]);
	});

	it('leaves out conversations without a customer id', () => {
		const waits = waitsOf([msg('G', 'customer', '2024-05-10T11:00:00+03:00', 'Алло?', null, null)]);
		expect(waitRows(waits)).toEqual([]);
	});
});

describe('conflicts: thank-you endings', () => {
	it('does not count a conversation that ended with a thank-you as waiting', async () => {
		const messages = seed().filter((m) => m.conversation_id !== 'C');
		messages.push(msg('C', 'customer', '2024-05-12T10:00:00+03:00', 'Вопрос по выплатам.'));
		messages.push(msg('C', 'agent', '2024-05-12T12:00:00+03:00', 'Выплата прошла.', 'Выплаты'));
		messages.push(msg('C', 'customer', '2024-05-12T12:05:00+03:00', 'Ок, спасибо!'));
		expect((await conflictsOf(messages)).conflicts[0].waiting_conversation_ids).toEqual(['A']);
	});
});

describe('conflicts: rows without text', () => {
	it('reads a null text (an attachment-only row) as a message that sets nothing', () => {
		const messages = seed();
		messages.push({ ...msg('F', 'customer', '2024-05-14T10:00:00+03:00', ''), text: null as unknown as string });
		messages.push({ ...msg('F', 'agent', '2024-05-14T10:05:00+03:00', ''), text: null as unknown as string });
		expect(commitmentsOf(messages, MSK, dataEndOf(messages)).map((c) => c.conversation_id)).toEqual(['B']);
		expect(waitsOf(messages).get('F')!.waiting).toEqual([Date.parse('2024-05-14T10:00:00+03:00'), Date.parse('2024-05-14T10:05:00+03:00')]);
	});

	it('stores no conflict for an empty answered conversation (the table has no null texts: they are loaded empty)', async () => {
		const messages = seed();
		messages.push(msg('F', 'customer', '2024-05-14T10:00:00+03:00', ''), msg('F', 'agent', '2024-05-14T10:05:00+03:00', ''));
		expect((await conflictsOf(messages)).conflicts[0].waiting_conversation_ids).toEqual(['A']);
	});
});
