/**
 * Commitments in one message's text, Russian and English (both grammars run on every text: a message mixing
 * them is common in exports, and the two share no words).
 *
 * A commitment is a time expression (time-expressions.ts) that a cue word (cues.ts) makes a promise or a
 * deadline. Rules, where the issue leaves them open:
 * - the cue is the nearest one in the same clause (commas, brackets, "а", "но", "and", "but" end clauses);
 *   an expression with a preposition or a duration ("до 20 мая", "в течение 3 дней") may also take the nearest
 *   cue elsewhere in its sentence, the one before it first; a bare day ("20 мая", "Friday") needs one in its
 *   clause or at most 40 characters before it;
 * - an expression after a condition marker in its sentence ("если", "в случае", "if", "unless") sets nothing,
 *   nor does one inside quotation marks (a reply citing the customer), nor a point in time ("в 11:30", "20 мая",
 *   not a limit such as "до 20 мая") in a clause whose verb is in the past ("отключили в 11:30");
 *   nor does a day or time that opens a window ("с 10:00", "from 9 am") or ends a period ("с 1 по 15 мая");
 *   vague phrases ("в ближайшее время", "дополнительно", "soon") have no time and set nothing;
 * - a message may hold several commitments: each is kept, except that the same kind and due time is kept once;
 * - who may set what is decided by the caller (commitment-status.ts): this function reads text only.
 * Dates are resolved by due-date.ts (its comment lists the calendar choices).
 */
import { findConditions, findCues, hasPastVerb, type Cue } from './cues';
import { resolveDue, type ClockTime, type DueSpec } from './due-date';
import { ANY_TIME_WORD, findTimeExpressions, type TimeToken } from './time-expressions';
import type { CommitmentKind, FoundCommitment } from './types';

/**
 * Whether the text may hold a commitment at all (no time word, no commitment): the hot-loop pre-filter, one
 * plain case-insensitive expression (no `u` flag, no Unicode property tables) run on the raw text.
 */
export function mayHoldCommitment(text: string): boolean {
	// A null text (an attachment-only row read from the database) holds nothing.
	return typeof text === 'string' && ANY_TIME_WORD.test(text);
}

/** Lower case, `е` for `ё`, plain spaces and apostrophes; the same length as the input. */
export function normaliseForCommitments(text: string): string {
	return text.toLowerCase().replace(/ё/g, 'е').replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** A commitment as the text alone says it, before it is placed on the calendar. */
interface Reading {
	kind: CommitmentKind;
	phrase: string;
	spec: DueSpec;
	time: ClockTime | null;
}

/**
 * Readings of recent texts: support chats repeat the same templates thousands of times, and reading a text
 * costs tens of microseconds while placing a reading on the calendar costs one.
 */
const readings = new Map<string, readonly Reading[]>();
const MAX_READINGS = 20_000;

/** The commitments `text`, sent at `sentAt` (epoch ms UTC) in `timeZone`, sets; [] when none. */
export function findCommitments(text: string, sentAt: number, timeZone: string): FoundCommitment[] {
	if (!mayHoldCommitment(text)) return [];
	let read = readings.get(text);
	if (!read) {
		read = readText(text);
		if (readings.size >= MAX_READINGS) readings.clear();
		readings.set(text, read);
	}
	const found: FoundCommitment[] = [];
	const seen = new Set<string>();
	for (const r of read) {
		const due = resolveDue(r.spec, r.time, sentAt, timeZone);
		if (due === null || Number.isNaN(due)) continue;
		const key = `${r.kind}:${due}`;
		if (seen.has(key)) continue;
		seen.add(key);
		found.push({ kind: r.kind, phrase: r.phrase, due_at: due });
	}
	return found;
}

/** Quoted words: the customer's own words cited in a reply ("Покупатель пишет: «Верните деньги до понедельника»"). */
const QUOTED = /«[^»\n]*»|“[^”\n]*”|‘[^’\n]*’|"[^"\n]*"/g;

/** The text with every quotation blanked out, the same length: what is quoted sets nothing. */
function withoutQuotes(text: string): string {
	return text.replace(QUOTED, (q) => ' '.repeat(q.length));
}

