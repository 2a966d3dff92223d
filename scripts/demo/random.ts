/**
 * Seeded randomness for the demo generator. mulberry32 is tiny, fast and good enough for synthetic
 * data; the same seed gives the same file byte for byte.
 * https://github.com/bryc/code/blob/master/jshash/PRNGs.md#mulberry32
 */
export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max], both ends included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** A key of `weights`, drawn in proportion to its weight (zero and missing weights are never drawn). */
	weighted<K extends string>(weights: Partial<Record<K, number>>): K {
		const entries = Object.entries(weights) as [K, number][];
		const total = entries.reduce((sum, [, w]) => sum + w, 0);
		let r = this.next() * total;
		for (const [key, w] of entries) {
			r -= w;
			if (r < 0 && w > 0) return key;
		}
		return entries.filter(([, w]) => w > 0).at(-1)![0];
	}

	/** Standard normal (Box-Muller). */
	normal(): number {
		const u = 1 - this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}

	/** Log-normal with the given median; sigma is the spread of its logarithm (1 ≈ ×2.7 either way). */
	lognormal(median: number, sigma: number): number {
		return median * Math.exp(sigma * this.normal());
	}
}

/** Turns `--seed` into a 32-bit number: digits are used as they are, other text is hashed (FNV-1a). */
export function seedFrom(text: string): number {
	if (/^\d+$/.test(text)) return Number(text) >>> 0;
	let hash = 0x811c9dc5;
	for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
	return hash >>> 0;
}

/** Draws items in proportion to fixed weights; built once, drawn from many times (binary search). */
export class WeightedTable<T> {
	private readonly cumulative: number[] = [];
	private readonly total: number;

	constructor(
		private readonly items: readonly T[],
		weightOf: (item: T, index: number) => number
	) {
		let sum = 0;
		items.forEach((item, index) => this.cumulative.push((sum += weightOf(item, index))));
		this.total = sum;
	}

	draw(rng: Rng): T {
		const r = rng.next() * this.total;
		let lo = 0;
		let hi = this.cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.cumulative[mid] > r) hi = mid;
			else lo = mid + 1;
		}
		return this.items[lo];
	}
}
