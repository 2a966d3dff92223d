import { describe, expect, it } from 'vitest';
import { unpackStrings } from './packed-rows';

describe('unpackStrings', () => {
	it('reads items by their code-point lengths, whatever characters they hold', () => {
		expect(unpackStrings('3:a:b0:2:🎄!5:12:34')).toEqual(['a:b', '', '🎄!', '12:34']);
	});

	it('reads no items from null (a group without rows) or from the empty string', () => {
		expect(unpackStrings(null)).toEqual([]);
		expect(unpackStrings('')).toEqual([]);
	});
});
