import { describe, expect, it } from 'vitest';
import type { TimelineMessage } from '$lib/analysis/view-types';
import { timelineItems } from './timeline';

const message = (id: string, iso: string, role: TimelineMessage['role'], extra: Partial<TimelineMessage> = {}): TimelineMessage => ({
	message_id: id,
	sent_at: Date.parse(iso),
	role,
	author: null,
	department: null,
	text: 'текст',
	response_s: null,
	department_changed: false,
	...extra
});

describe('timelineItems', () => {
	const messages = [
		message('1', '2024-05-10T20:30:00Z', 'customer'), // 23:30 in Moscow, 10 May
		message('2', '2024-05-10T21:15:00Z', 'agent', { response_s: 2_700 }), // 00:15 in Moscow, 11 May
		message('3', '2024-05-17T07:00:00Z', 'agent')
	];
	it('puts a day heading before the first message of each day in the dataset zone', () => {
		const items = timelineItems(messages, 'ru', 'Europe/Moscow');
		expect(items.map((i) => i.kind)).toEqual(['day', 'message', 'day', 'message', 'day', 'message']);
		expect(items[0]).toMatchObject({ kind: 'day', label: '10 мая 2024 г.' });
		expect(items[2]).toMatchObject({ kind: 'day', label: '11 мая 2024 г.' });
	});
	it('writes times on a 24-hour clock in the dataset zone, not the machine’s', () => {
		const items = timelineItems(messages, 'en', 'Europe/Moscow');
		expect(items[1]).toMatchObject({ time: '23:30', support: false });
		expect(items[3]).toMatchObject({ time: '00:15', support: true });
	});
	it('gives every item a distinct key, even for repeated message ids', () => {
		const items = timelineItems([message('x', '2024-05-10T10:00:00Z', 'customer'), message('x', '2024-05-10T10:01:00Z', 'customer')], 'ru', 'UTC');
		expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
	});
});
