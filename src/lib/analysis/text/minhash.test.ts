import { describe, expect, it } from 'vitest';
import { estimateJaccard, forEachCandidate, HashSets, jaccard, minHash, shingleHashes } from './minhash';

const words = (s: string) => s.split(' ');

describe('minhash', () => {
	it('makes 2-word shingles', () => {
		expect(shingleHashes(words('a b c')).length).toBe(2);
		expect(shingleHashes(words('a b a b')).length).toBe(2);
	});

	it('estimates Jaccard close to the exact value', () => {
		const a = shingleHashes(words('one two three four five six seven eight nine ten eleven twelve'));
		const b = shingleHashes(words('one two three four five six seven eight nine ten zzz yyy'));
		expect(Math.abs(estimateJaccard(minHash(a), minHash(b)) - jaccard(a, b))).toBeLessThan(0.15);
	});

	it('proposes near-duplicates and not unrelated texts as candidates', () => {
		const texts = ['а б в г д е ж з', 'а б в г д е ж и', 'к л м н о п р с'];
		const sigs = texts.map((t) => minHash(shingleHashes(words(t))));
		const pairs = new Set<string>();
		forEachCandidate(sigs, (i, j) => pairs.add(`${i}-${j}`));
		expect(pairs.has('0-1')).toBe(true);
		expect(pairs.has('0-2') || pairs.has('1-2')).toBe(false);
	});

	it('decides jaccardAtLeast as jaccard(a, b) >= min, whatever the sizes and the overlap (empty sets included)', () => {
		let seed = 7;
		const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
		const set = () => Uint32Array.from(new Set(Array.from({ length: random(30) }, () => random(40)))).sort();
		const sets = Array.from({ length: 400 }, set);
		const packed = new HashSets(sets);
		for (let a = 0; a < sets.length; a++) {
			for (const b of [a, (a * 7 + 3) % sets.length, (a * 13 + 5) % sets.length]) {
				for (const min of [0, 0.1, 0.35, 0.5, 1]) expect(packed.jaccardAtLeast(a, b, min)).toBe(jaccard(sets[a], sets[b]) >= min);
			}
		}
	});
});
