import { describe, expect, it } from 'vitest';
import { PairCounts } from './pair-counts';

describe('PairCounts', () => {
	it('counts each ordered pair apart, 0 for a pair never counted', () => {
		const counts = new PairCounts();
		counts.increment(1, 2);
		counts.increment(1, 2);
		counts.increment(2, 1);
		expect([counts.count(1, 2), counts.count(2, 1), counts.count(1, 3), counts.size]).toEqual([2, 1, 0, 2]);
	});

	it('keeps every count when it grows past its first capacity', () => {
		const counts = new PairCounts(4);
		for (let a = 0; a < 300; a++) for (let b = 0; b <= a % 7; b++) counts.increment(a, 1000 + b);
		let wrong = 0;
		for (let a = 0; a < 300; a++) for (let b = 0; b < 8; b++) if (counts.count(a, 1000 + b) !== (b <= a % 7 ? 1 : 0)) wrong++;
		expect(wrong).toBe(0);
	});

	it('forgets every pair on clear', () => {
		const counts = new PairCounts();
		counts.increment(0, 0);
		counts.clear();
		expect([counts.count(0, 0), counts.size]).toEqual([0, 0]);
	});
});
