/**
 * Templates: agent and bot replies that are the same text up to names, numbers, dates, emoji, punctuation,
 * greetings and a few words, used in at least 3 different conversations (shared/design/METRICS.md).
 *
 * 1. exact stage: each distinct reply text is normalised once; a map from normalised text to its uses;
 * 2. near-duplicate stage on the distinct texts with 6+ content words: MinHash of 2-word stem shingles,
 *    LSH candidates, each verified by exact shingle Jaccard, clusters by union-find, two clusters joining only
 *    when their most used texts are near as well (no chains of replies made of shared sentence parts);
 * 3. clusters used in 3+ conversations become templates `t1`, `t2`, ... by number of uses.
 * Cost grows linearly with the number of replies: no pair of texts is compared unless LSH proposes it.
 */
import { normaliseText, type NormalisedText } from './normalise';
import { stemWords } from './stem';
import { forEachCandidate, hashString, HashSets, minHash, shingleHashes } from './minhash';
import { PairCounts } from './pair-counts';

/** One agent or bot reply, as in the `messages` table. */
export interface ReplyInput {
	message_id: string;
	conversation_id: string;
	/** `agent` or `bot`; other roles are ignored */
	role: string;
	author: string | null;
	department: string | null;
	text: string;
}

/** One template, as in REPORT-SCHEMA.md `templates[]`, plus the copying flag. */
export interface Template {
	template_id: string;
	/** replies that use it */
	messages: number;
	/** distinct conversations it is used in */
	conversations: number;
	/** its most frequent variant, as written */
	text: string;
	/** distinct variants (raw texts) */
	variants: number;
	departments: string[];
	/** distinct authors who sent it */
	authors: number;
	/** roles that sent it, sorted */
	roles: string[];
	/** used by a bot and also sent by a human agent: a human copying bot text */
	human_copies_bot: boolean;
}

export interface TemplateResult {
	/** message_id -> template_id, only for templated replies */
	byMessage: Map<string, string>;
	/** templates ordered by uses */
	templates: Template[];
}

export interface TemplateOptions {
	/** least number of distinct conversations (METRICS.md: 3) */
	minConversations?: number;
	/** least content words for the near-duplicate stage */
	minContentWords?: number;
	/** least exact shingle Jaccard for two texts to join */
	minJaccard?: number;
	/** normalises a reply's text, called once per distinct text (reply-kinds can share the work through it) */
	normalise?: (raw: string) => NormalisedText;
}

/** Near-duplicate threshold on exact 2-word-shingle Jaccard (scripts/eval-templates.ts). */
export const MIN_JACCARD = 0.35;
/** Scattered edits lower shingle Jaccard fast; a pair this close on single stems with few changes also joins. */
const MIN_WORD_JACCARD = 0.5;
const MAX_CHANGED_WORDS = 3;

class UnionFind {
	private parent: Int32Array;
	constructor(n: number) {
		this.parent = new Int32Array(n);
		for (let i = 0; i < n; i++) this.parent[i] = i;
	}
	find(i: number): number {
		const p = this.parent;
		while (p[i] !== i) {
			p[i] = p[p[i]];
			i = p[i];
		}
		return i;
	}
	union(a: number, b: number): void {
		const ra = this.find(a);
		const rb = this.find(b);
		if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
	}
}

/**
 * Distinct normalised texts (exact-stage keys) and the replies using each, with the word hashes the near-duplicate
 * stage compares for those long enough to cluster (`near`). The words themselves are not kept: at 1M generated
 * messages the normalised texts of every distinct reply were 360 MiB of heap, and they grew with the data.
 */
interface Distinct {
	keys: string[];
	uses: number[][];
	near: NearTexts;
}

/** The keys with enough content words, each with its word pairs and stems as sorted hashes and its signature. */
interface NearTexts {
	/** Index into `Distinct.keys`. */
	ids: number[];
	/**
	 * Each text's word pairs (at 2k) and then its stems (at 2k + 1), side by side: a candidate check reads both, and
	 * at 1M messages `clusterNear` took 12.3-13.6 s with them in two separate `HashSets`, 10.5-11.0 s like this.
	 */
	sets: Uint32Array[];
	sigs: Uint32Array[];
}

