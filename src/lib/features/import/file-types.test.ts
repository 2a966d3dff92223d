import { describe, expect, it } from 'vitest';
import { splitAccepted } from './file-types';

describe('splitAccepted', () => {
	it('accepts the offered endings in any case', () => {
		const { accepted, skipped } = splitAccepted([{ name: 'a.CSV' }, { name: 'b.ndjson' }, { name: 'c.txt' }]);
		expect(accepted.map((f) => f.name)).toEqual(['a.CSV', 'b.ndjson', 'c.txt']);
		expect(skipped).toEqual([]);
	});
	it('names the files it skips', () => {
		const { accepted, skipped } = splitAccepted([{ name: 'photo.jpg' }, { name: 'chats.json' }, { name: 'report.xlsx' }]);
		expect(accepted.map((f) => f.name)).toEqual(['chats.json']);
		expect(skipped).toEqual(['photo.jpg', 'report.xlsx']);
	});
});
