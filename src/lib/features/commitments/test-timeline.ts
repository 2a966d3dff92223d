/**
 * The seed's story as a timeline (complaint-ru.txt, the demo's ПВЗ-77-0142), for the page's unit tests: on 13 May
 * «Проверка пункта» set a deadline «до 15 мая включительно» while the owner had been waiting for the brand manager
 * since 10 May. Times are Moscow wall clock (UTC+3, no DST).
 */
import type { ConflictRow, CustomerTimeline } from '$lib/analysis/commitments-view-types';
import type { Commitment } from '$lib/commitments/types';

export const ZONE = 'Europe/Moscow';

/** Moscow wall clock -> epoch ms. */
export const msk = (iso: string) => Date.parse(`${iso}+03:00`);

export const deadline: Commitment = {
	message_id: '571210207',
	conversation_id: '30421885',
	customer: 'ПВЗ-77-0142',
	department: 'Проверка пункта',
	kind: 'deadline',
	sent_at: msk('2024-05-13T14:26:37'),
	due_at: msk('2024-05-15T23:59:59.999'),
	status: 'passed',
	phrase: 'до 15 мая включительно'
};

export const promise: Commitment = {
	message_id: '571211402',
	conversation_id: '30422348',
	customer: 'ПВЗ-77-0142',
	department: 'Техподдержка',
	kind: 'promise',
	sent_at: msk('2024-05-13T10:25:44'),
	due_at: msk('2024-05-16T10:25:44'),
	status: 'kept',
	phrase: 'в течение 3 дней'
};

export const conflict: ConflictRow = {
	message_id: deadline.message_id,
	conversation_id: deadline.conversation_id,
	department: deadline.department,
	customer: deadline.customer,
	phrase: deadline.phrase,
	due_at: deadline.due_at,
	status: 'passed',
	waiting: [{ conversation_id: '30422179', department: 'Бренд-менеджер', since: msk('2024-05-10T10:41:18') }],
	waiting_total: 1
};

export const timeline: CustomerTimeline = {
	customer: 'ПВЗ-77-0142',
	conversations: [
		{ conversation_id: '30421885', department: 'Проверка пункта', started_at: msk('2024-05-06T11:02:14'), ended_at: msk('2024-05-27T15:44:09') },
		{ conversation_id: '30422179', department: 'Бренд-менеджер', started_at: msk('2024-05-10T10:41:18'), ended_at: msk('2024-05-17T15:20:41') },
		{ conversation_id: '30422348', department: 'Техподдержка', started_at: msk('2024-05-13T09:40:02'), ended_at: msk('2024-05-17T09:41:30') }
	],
	commitments: [deadline, promise],
	waiting: [
		{ conversation_id: '30421885', department: 'Проверка пункта', from: msk('2024-05-06T19:41:05'), to: msk('2024-05-07T10:16:48') },
		{ conversation_id: '30422179', department: 'Бренд-менеджер', from: msk('2024-05-10T10:41:18'), to: msk('2024-05-17T15:12:30') },
		{ conversation_id: '30422348', department: 'Техподдержка', from: msk('2024-05-17T09:05:52'), to: null }
	],
	conflicts: [deadline.message_id]
};

/** The end of the data in the story. */
export const DATA_END = msk('2024-05-31T11:02:17');
