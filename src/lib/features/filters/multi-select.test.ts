import { describe, expect, it } from 'vitest';
import { matchOptions, selectionSummary } from './multi-select';

const options = ['Техподдержка', 'Бренд-менеджер', 'Территориальный менеджер', 'Выплаты'];

describe('matchOptions', () => {
	it('finds every option containing all words, in any case', () => {
		expect(matchOptions(options, 'МЕНЕДЖ', []).shown).toEqual(['Бренд-менеджер', 'Территориальный менеджер']);
		expect(matchOptions(options, 'тер мен', []).shown).toEqual(['Территориальный менеджер']);
	});
	it('puts the chosen options first', () => {
		expect(matchOptions(options, '', ['Выплаты']).shown[0]).toBe('Выплаты');
	});
	it('treats ё as е', () => {
		expect(matchOptions(['Семёнова'], 'семенова', []).shown).toEqual(['Семёнова']);
	});
	it('shows at most `limit` but counts them all', () => {
		expect(matchOptions(options, '', [], 2)).toEqual({ shown: ['Техподдержка', 'Бренд-менеджер'], total: 4 });
	});
});

describe('selectionSummary', () => {
	const count = (n: number) => `${n} chosen`;
	it('says "all" for nothing chosen, the names for two, the count for more', () => {
		expect(selectionSummary([], 'all', count)).toBe('all');
		expect(selectionSummary(['A', 'B'], 'all', count)).toBe('A, B');
		expect(selectionSummary(['A', 'B', 'C'], 'all', count)).toBe('3 chosen');
	});
});
