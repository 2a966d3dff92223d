import { describe, expect, it } from 'vitest';
import type { PromiseShareRow } from '$lib/analysis/commitments-view-types';
import { en } from '$lib/i18n/messages.en';
import { ru } from '$lib/i18n/messages.ru';
import { translate } from '$lib/i18n/translate';
import { cellText } from '$lib/ui/data-table';
import type { ChartTexts } from '../labels';
import { brokenColumns, deadlineColumns, keptShareSpec, lateBy, promiseColumns } from './commitment-charts';
import { deadline, msk, ZONE } from './test-timeline';

const ruTexts: ChartTexts = { locale: 'ru', t: (key, params) => translate(ru[key], 'ru', params) };
const enTexts: ChartTexts = { locale: 'en', t: (key, params) => translate(en[key], 'en', params) };

const row = (department: string | null, kept: number, missed: number, open: number): PromiseShareRow => ({
	department,
	promises: kept + missed + open,
	kept,
	missed,
	open,
	kept_share: kept + missed > 0 ? kept / (kept + missed) : null
});
const promises = [row('Техподдержка', 6, 2, 1), row('Бренд-менеджер', 1, 3, 0), row('Выплаты', 0, 0, 4)];

describe('keptShareSpec', () => {
	it('draws the kept share in percent, highest first, leaving out departments with nothing due yet', () => {
		const spec = keptShareSpec(promises, ruTexts);
		expect(spec.horizontal).toBe(true);
		expect(spec.categories).toEqual(['Техподдержка', 'Бренд-менеджер']);
		expect(spec.series[0].values).toEqual([75, 25]);
		expect(spec.formatValue(75)).toBe('75\u00a0%');
		expect(spec.valueTitle).toBe('Выполнено в срок, %');
		expect(spec.tooltipTitles).toEqual(['Техподдержка: 6 из 8 в срок', 'Бренд-менеджер: 1 из 4 в срок']);
	});

	it('speaks English', () => {
		const spec = keptShareSpec(promises, enTexts);
		expect(spec.series[0].label).toBe('Kept on time');
		expect(spec.formatValue(25)).toBe('25%');
	});
});

describe('department tables', () => {
	it('show the promise counts and the kept share, a dash when none is due', () => {
		const columns = promiseColumns(ruTexts);
		expect(columns.map((c) => c.id)).toEqual(['department', 'promises', 'kept', 'missed', 'open', 'share']);
		const share = columns.find((c) => c.id === 'share')!;
		expect(cellText(share, promises[0])).toBe('75\u00a0%');
		expect(cellText(share, promises[2])).toBe('—');
	});

	it('show deadlines set, met, passed, unknown and open', () => {
		expect(deadlineColumns(enTexts).map((c) => c.label)).toEqual(['Department', 'Deadlines', 'Met', 'Passed', 'No answer', 'Not due yet']);
	});
});

describe('brokenColumns', () => {
	const href = (id: string) => `/conversation/${id}`;

	it('list wording, times on the dataset clock and a link to the conversation', () => {
		const columns = brokenColumns(ruTexts, ZONE, href, [deadline]);
		const text = (id: string) => cellText(columns.find((c) => c.id === id)!, deadline);
		expect(text('phrase')).toBe('до 15 мая включительно');
		expect(text('due')).toBe('15 мая 2024 г., 23:59');
		expect(text('kind')).toBe('Срок для вас');
		expect(columns.find((c) => c.id === 'conversation')!.href!(deadline)).toBe('/conversation/30421885');
	});

	it('leave out "late by" while the answers’ times are unknown, and show it when they are', () => {
		expect(brokenColumns(ruTexts, ZONE, href, [deadline]).some((c) => c.id === 'late')).toBe(false);
		const answered = { ...deadline, answered_at: msk('2024-05-24T16:52:10') };
		const columns = brokenColumns(ruTexts, ZONE, href, [answered]);
		expect(cellText(columns.find((c) => c.id === 'late')!, answered)).toBe('8 дн 17 ч');
		expect(lateBy(deadline)).toBeNull();
	});
});
