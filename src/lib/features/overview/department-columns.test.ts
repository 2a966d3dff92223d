import { describe, expect, it } from 'vitest';
import type { DepartmentRow } from '$lib/analysis/view-types';
import { ru } from '$lib/i18n/messages.ru';
import { translate } from '$lib/i18n/translate';
import { cellText } from '$lib/ui/data-table';
import type { ChartTexts } from '../labels';
import { departmentColumns } from './department-columns';

const texts: ChartTexts = { locale: 'ru', t: (key, params) => translate(ru[key], 'ru', params) };
const row: DepartmentRow = {
	department: 'Бренд-менеджер',
	conversations: 1_200,
	agent_messages: 3_400,
	first_response_median_s: 2 * 86_400 + 4 * 3_600,
	first_response_p90_s: 7 * 86_400,
	reply_median_s: 3_600,
	reply_p90_s: null,
	within_target_share: 0.425
};

describe('departmentColumns', () => {
	const columns = departmentColumns(texts, 3_600);
	const cell = (id: string) => cellText(columns.find((c) => c.id === id)!, row);
	it('writes times as durations, shares as percentages, counts with separators', () => {
		expect(cell('first-median')).toBe('2 дн 4 ч');
		expect(cell('reply-p90')).toBe('—');
		expect(cell('within')).toBe('43\u00a0%');
		expect(cell('conversations')).toBe('1\u00a0200');
	});
	it('names the target in the share column', () => {
		expect(columns.at(-1)!.label).toBe('Ответов в пределах 1 ч');
	});
	it('sorts the times as numbers', () => {
		expect(columns.find((c) => c.id === 'first-median')!.numeric).toBe(true);
	});
});
