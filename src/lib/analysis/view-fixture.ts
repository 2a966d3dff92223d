/**
 * Seven hand-made conversations for the view tests (Moscow wall clock, calendar time). Every expected figure in
 * the *-view tests was worked out by hand from these lines and METRICS.md. Per conversation:
 *
 * | id | started (local)   | customer | replies' response_s            | departments     | first resp. | first human | duration |
 * |----|-------------------|----------|--------------------------------|-----------------|-------------|-------------|----------|
 * | P1 | Mon 05-06 10:00   | ПВЗ-1    | 10 (bot), 300, null, 3600      | Т, В            | 10 (Т)      | 360         | 4800     |
 * | P2 | Mon 05-06 23:59   | ПВЗ-2    | 1800, null, 28800, null        | Т, Б, Т         | 1800 (Т)    | 1800        | 31860    |
 * | P3 | Tue 05-07 00:00   | ПВЗ-1    | 30 (bot), 86400                | Т               | 30 (Т)      | 86700       | 86700    |
 * | P4 | Mon 05-13 09:00   | ПВЗ-3    | 259200, 7199                   | В, Б            | 259200 (В)  | 259200      | 266999   |
 * | P5 | Mon 05-13 12:00   | -        | (unanswered)                   | -               | null        | null        | 300      |
 * | P6 | Tue 05-14 10:00   | ПВЗ-2    | null (agent wrote first), 299.5| В               | 299.5 (В)   | 299.5       | 419.5    |
 * | P7 | Sun 05-12 23:50   | ПВЗ-3    | 1200, null                     | Т, В            | 1200 (Т)    | 1200        | 3600     |
 *
 * Т = Техподдержка, В = Выплаты, Б = Бренд-менеджер. 30 messages. Agents: Анна (Т, and once В in P6), Борис (В),
 * Вера (Б), Бот (bot, Т).
 */
import type { Message } from '$lib/model';
import { messageMaker } from './test-chats';

const T = 'Техподдержка';
const V = 'Выплаты';
const B = 'Бренд-менеджер';

export function viewChats(): Message[] {
	const m = messageMaker();
	const customer = (conversation: string, id: string, local: string, who: string | null) =>
		m(conversation, id, local, 'customer', { customer: who, author: 'Клиент' });
	const reply = (conversation: string, id: string, local: string, author: string, department: string | null) =>
		m(conversation, id, local, author === 'Бот' ? 'bot' : 'agent', { author, department });
	return [
		customer('P1', 'p1-c1', '2024-05-06 10:00:00', 'ПВЗ-1'),
		reply('P1', 'p1-b1', '2024-05-06 10:00:10', 'Бот', T),
		customer('P1', 'p1-c2', '2024-05-06 10:01:00', 'ПВЗ-1'),
		reply('P1', 'p1-a1', '2024-05-06 10:06:00', 'Анна', T),
		reply('P1', 'p1-a2', '2024-05-06 10:16:00', 'Борис', V),
		customer('P1', 'p1-c3', '2024-05-06 10:20:00', 'ПВЗ-1'),
		reply('P1', 'p1-a3', '2024-05-06 11:20:00', 'Борис', V),

		customer('P2', 'p2-c1', '2024-05-06 23:59:00', 'ПВЗ-2'),
		reply('P2', 'p2-a1', '2024-05-07 00:29:00', 'Анна', T),
		reply('P2', 'p2-a2', '2024-05-07 00:30:00', 'Вера', B),
		customer('P2', 'p2-c2', '2024-05-07 00:40:00', 'ПВЗ-2'),
		reply('P2', 'p2-a3', '2024-05-07 08:40:00', 'Вера', B),
		reply('P2', 'p2-a4', '2024-05-07 08:50:00', 'Анна', T),

		customer('P3', 'p3-c1', '2024-05-07 00:00:00', 'ПВЗ-1'),
		reply('P3', 'p3-b1', '2024-05-07 00:00:30', 'Бот', T),
		customer('P3', 'p3-c2', '2024-05-07 00:05:00', 'ПВЗ-1'),
		reply('P3', 'p3-a1', '2024-05-08 00:05:00', 'Анна', T),

		customer('P4', 'p4-c1', '2024-05-13 09:00:00', 'ПВЗ-3'),
		reply('P4', 'p4-a1', '2024-05-16 09:00:00', 'Борис', V),
		customer('P4', 'p4-c2', '2024-05-16 09:10:00', 'ПВЗ-3'),
		reply('P4', 'p4-a2', '2024-05-16 11:09:59', 'Вера', B),

		customer('P5', 'p5-c1', '2024-05-13 12:00:00', null),
		customer('P5', 'p5-c2', '2024-05-13 12:05:00', null),

		reply('P6', 'p6-a1', '2024-05-14 10:00:00', 'Анна', V),
		m('P6', 'p6-s1', '2024-05-14 10:01:00', 'system', { author: null, department: V }),
		customer('P6', 'p6-c1', '2024-05-14 10:02:00', 'ПВЗ-2'),
		reply('P6', 'p6-a2', '2024-05-14 10:06:59.500', 'Борис', null),

		customer('P7', 'p7-c1', '2024-05-12 23:50:00', 'ПВЗ-3'),
		reply('P7', 'p7-a1', '2024-05-13 00:10:00', 'Анна', T),
		reply('P7', 'p7-a2', '2024-05-13 00:50:00', 'Борис', V)
	];
}

/** Department names as the data spells them. */
export const DEPARTMENTS = { T, V, B } as const;