/** The exact-stage key; a reply made only of stock phrases is keyed by its full normalised text. */
function exactKey(n: NormalisedText): string {
	// «Благодарим за обращение, Ирина! Хорошего дня»: the phrases are the text; names still do not count
	return n.text.length > 0 ? n.text : '\u0000' + n.full.replaceAll('<name>', '').replace(/ +/g, ' ').trim();
}

/** A reply text left out of the exact stage: nothing but emoji or punctuation. */
const NO_KEY = -1;

/** Groups the replies by exact-stage key, normalising each distinct reply text once. */
function groupExact(replies: readonly ReplyInput[], normalise: (raw: string) => NormalisedText, minWords: number): Distinct {
	const keyOfText = new Map<string, number>();
	const index = new Map<string, number>();
	const d: Distinct = { keys: [], uses: [], near: { ids: [], sets: [], sigs: [] } };
	for (let r = 0; r < replies.length; r++) {
		const { role, text } = replies[r];
		if (role !== 'agent' && role !== 'bot') continue;
		let i = keyOfText.get(text);
		if (i === undefined) {
			const n = normalise(text);
			const key = exactKey(n);
			i = key === '\u0000' ? NO_KEY : index.get(key);
			if (i === undefined) {
				index.set(key, (i = d.keys.length));
				d.keys.push(key);
				d.uses.push([]);
				if (n.words.length >= minWords) addNear(d.near, i, n.words);
			}
			keyOfText.set(text, i);
		}
		if (i !== NO_KEY) d.uses[i].push(r);
	}
	return d;
}

function addNear(near: NearTexts, id: number, words: readonly string[]): void {
	const s = stemWords(words);
	const shingles = shingleHashes(s);
	const stems = Uint32Array.from(new Set(s.map(hashString))).sort();
	near.ids.push(id);
	near.sets.push(shingles, stems);
	// signatures over word pairs and single stems: scattered one-word edits break pairs but keep the words,
	// so edited copies still meet in an LSH band; the exact checks of `clusterNear` decide
	near.sigs.push(minHash(concat(shingles, stems)));
}

function clusterNear(d: Distinct, minJaccard: number): UnionFind {
	const uf = new UnionFind(d.keys.length);
	const { ids, sigs } = d.near;
	const sets = new HashSets(d.near.sets);
	d.near.sets = [];
	const near = (a: number, b: number) => sets.jaccardAtLeast(2 * a, 2 * b, minJaccard) || fewWordEdits(sets, 2 * a + 1, 2 * b + 1);
	// Each cluster keeps a representative, its most used text; two clusters join only when their representatives
	// are near too. Without it, replies put together from shared sentence parts chain into one cluster (A near B,
	// B near C, … Z far from A): at 97,000 generated messages one "template" held 3,780 replies, 98% of them sharing
	// under a quarter of their words with its text.
	const rep = new Int32Array(d.keys.length).fill(-1);
	ids.forEach((id, k) => (rep[id] = k));
	// Texts near each other meet in many LSH bands, so the same pair of clusters comes up again and again: whether
	// two representatives are near is remembered (a pure function of two texts; bounded, cleared when full).
	const far = new PairCounts();
	forEachCandidate(sigs, (a, b) => {
		const ra = uf.find(ids[a]);
		const rb = uf.find(ids[b]);
		if (ra === rb) return;
		const ka = rep[ra];
		const kb = rep[rb];
		const lo = Math.min(ka, kb);
		const hi = Math.max(ka, kb);
		if (far.count(lo, hi) > 0 || !near(a, b)) return;
		if ((ka !== a || kb !== b) && !near(ka, kb)) {
			if (far.size >= FAR_MEMO_LIMIT) far.clear();
			far.increment(lo, hi);
			return;
		}
		uf.union(ra, rb);
		rep[uf.find(ra)] = d.uses[ids[ka]].length >= d.uses[ids[kb]].length ? ka : kb;
	});
	return uf;
}

