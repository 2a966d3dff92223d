/**
 * Counts keyed by a pair of ids (non-negative 32-bit integers), in one typed array: an open-addressing table with
 * linear probing, doubled when half full, each slot holding its two ids and its count side by side (one cache
 * line read per lookup). Used where a detector looks pairs up millions of times: the word pairs of the off-topic
 * score (relevance.ts) and the pairs of templates known to be far apart (templates.ts). A `Map` cannot key a pair
 * by one small integer: a Map per first id, or one keyed `a * 2^26 + b` (a heap number), cost 0.4-1 µs a
 * lookup there.
 */
export class PairCounts {
	/** Distinct pairs held. */
	size = 0;
	/** Slot i is [3i] first id (EMPTY when free), [3i + 1] second id, [3i + 2] count. */
	private slots: Int32Array;

	/** `capacity`: slots to start with, a power of two. */
	constructor(capacity = 1024) {
		this.slots = emptySlots(capacity);
	}

	/** How many times the pair (a, b) was counted; 0 for a pair never counted. */
	count(a: number, b: number): number {
		return this.slots[this.slotOf(a, b) + 2];
	}

	/** Counts the pair (a, b) once more. */
	increment(a: number, b: number): void {
		let at = this.slotOf(a, b);
		if (this.slots[at] === EMPTY) {
			if (2 * 3 * (this.size + 1) > this.slots.length) {
				this.grow();
				at = this.slotOf(a, b);
			}
			this.slots[at] = a;
			this.slots[at + 1] = b;
			this.size++;
		}
		this.slots[at + 2]++;
	}

	/** Forgets every pair (the table keeps its size). */
	clear(): void {
		this.slots = emptySlots(this.slots.length / 3);
		this.size = 0;
	}

	/** Where the slot holding (a, b) starts, or the free slot where it would go (a free slot counts 0). */
	private slotOf(a: number, b: number): number {
		const slots = this.slots;
		const mask = slots.length / 3 - 1;
		let slot = hashPair(a, b) & mask;
		while (slots[3 * slot] !== EMPTY && (slots[3 * slot] !== a || slots[3 * slot + 1] !== b)) slot = (slot + 1) & mask;
		return 3 * slot;
	}

	private grow(): void {
		const old = this.slots;
		this.slots = emptySlots((2 * old.length) / 3);
		for (let i = 0; i < old.length; i += 3) {
			if (old[i] === EMPTY) continue;
			const at = this.slotOf(old[i], old[i + 1]);
			this.slots.set(old.subarray(i, i + 3), at);
		}
	}
}

/** A free slot's first id (ids are never negative). */
const EMPTY = -1;

function emptySlots(capacity: number): Int32Array {
	const slots = new Int32Array(3 * capacity);
	for (let i = 0; i < slots.length; i += 3) slots[i] = EMPTY;
	return slots;
}

/** Murmur3's finaliser over both ids: neighbouring ids land far apart. */
function hashPair(a: number, b: number): number {
	let h = Math.imul(a, 0x9e3779b1) ^ b;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return h ^ (h >>> 16);
}
