/**
 * MinHash signatures over 2-word shingles of stems, and LSH banding to find candidate pairs without
 * comparing every pair of texts.
 */

/**
 * Hashes per signature: 96 = 32 bands x 3 rows. Signatures are taken over word pairs and single stems
 * (templates.ts), where an edited copy of a reply keeps a similarity of about 0.4-0.7: a pair at 0.42 becomes a
 * candidate 91% of the time, at 0.5 98.5%, while two unrelated replies (about 0.1) collide 3% of the time.
 * Candidates are verified exactly, and a family connects through any of its members.
 */
export const NUM_HASHES = 96;
export const BAND_ROWS = 3;
export const NUM_BANDS = NUM_HASHES / BAND_ROWS;

/** 32-bit FNV-1a of a string. */
export function hashString(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** Murmur3's finaliser: a cheap, well-mixed permutation of 32-bit values. */
function mix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

// Fixed seeds, so signatures are the same on every run and in the browser and Node.
const SEEDS = new Uint32Array(NUM_HASHES);
for (let i = 0, x = 0x9e3779b9; i < NUM_HASHES; i++) {
	x = mix(x + 0x6d2b79f5 + i);
	SEEDS[i] = x;
}

/** Distinct shingle hashes: consecutive stem pairs ("a b"); a one-stem text gives its stem. */
export function shingleHashes(stems: readonly string[]): Uint32Array {
	const set = new Set<number>();
	if (stems.length === 1) set.add(hashString(stems[0]));
	for (let i = 0; i + 1 < stems.length; i++) set.add(hashString(stems[i] + ' ' + stems[i + 1]));
	return Uint32Array.from(set).sort();
}

/** The MinHash signature of a set of shingle hashes. */
export function minHash(shingles: Uint32Array): Uint32Array {
	const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
	for (let s = 0; s < shingles.length; s++) {
		const h = shingles[s];
		for (let k = 0; k < NUM_HASHES; k++) {
			const v = mix(h ^ SEEDS[k]);
			if (v < sig[k]) sig[k] = v;
		}
	}
	return sig;
}

/** Share of equal positions: the MinHash estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
	let same = 0;
	for (let k = 0; k < NUM_HASHES; k++) if (a[k] === b[k]) same++;
	return same / NUM_HASHES;
}

/** Size of the intersection of two sorted hash arrays. */
function intersectionSize(a: Uint32Array, b: Uint32Array): number {
	let i = 0;
	let j = 0;
	let n = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			n++;
			i++;
			j++;
		} else if (a[i] < b[j]) i++;
		else j++;
	}
	return n;
}

/** Exact Jaccard similarity of two sorted hash arrays (the definition `jaccardAtLeast` is tested against). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
	return jaccardOf(intersectionSize(a, b), a.length + b.length);
}

/** Jaccard similarity from the intersection and the sum of both sizes. */
function jaccardOf(inter: number, sizes: number): number {
	const union = sizes - inter;
	return union === 0 ? 0 : inter / union;
}

/**
 * Sorted sets of distinct hashes, all in one array: set k is `values[offsets[k]..offsets[k + 1])`. The LSH
 * candidates of a million messages pair texts at random, and a pair of separate small typed arrays costs several
 * cache misses each (each array object, then its elements): at 1M messages `findTemplates` took 40.7 s with one
 * array per text, 30.0 s with these (same templates).
 */
export class HashSets {
	readonly values: Uint32Array;
	readonly offsets: Int32Array;

	constructor(sets: readonly Uint32Array[]) {
		this.offsets = new Int32Array(sets.length + 1);
		for (let k = 0; k < sets.length; k++) this.offsets[k + 1] = this.offsets[k] + sets[k].length;
		this.values = new Uint32Array(this.offsets[sets.length]);
		for (let k = 0; k < sets.length; k++) this.values.set(sets[k], this.offsets[k]);
	}

	/**
	 * `jaccard` of sets `a` and `b` is at least `min`, stopping as soon as the values left cannot reach `min` (the
	 * similarity only grows with the intersection, in floating point too, so the answer is the same). Most LSH
	 * candidates are far apart: at 1M messages 11.7M of 12.4M checks said no, and the full merges took a third of
	 * `findTemplates`.
	 */
	jaccardAtLeast(a: number, b: number, min: number): boolean {
		const { values: v, offsets } = this;
		let i = offsets[a];
		let j = offsets[b];
		const iEnd = offsets[a + 1];
		const jEnd = offsets[b + 1];
		const sizes = iEnd - i + (jEnd - j);
		let inter = 0;
		while (i < iEnd && j < jEnd) {
			if (v[i] === v[j]) {
				inter++;
				i++;
				j++;
				continue;
			}
			if (v[i] < v[j]) i++;
			else j++;
			if (jaccardOf(inter + Math.min(iEnd - i, jEnd - j), sizes) < min) return false;
		}
		return jaccardOf(inter, sizes) >= min;
	}
}

/** The bucket key of one band of a signature. */
function bandKey(sig: Uint32Array, band: number): number {
	let h = band * 0x9e3779b1;
	for (let r = band * BAND_ROWS, end = r + BAND_ROWS; r < end; r++) h = mix(h ^ sig[r]);
	return h;
}

/**
 * Candidate pairs from LSH: texts sharing any band bucket. `visit(i, j)` is called for each pair found;
 * inside a big bucket each text is compared with at most `maxPerBucket` earlier members, so the cost stays
 * linear even when many texts share a band (callers chain clusters through union-find).
 */
export function forEachCandidate(
	signatures: readonly Uint32Array[],
	visit: (i: number, j: number) => void,
	maxPerBucket = 10
): void {
	// each bucket is a linked list through `previous`: no array per bucket, little garbage at a million texts
	const previous = new Int32Array(signatures.length);
	const buckets = new BucketHeads(signatures.length);
	for (let band = 0; band < NUM_BANDS; band++) {
		buckets.clear();
		for (let i = 0; i < signatures.length; i++) {
			const head = buckets.swap(bandKey(signatures[i], band), i);
			previous[i] = head;
			for (let j = head, seen = 0; j >= 0 && seen < maxPerBucket; j = previous[j], seen++) visit(j, i);
		}
	}
}

/**
 * The latest text of each bucket of one band, by bucket key: an open-addressing table in typed arrays, at most
 * half full. A `Map` keyed by the 32-bit band key (a heap number for most keys) took 4.6 of the 100 s of
 * `findTemplates` at 1M messages (profiled).
 */
class BucketHeads {
	private keys: Uint32Array;
	/** The latest text in the bucket of `keys[slot]`, -1 for a free slot. */
	private heads: Int32Array;

	/** Room for `texts` buckets. */
	constructor(texts: number) {
		const capacity = 2 ** Math.ceil(Math.log2(2 * texts + 1));
		this.keys = new Uint32Array(capacity);
		this.heads = new Int32Array(capacity).fill(-1);
	}

	clear(): void {
		this.heads.fill(-1);
	}

	/** Makes `text` the latest in the bucket `key`; returns the one it replaces (-1 for a new bucket). */
	swap(key: number, text: number): number {
		const mask = this.heads.length - 1;
		let slot = key & mask;
		while (this.heads[slot] >= 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
		const head = this.heads[slot];
		this.keys[slot] = key;
		this.heads[slot] = text;
		return head;
	}
}
