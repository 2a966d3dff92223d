import { describe, expect, it } from 'vitest';
import { en } from './messages.en';
import { ru } from './messages.ru';
import { translate } from './translate';

describe('translate', () => {
	it('fills named placeholders', () => {
		expect(translate('Файл {name} пропущен', 'ru', { name: 'a.csv' })).toBe('Файл a.csv пропущен');
	});
	it('writes numbers in the locale style', () => {
		expect(translate('{n} rows', 'ru', { n: 12_345 })).toBe('12\u00a0345 rows');
	});
	it('chooses the Russian plural form by count', () => {
		const rows = { one: '{count} строка', few: '{count} строки', many: '{count} строк', other: '{count} строки' };
		expect(translate(rows, 'ru', { count: 1 })).toBe('1 строка');
		expect(translate(rows, 'ru', { count: 3 })).toBe('3 строки');
		expect(translate(rows, 'ru', { count: 11 })).toBe('11 строк');
		expect(translate(rows, 'ru', { count: 1.5 })).toBe('1,5 строки');
	});
	it('chooses the English plural form by count', () => {
		expect(translate({ one: '{count} row', other: '{count} rows' }, 'en', { count: 1 })).toBe('1 row');
		expect(translate({ one: '{count} row', other: '{count} rows' }, 'en', { count: 2 })).toBe('2 rows');
	});
	it('leaves an unknown placeholder visible', () => {
		expect(translate('Hello {who}', 'en')).toBe('Hello {who}');
	});
});

describe('message catalogues', () => {
	it('have the same keys in both languages', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
	});
	it('use the same placeholders in both languages', () => {
		const placeholders = (m: unknown) => [...JSON.stringify(m).matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
		for (const key of Object.keys(ru) as (keyof typeof ru)[]) {
			expect(new Set(placeholders(en[key])), key).toEqual(new Set(placeholders(ru[key])));
		}
	});
});
