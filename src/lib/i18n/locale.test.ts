import { describe, expect, it } from 'vitest';
import { initialLocale } from './locale.svelte';

describe('initialLocale', () => {
	it('keeps the stored choice', () => {
		expect(initialLocale('en', ['ru-RU'])).toBe('en');
		expect(initialLocale('ru', ['en-US'])).toBe('ru');
	});
	it('follows an English browser when nothing is stored', () => {
		expect(initialLocale(null, ['en-US', 'ru'])).toBe('en');
	});
	it('defaults to Russian for any other browser language', () => {
		expect(initialLocale(null, ['de-DE'])).toBe('ru');
		expect(initialLocale(null, [])).toBe('ru');
	});
	it('ignores a stored value that is not a language', () => {
		expect(initialLocale('fr', ['ru'])).toBe('ru');
	});
});
