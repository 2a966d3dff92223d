import { describe, expect, it } from 'vitest';
import { en } from '$lib/i18n/messages.en';
import { ru } from '$lib/i18n/messages.ru';
import { translate } from '$lib/i18n/translate';
import { answeredAfter, chainText, departmentLabel, drillKey, drillTitle, type ChartTexts } from './labels';

const ruTexts: ChartTexts = { locale: 'ru', t: (key, params) => translate(ru[key], 'ru', params) };
const enTexts: ChartTexts = { locale: 'en', t: (key, params) => translate(en[key], 'en', params) };

describe('labels', () => {
	it('writes a chain with arrows, an empty department by its placeholder', () => {
		expect(chainText(['Техподдержка', 'Бренд-менеджер', 'Техподдержка'], ruTexts)).toBe('Техподдержка → Бренд-менеджер → Техподдержка');
		expect(departmentLabel('  ', enTexts)).toBe('(no department)');
	});
	it('labels a reply with its wait', () => {
		expect(answeredAfter(2 * 86_400 + 4 * 3_600, ruTexts)).toBe('ответ через 2 дн 4 ч');
		expect(answeredAfter(90, enTexts)).toBe('answered after 1 min 30 s');
	});
	it('titles every kind of drill in both languages', () => {
		expect(drillTitle({ kind: 'week', week: '2024-05-06', department: 'Выплаты' }, ruTexts)).toBe(
			'Обращения недели с 6 мая 2024 г., первым ответил отдел «Выплаты»'
		);
		expect(drillTitle({ kind: 'bucket', bucket: 'over_3d' }, enTexts)).toBe('Conversations where a reply took over 3 d');
		expect(drillTitle({ kind: 'flow', from: 'A', to: 'B' }, ruTexts)).toBe('Обращения, переданные из «A» в «B»');
		expect(drillTitle({ kind: 'department', department: null }, ruTexts)).toBe('Обращения с ответами отдела «(отдел не указан)»');
	});
	it('keys equal drills alike', () => {
		expect(drillKey({ kind: 'agent', author: 'А' })).toBe(drillKey({ kind: 'agent', author: 'А' }));
	});
});
