import { describe, expect, it } from 'vitest';
import { en } from '$lib/i18n/messages.en';
import { ru } from '$lib/i18n/messages.ru';
import { translate } from '$lib/i18n/translate';
import type { ChartTexts } from '../labels';
import { commitmentTitle, conflictText, eventColumns, statusTone, timelineEvents, waitTitle } from './commitment-text';
import { conflict, deadline, msk, timeline, ZONE } from './test-timeline';

const ruTexts: ChartTexts = { locale: 'ru', t: (key, params) => translate(ru[key], 'ru', params) };
const enTexts: ChartTexts = { locale: 'en', t: (key, params) => translate(en[key], 'en', params) };

describe('conflictText', () => {
	it('says what happened in the seed, on the dataset clock', () => {
		const text = conflictText(conflict, ruTexts, ZONE);
		expect(text.sentence).toBe('Срок «до 15 мая включительно» (Проверка пункта) истёк 15 мая в 23:59, пока вы ждали ответа:');
		expect(text.waiting).toHaveLength(1);
		expect(`${text.waiting[0].department} ${text.waiting[0].rest}`).toBe('Бренд-менеджер — с 10 мая, 5 дн 13 ч');
		expect(text.waiting[0].conversation_id).toBe('30422179');
	});

	it('says it in English too', () => {
		const text = conflictText(conflict, enTexts, ZONE);
		expect(text.sentence).toBe('The deadline "до 15 мая включительно" (Проверка пункта) ran out on 15 May at 23:59 while you were waiting for an answer from:');
		expect(text.waiting[0].rest).toBe('— since 10 May, 5 d 13 h');
	});

	it('names the latest waits first and counts the rest, those not listed too', () => {
		const since = ['2024-05-14T10:00:00', '2024-04-01T10:00:00', '2024-03-01T10:00:00', '2024-05-12T10:00:00'];
		const waiting = [...conflict.waiting, ...since.map((s, i) => ({ conversation_id: `c${i}`, department: null, since: msk(s) }))];
		const text = conflictText({ ...conflict, waiting, waiting_total: 5 }, ruTexts, ZONE);
		expect(text.waiting.map((w) => w.conversation_id)).toEqual(['c0', 'c3', '30422179']);
		expect(text.more).toBe(2);
		expect(conflictText({ ...conflict, waiting, waiting_total: 640 }, ruTexts, ZONE).more).toBe(637);
	});

	it('writes the year of a day outside the data’s year', () => {
		const later = { ...conflict, due_at: msk('2025-05-15T23:59:59') };
		expect(conflictText(later, ruTexts, ZONE, '2024').sentence).toContain('истёк 15 мая 2025 г. в 23:59');
		expect(conflictText(conflict, ruTexts, ZONE, '2024').sentence).toContain('истёк 15 мая в 23:59');
	});
});

describe('statusTone', () => {
	it('reads kept and met as good, missed and passed as bad', () => {
		expect(['kept', 'met', 'missed', 'passed', 'open', 'unknown'].map((s) => statusTone(s as never))).toEqual(['good', 'good', 'bad', 'bad', 'open', 'unknown']);
	});
});

describe('tooltips', () => {
	it('describe a commitment with its times and status, and a conflict', () => {
		const title = commitmentTitle(deadline, true, ruTexts, ZONE);
		expect(title).toContain('Срок для вас «до 15 мая включительно» — Проверка пункта, обращение 30421885.');
		expect(title).toContain('срок 15 мая 2024 г., 23:59');
		expect(title).toContain('Срок пропущен.');
		expect(title).toContain('пока вы ждали ответа в другом обращении');
	});

	it('describe a wait with its length, or without an answer', () => {
		expect(waitTitle(timeline.waiting[1], ruTexts, ZONE)).toBe(
			'Ожидание ответа — Бренд-менеджер, обращение 30422179: с 10 мая 2024 г., 10:41 до 17 мая 2024 г., 15:12 (7 дн 5 ч)'
		);
		expect(waitTitle(timeline.waiting[2], enTexts, ZONE)).toContain('no answer before the end of the data');
	});
});

describe('timelineEvents', () => {
	it('lists waits by their start and commitments by their due time, in time order', () => {
		const events = timelineEvents(timeline, ruTexts, ZONE);
		expect(events.map((e) => [e.conversation_id, e.status, e.conflict])).toEqual([
			['30421885', null, false],
			['30422179', null, false],
			['30421885', 'passed', true],
			['30422348', 'kept', false],
			['30422348', null, false]
		]);
		expect(events[2].event).toBe('Срок для вас «до 15 мая включительно» (поставлен 13 мая 2024 г., 14:26)');
	});

	it('shows them in a table with the conversation linked and the conflict named', () => {
		const columns = eventColumns(ruTexts, ZONE, (id) => `/conversation/${id}`);
		const row = timelineEvents(timeline, ruTexts, ZONE)[2];
		const cell = (id: string) => {
			const column = columns.find((c) => c.id === id)!;
			return column.format ? column.format(column.value(row), row) : column.value(row);
		};
		expect(cell('at')).toBe('15 мая 2024 г., 23:59');
		expect(cell('lane')).toBe('Проверка пункта · 30421885');
		expect(columns.find((c) => c.id === 'lane')!.href!(row)).toBe('/conversation/30421885');
		expect(cell('status')).toBe('Срок пропущен · конфликт');
	});
});
