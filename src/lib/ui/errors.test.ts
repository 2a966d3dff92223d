import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors';

describe('errorMessage', () => {
	it('uses the message of an Error', () => {
		expect(errorMessage(new Error('The file is empty.'))).toBe('The file is empty.');
	});
	it('uses a thrown string as it is', () => {
		expect(errorMessage('no dataset')).toBe('no dataset');
	});
	it('uses the message of an error that crossed postMessage as a plain object', () => {
		expect(errorMessage({ name: 'Error', message: 'worker failed' })).toBe('worker failed');
	});
	it('falls back to the text of anything else', () => {
		expect(errorMessage(42)).toBe('42');
	});
});
