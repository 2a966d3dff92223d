import { describe, expect, it } from 'vitest';
import { highlightSegments, matchedTerms } from './highlight';

const marked = (text: string, terms: string[]) => highlightSegments(text, terms).filter((s) => s.marked).map((s) => s.text);

describe('matchedTerms', () => {
	it('puts a shared word on both sides and a pair on one side each', () => {
		expect(matchedTerms(['заказ', 'возврат → склад'])).toEqual({ question: ['заказ', 'возврат'], answer: ['заказ', 'склад'] });
	});
});

describe('highlightSegments', () => {
	it('marks the words that start with a matched stem, ignoring case and ё', () => {
		expect(marked('Где мой Заказа? Ещё ждём заказчика', ['заказ', 'еще'])).toEqual(['Заказа', 'Ещё', 'заказчика']);
	});
	it('cuts long terms to a stem so that other endings match', () => {
		expect(marked('территориальному менеджеру', ['территориальный менеджер'])).toEqual(['территориальному', 'менеджеру']);
	});
	it('keeps a hyphenated role as one word', () => {
		expect(marked('Обратитесь к бренд-менеджеру', ['бренд-менеджер'])).toEqual(['бренд-менеджеру']);
	});
	it('gives the whole text back as pieces in order', () => {
		const text = 'Заказ 123, где заказ?';
		expect(highlightSegments(text, ['заказ']).map((s) => s.text).join('')).toBe(text);
	});
	it('marks nothing without terms', () => {
		expect(highlightSegments('текст', [])).toEqual([{ text: 'текст', marked: false }]);
	});
});
