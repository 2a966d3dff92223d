import { describe, expect, it } from 'vitest';
import type { RedirectRow } from '$lib/analysis/text-view-types';
import { ru } from '$lib/i18n/messages.ru';
import { translate } from '$lib/i18n/translate';
import { cellText } from '$lib/ui/data-table';
import type { ChartTexts } from '../labels';
import { redirectColumns } from './redirect-columns';

const texts: ChartTexts = { locale: 'ru', t: (key, params) => translate(ru[key], 'ru', params) };
const cell = (row: RedirectRow, id: string) => cellText(redirectColumns(texts).find((c) => c.id === id)!, row);

describe('redirectColumns', () => {
	const row: RedirectRow = { from: 'Техподдержка', to: 'Бренд-менеджер', replies: 12, conversations: 10, outside_export: 8 };
	it('writes the conversations the export does not show with their share', () => {
		expect(cell(row, 'outside')).toBe('8 (80\u00a0%)');
	});
	it('says when a redirect names no department', () => {
		expect(cell({ ...row, to: null }, 'to')).toBe('(отдел не назван)');
	});
	it('names a reply without a department', () => {
		expect(cell({ ...row, from: null }, 'from')).toBe('(отдел не указан)');
	});
});