function readText(text: string): Reading[] {
	// quotes first: normalising turns ‘ ’ into apostrophes
	const lo = normaliseForCommitments(withoutQuotes(text));
	const tokens = findTimeExpressions(lo);
	if (tokens.length === 0) return [];
	const cues = findCues(lo);
	if (cues.length === 0) return [];
	const conditions = findConditions(lo);
	const source = lo.length === text.length ? text : lo;
	const out: Reading[] = [];
	for (const t of tokens) {
		const kind = kindOf(t, lo, cues, conditions);
		if (kind && t.spec) out.push({ kind, phrase: source.slice(t.start, t.end).trim(), spec: t.spec, time: t.time });
	}
	return out;
}

/** Whether the character at `i` ends a sentence. */
function endsSentence(text: string, i: number): boolean {
	const c = text[i];
	if (c === '\n' || c === '!' || c === '?' || c === '…') return true;
	return c === '.' && (i + 1 >= text.length || text[i + 1] === ' ' || text[i + 1] === '\n');
}

/** [start, end) of the sentence holding the token. */
function sentenceOf(text: string, t: TimeToken): [number, number] {
	let s = t.start;
	while (s > 0 && !endsSentence(text, s - 1)) s--;
	let e = t.end;
	while (e < text.length && !endsSentence(text, e)) e++;
	return [s, e];
}

const CLAUSE_END = /[,;:()—–]|\s-\s|(?<![а-яa-z])(?:а|но|and|but|while)(?![а-яa-z])/g;

/** [start, end) of the clause holding the token, inside its sentence. */
function clauseOf(text: string, t: TimeToken, [s0, s1]: [number, number]): [number, number] {
	let c0 = s0;
	let c1 = s1;
	CLAUSE_END.lastIndex = s0;
	for (let m = CLAUSE_END.exec(text); m && m.index < s1; m = CLAUSE_END.exec(text)) {
		const end = m.index + m[0].length;
		if (end <= t.start) c0 = end;
		else if (m.index >= t.end) {
			c1 = m.index;
			break;
		}
	}
	return [c0, c1];
}

/** The nearest cue to the token among those within [from, to), the one before it on a tie. */
function nearestCue(cues: readonly Cue[], t: TimeToken, from: number, to: number): Cue | null {
	let best: Cue | null = null;
	let bestDistance = Infinity;
	for (const c of cues) {
		// A cue inside the expression ("в срок до") is part of it; one overlapping it ("проверка займет") is next to it.
		if (c.start < from || c.end > to || (c.start >= t.start && c.end <= t.end)) continue;
		const distance = c.end <= t.start ? t.start - c.end : c.start >= t.end ? c.start - t.end + 0.5 : 0;
		if (distance < bestDistance || (distance === bestDistance && best && c.end - c.start > best.end - best.start)) {
			best = c;
			bestDistance = distance;
		}
	}
	return best;
}

/** How far (characters) before a bare day its cue may stand outside its clause ("will call you between 10 and 12 tomorrow"). */
const NEAR = 40;

/** A limit or an appointment ("до 20 мая", "в течение 3 дней", "на 15 мая", "by Friday"), not a point in time ("в 11:30", "20 мая"). */
const LIMIT = /^(?:до|к|на|не\s+позднее|не\s+позже|в\s+течение|by|before|until|till|within|for|no\s+later|not\s+later)\s/;

function isLimit(t: TimeToken, text: string): boolean {
	const words = text.slice(t.start, t.end + 1);
	const amount = words.startsWith('до ') && (t.spec?.type === 'days' || t.spec?.type === 'after' || t.spec?.type === 'months');
	return LIMIT.test(words) && !amount;
}

function kindOf(t: TimeToken, text: string, cues: readonly Cue[], conditions: readonly number[]): CommitmentKind | null {
	const sentence = sentenceOf(text, t);
	if (conditions.some((at) => at >= sentence[0] && at < t.start)) return null;
	const [c0, c1] = clauseOf(text, t, sentence);
	// "учетную запись отключили в 11:30": a point in time next to a past verb is when it happened; a limit stays
	// one ("срок перенесли до 27 мая"), but not an amount ("хранение сократили до 7 дней")
	if (!isLimit(t, text) && hasPastVerb(text, c0, c1)) return null;
	const inClause = nearestCue(cues, t, c0, c1);
	if (inClause) return inClause.kind;
	const before = nearestCue(cues, t, sentence[0], t.start);
	if (!t.anchored) return before && t.start - before.end <= NEAR ? before.kind : null;
	return (before ?? nearestCue(cues, t, sentence[0], sentence[1]))?.kind ?? null;
}
