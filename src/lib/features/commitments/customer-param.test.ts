import { describe, expect, it } from 'vitest';
import { readCustomer, timelineHref, withCustomer } from './customer-param';

describe('the customer in the address', () => {
	it('is read from ?who=, blank meaning none', () => {
		expect(readCustomer(new URLSearchParams('who=%D0%9F%D0%92%D0%97-77-0142'))).toBe('ПВЗ-77-0142');
		expect(readCustomer(new URLSearchParams('who=%20'))).toBeUndefined();
		expect(readCustomer(new URLSearchParams('dept=A'))).toBeUndefined();
	});

	it('is set and removed keeping the view’s parameters', () => {
		const url = new URL('http://x/commitments?dept=A&from=2024-05-01');
		const set = withCustomer(url, 'ПВЗ-77-0142');
		expect(set.searchParams.getAll('dept')).toEqual(['A']);
		expect(set.searchParams.get('who')).toBe('ПВЗ-77-0142');
		expect(withCustomer(set, null).search).toBe('?dept=A&from=2024-05-01');
	});

	it('makes the "show on the timeline" link', () => {
		expect(timelineHref('/commitments', '?dept=A', 'ПВЗ 1', 'timeline')).toBe('/commitments?dept=A&who=%D0%9F%D0%92%D0%97+1#timeline');
		expect(timelineHref('/commitments', '', 'X', 'timeline')).toBe('/commitments?who=X#timeline');
	});
});
