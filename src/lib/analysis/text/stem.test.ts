import { describe, expect, it } from 'vitest';
import { stemWord, stemWords } from './stem';

describe('stemWord', () => {
	it('stems Russian words with PorterStemmerRu', () => {
		expect(stemWord('менеджера')).toBe(stemWord('менеджеру'));
	});

	it('stems English words with Porter', () => {
		expect(stemWord('waiting')).toBe('wait');
	});

	it('keeps the qualifier of a hyphenated role', () => {
		expect(stemWord('бренд-менеджеру')).toBe('бренд-менеджер');
		expect(stemWord('бренд-менеджеру')).not.toBe(stemWord('менеджеру'));
	});

	it('leaves masks alone', () => {
		expect(stemWords(['<num>', '<url>'])).toEqual(['<num>', '<url>']);
	});
});