/** At most this many far pairs of representatives are remembered at once (48 MB). */
const FAR_MEMO_LIMIT = 2_000_000;

/**
 * Same words up to a few replaced: «Опоздание машины ... в этом случае» vs «Опоздание рейса ... в данном
 * случае». Counted on both sides, so a short reply cannot join a long one just by being contained in it.
 */
function fewWordEdits(stems: HashSets, a: number, b: number): boolean {
	// a merge of the two sorted sets of distinct hashes that stops at the fourth word only one side has
	const { values: v, offsets } = stems;
	const aStart = offsets[a];
	const aEnd = offsets[a + 1];
	const bStart = offsets[b];
	const bEnd = offsets[b + 1];
	let i = aStart;
	let j = bStart;
	let inter = 0;
	while (i < aEnd && j < bEnd) {
		if (v[i] === v[j]) {
			inter++;
			i++;
			j++;
		} else if (v[i] < v[j]) {
			if (++i - aStart - inter > MAX_CHANGED_WORDS) return false;
		} else if (++j - bStart - inter > MAX_CHANGED_WORDS) return false;
	}
	const aSize = aEnd - aStart;
	const bSize = bEnd - bStart;
	const union = aSize + bSize - inter;
	const changed = Math.max(aSize - inter, bSize - inter);
	return inter / union >= MIN_WORD_JACCARD && changed <= MAX_CHANGED_WORDS;
}

/** Both sets in one array, for one signature (minHash does not need it sorted). */
function concat(a: Uint32Array, b: Uint32Array): Uint32Array {
	const out = new Uint32Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

function mostFrequent(counts: Map<string, number>): string {
	let best = '';
	let n = -1;
	for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
	return best;
}

function describe(replies: readonly ReplyInput[], uses: number[]): Omit<Template, 'template_id'> {
	const convs = new Set<string>();
	const deps = new Set<string>();
	const authors = new Set<string>();
	const roles = new Set<string>();
	const variants = new Map<string, number>();
	for (const r of uses) {
		const m = replies[r];
		convs.add(m.conversation_id);
		if (m.department) deps.add(m.department);
		if (m.author) authors.add(m.author);
		roles.add(m.role);
		variants.set(m.text, (variants.get(m.text) ?? 0) + 1);
	}
	return {
		messages: uses.length,
		conversations: convs.size,
		text: mostFrequent(variants),
		variants: variants.size,
		departments: [...deps].sort(),
		authors: authors.size,
		roles: [...roles].sort(),
		human_copies_bot: roles.has('bot') && roles.has('agent')
	};
}

/** Finds the templates among agent and bot replies (see the module comment). */
export function findTemplates(replies: readonly ReplyInput[], options: TemplateOptions = {}): TemplateResult {
	const minConversations = options.minConversations ?? 3;
	const d = groupExact(replies, options.normalise ?? normaliseText, options.minContentWords ?? 6);
	const uf = clusterNear(d, options.minJaccard ?? MIN_JACCARD);
	const clusters = new Map<number, number[]>();
	for (let i = 0; i < d.keys.length; i++) {
		const root = uf.find(i);
		const uses = clusters.get(root);
		if (uses) for (const u of d.uses[i]) uses.push(u);
		else clusters.set(root, d.uses[i].slice());
	}
	const found: { uses: number[]; t: Omit<Template, 'template_id'> }[] = [];
	for (const uses of clusters.values()) {
		const t = describe(replies, uses);
		if (t.conversations >= minConversations) found.push({ uses, t });
	}
	found.sort((a, b) => b.t.messages - a.t.messages || b.t.conversations - a.t.conversations || a.uses[0] - b.uses[0]);
	const byMessage = new Map<string, string>();
	const templates = found.map(({ uses, t }, k) => {
		const template_id = `t${k + 1}`;
		for (const r of uses) byMessage.set(replies[r].message_id, template_id);
		return { template_id, ...t };
	});
	return { byMessage, templates };
}
