/**
 * Text normalisation for the text flags (templates, reply kinds), Russian and English.
 *
 * One pass of char-code loops per message (no `\p{L}` regexes: they are slow in hot loops, and JS `\b`
 * does not see Cyrillic word boundaries, see shared/design/STYLE.md).
 * - lower case, `ё` -> `е`;
 * - tokens with digits become `<num>` (or `<phone>` for a run with 7+ digits), URLs `<url>`, e-mails `<email>`;
 * - emoji, joiners, variation selectors and punctuation are separators, so they disappear;
 * - a capitalised name right after a greeting or thanks, or opening the message before a comma, is masked
 *   («Здравствуйте, Ирина!», "Hi Sarah,", «Владислав, ожидайте ответа») and left out of `text`;
 * - greeting, thanks, apology and closing phrases are left out of `text` and `words` (kept in `full`).
 */

/** What a stock phrase does in a reply. */
export type PhraseKind = 'greeting' | 'thanks' | 'apology' | 'closing' | 'address';

/** Stock phrases, Russian and English in one table. Written normalised (lower case, `е` for `ё`). */
export const STOCK_PHRASES: readonly (readonly [string, PhraseKind])[] = [
	// greetings
	['здравствуйте', 'greeting'], ['здравствуй', 'greeting'], ['добрый день', 'greeting'],
	['добрый вечер', 'greeting'], ['доброе утро', 'greeting'], ['доброго дня', 'greeting'],
	['доброго времени суток', 'greeting'], ['приветствую', 'greeting'], ['привет', 'greeting'],
	['hello', 'greeting'], ['hi', 'greeting'], ['hey', 'greeting'], ['dear', 'greeting'],
	['good morning', 'greeting'], ['good afternoon', 'greeting'], ['good evening', 'greeting'],
	['greetings', 'greeting'],
	// forms of address that carry no content
	['коллеги', 'address'], ['уважаемый партнер', 'address'], ['уважаемые коллеги', 'address'],
	['уважаемый', 'address'], ['уважаемая', 'address'], ['there', 'address'], ['team', 'address'],
	// thanks
	['благодарим за обращение', 'thanks'], ['благодарим за обратную связь', 'thanks'],
	['благодарим за ожидание', 'thanks'], ['спасибо за ожидание', 'thanks'], ['спасибо за обращение', 'thanks'],
	['спасибо что написали', 'thanks'], ['спасибо за терпение', 'thanks'], ['спасибо за вопрос', 'thanks'],
	['спасибо за информацию', 'thanks'], ['благодарю за обращение', 'thanks'], ['благодарим', 'thanks'],
	['спасибо', 'thanks'], ['thank you for contacting us', 'thanks'], ['thank you for reaching out', 'thanks'],
	['thank you for your patience', 'thanks'], ['thanks for your patience', 'thanks'],
	['thank you for your message', 'thanks'], ['thanks for reaching out', 'thanks'],
	['thank you', 'thanks'], ['thanks', 'thanks'],
	// apologies
	['приносим извинения за неудобства', 'apology'], ['приносим свои извинения', 'apology'],
	['приносим извинения', 'apology'], ['извините за ожидание', 'apology'], ['извините за задержку', 'apology'],
	['просим прощения', 'apology'], ['к сожалению', 'apology'], ['извините', 'apology'],
	['we apologize for the inconvenience', 'apology'], ['we apologise for the inconvenience', 'apology'],
	['sorry for the inconvenience', 'apology'], ['sorry for the delay', 'apology'],
	['we apologize', 'apology'], ['we apologise', 'apology'], ['apologies', 'apology'],
	['unfortunately', 'apology'], ['sorry', 'apology'], ['we are sorry', 'apology'],
	// closings
	['хорошего дня', 'closing'], ['хорошего вечера', 'closing'], ['хорошего вам дня', 'closing'],
	['хорошего вам вечера', 'closing'], ['отличного дня', 'closing'], ['удачного дня', 'closing'],
	['всего доброго', 'closing'], ['всего хорошего', 'closing'], ['хороших выходных', 'closing'],
	['рады были помочь', 'closing'], ['рады помочь', 'closing'], ['обращайтесь', 'closing'],
	['если появятся вопросы пишите', 'closing'], ['если остались вопросы пишите', 'closing'],
	['с уважением', 'closing'], ['до свидания', 'closing'],
	['have a nice day', 'closing'], ['have a great day', 'closing'], ['have a good day', 'closing'],
	['have a great weekend', 'closing'], ['best regards', 'closing'], ['kind regards', 'closing'],
	['regards', 'closing'], ['glad to help', 'closing'], ['happy to help', 'closing'],
	['let us know if you have any other questions', 'closing'],
	['let us know if you have any questions', 'closing'], ['feel free to reach out', 'closing'],
	['take care', 'closing'], ['cheers', 'closing']
];

/** Function words left out of the content words (the 6-word rule counts content only). */
const STOP_WORDS = new Set(
	(
		'и в во на с со к ко по о об от до за из у а но или же ли не ни то это этот эта эти как что чтобы ' +
		'так уже вы вам вас ваш ваша ваше ваши мы нам нас наш я мне меня он она они их его ее при для бы ' +
		'пожалуйста the a an and or of to in on at for with is are be been was were it this that you your we our us i ' +
		'me my as by from will can if so do does not no'
	).split(' ')
);

/** Masks that stand for a token. They are neither content words nor names. */
export const MASKS = new Set(['<num>', '<phone>', '<url>', '<email>', '<name>']);

/** The result of normalising one message. */
export interface NormalisedText {
	/** normalised tokens without stock phrases, joined by one space: the exact-stage key */
	text: string;
	/** content words (no stock phrases, masks or function words), in order */
	words: string[];
	/** all normalised tokens including stock phrases, joined by one space */
	full: string;
	/** kinds of the stock phrases found */
	phrases: Set<PhraseKind>;
}

interface Token {
	/** normalised form or mask */
	t: string;
	/** the original token started with an upper-case letter */
	cap: boolean;
	/** a sentence end (. ! ? …) stands between this token and the previous one */
	brk: boolean;
	/** a comma stands between this token and the previous one */
	comma: boolean;
}

interface PhraseNode {
	next: Map<string, PhraseNode>;
	kind?: PhraseKind;
}

const PHRASES: PhraseNode = buildTrie(STOCK_PHRASES);

function buildTrie(list: readonly (readonly [string, PhraseKind])[]): PhraseNode {
	const root: PhraseNode = { next: new Map() };
	for (const [phrase, kind] of list) {
		let node = root;
		for (const w of phrase.split(' ')) {
			let child = node.next.get(w);
			if (!child) node.next.set(w, (child = { next: new Map() }));
			node = child;
		}
		node.kind = kind;
	}
	return root;
}

/** A letter of a word: Latin, Latin-1/Extended letters, Cyrillic. */
export function isLetterCode(c: number): boolean {
	return (
		(c >= 97 && c <= 122) ||
		(c >= 65 && c <= 90) ||
		(c >= 0x0400 && c <= 0x04ff) ||
		(c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
	);
}

function isDigitCode(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isSpaceCode(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** A word token [i, j) in lower case, `ё` -> `е`, apostrophes dropped ("we'll" -> "well"). Native calls: fast. */
function wordOf(raw: string, i: number, j: number, apostrophe: boolean, yo: boolean): string {
	let w = raw.slice(i, j).toLowerCase();
	if (yo) w = w.replaceAll('ё', 'е');
	if (apostrophe) w = w.replaceAll("'", '').replaceAll('\u2019', '');
	return w;
}

function isUpperCode(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 0x400 && c <= 0x42f);
}

/** Splits a message into tokens: whitespace chunks are first checked for URLs, e-mails and numbers. */
function tokenise(raw: string, out: Token[]): void {
	const n = raw.length;
	let i = 0;
	while (i < n) {
		while (i < n && isSpaceCode(raw.charCodeAt(i))) i++;
		if (i >= n) break;
		let j = i;
		while (j < n && !isSpaceCode(raw.charCodeAt(j))) j++;
		chunkTokens(raw, i, j, out);
		i = j;
	}
}

function pushMask(out: Token[], mask: string, digits: number): void {
	const last = out[out.length - 1];
	// a phone written with spaces arrives as several numeric chunks: merge them into one mask
	if (last && (last.t === '<num>' || last.t === '<phone>') && (mask === '<num>' || mask === '<phone>')) {
		lastDigits += digits;
		if (last.t === '<num>' && lastDigits >= 7 && digits > 0) last.t = '<phone>';
		return;
	}
	lastDigits = digits;
	push(out, mask, false);
}

// per-message tokeniser state (the tokeniser is synchronous, so module state is safe)
let lastDigits = 0;
let sawBreak = false;
let sawComma = false;

function push(out: Token[], t: string, cap: boolean): void {
	out.push({ t, cap, brk: sawBreak, comma: sawComma });
	sawBreak = false;
	sawComma = false;
}

/** An agent's sign-off initials: `^JS`, `*SR`, `-JK` (one marker, then 1-4 capital Latin letters). */
function isInitials(raw: string, start: number, end: number): boolean {
	const m = raw.charCodeAt(start);
	if ((m !== 94 && m !== 42 && m !== 45) || end - start < 2 || end - start > 5) return false;
	for (let i = start + 1; i < end; i++) {
		const c = raw.charCodeAt(i);
		if (c < 65 || c > 90) return false;
	}
	return true;
}

/** `name@host.tld` inside [start, end): an `@` after the first char, then a dot before the end. */
function isEmail(raw: string, start: number, end: number): boolean {
	let at = -1;
	for (let i = start + 1; i < end - 1; i++) {
		const c = raw.charCodeAt(i);
		if (c === 64) at = i;
		else if (c === 46 && at > 0 && i > at + 1 && i < end - 1) return true;
	}
	return false;
}

function chunkTokens(raw: string, start: number, end: number, out: Token[]): void {
	// URL or e-mail: the whole chunk is one mask
	const c0 = raw.charCodeAt(start) | 0x20;
	if ((c0 === 104 && raw.startsWith('http', start)) || (c0 === 119 && raw.startsWith('www.', start))) {
		push(out, '<url>', false);
		return;
	}
	// a social-media handle (@TeamYouTube) or an agent's initials (^JS, *SR, -JK) name someone
	if ((raw.charCodeAt(start) === 64 && end - start > 1) || isInitials(raw, start, end)) {
		push(out, '<name>', false);
		return;
	}
	if (isEmail(raw, start, end)) {
		push(out, '<email>', false);
		return;
	}
	let i = start;
	while (i < end) {
		const c = raw.charCodeAt(i);
		if (!isLetterCode(c) && !isDigitCode(c)) {
			if (c === 46 || c === 33 || c === 63 || c === 0x2026) sawBreak = true;
			else if (c === 44) sawComma = true;
			i++;
			continue;
		}
		// a token: letters and digits, with inner hyphens / dots between digits / apostrophes
		let j = i;
		let digits = 0;
		let dotted = false;
		let apostrophe = false;
		let yo = false;
		while (j < end) {
			const d = raw.charCodeAt(j);
			if (isDigitCode(d)) {
				digits++;
				j++;
			} else if (isLetterCode(d)) {
				if (d === 0x451 || d === 0x401) yo = true;
				j++;
			} else if (
				(d === 45 || d === 39 || d === 0x2019 || d === 46 || d === 47 || d === 58) &&
				j + 1 < end &&
				(isLetterCode(raw.charCodeAt(j + 1)) || isDigitCode(raw.charCodeAt(j + 1))) &&
				(d === 45 || d === 39 || d === 0x2019 || (digits > 0 && isDigitCode(raw.charCodeAt(j + 1))))
			) {
				if (d === 39 || d === 0x2019) apostrophe = true;
				else if (d !== 45) dotted = true;
				j++;
			} else break;
		}
		// dates and times (12.05.2024, 10:30) are numbers, not phones
		if (digits > 0) pushMask(out, digits >= 7 && !dotted ? '<phone>' : '<num>', dotted ? 0 : digits);
		else push(out, wordOf(raw, i, j, apostrophe, yo), isUpperCode(raw.charCodeAt(i)));
		i = j;
	}
}

/** Marks stock phrases: returns per token its phrase kind or undefined. Longest match wins. */
function markPhrases(tokens: Token[]): (PhraseKind | undefined)[] {
	const kinds: (PhraseKind | undefined)[] = new Array(tokens.length);
	let i = 0;
	while (i < tokens.length) {
		let node: PhraseNode | undefined = PHRASES;
		let bestEnd = -1;
		let bestKind: PhraseKind | undefined;
		for (let j = i; j < tokens.length && node; j++) {
			node = node.next.get(tokens[j].t);
			if (node?.kind) {
				bestEnd = j;
				bestKind = node.kind;
			}
		}
		if (bestEnd < 0) {
			i++;
			continue;
		}
		for (let k = i; k <= bestEnd; k++) kinds[k] = bestKind;
		if (bestKind !== 'apology') maskName(tokens, kinds, bestEnd + 1);
		i = bestEnd + 1;
	}
	return kinds;
}

const NAME_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'г-н', 'г-жа']);

/** Masks one or two capitalised words right after a greeting: «Здравствуйте, Ирина Петровна!». */
function maskName(tokens: Token[], kinds: (PhraseKind | undefined)[], at: number): void {
	let i = at;
	if (i < tokens.length && NAME_TITLES.has(tokens[i].t)) i++;
	let masked = 0;
	while (
		i < tokens.length &&
		masked < 2 &&
		tokens[i].cap &&
		!tokens[i].brk &&
		!STOP_WORDS.has(tokens[i].t) &&
		!PHRASES.next.has(tokens[i].t)
	) {
		tokens[i].t = '<name>';
		kinds[i] = 'address';
		i++;
		masked++;
	}
}

/** Words that open a sentence before a comma and are not names. */
const NOT_NAMES = new Set(
	'да нет хорошо итак кстати конечно увы понятно отлично принято ок yes no ok okay also however please now then sure great done noted right well'.split(' ')
);

/** Imperatives and reflexive verbs («Обратитесь, пожалуйста, ...», «Проверьте, ...») are not names. */
function looksLikeVerb(w: string): boolean {
	return w.endsWith('те') || w.endsWith('тесь') || w.endsWith('ся') || w.endsWith('сь');
}

/** A name the message opens with, before a comma: «Владислав, ожидайте ответа», «Ольга Анатольевна, добрый день!». */
function maskLeadingName(tokens: Token[]): void {
	const candidate = (t: Token | undefined) =>
		t !== undefined &&
		t.cap &&
		!t.brk &&
		!STOP_WORDS.has(t.t) &&
		!NOT_NAMES.has(t.t) &&
		!looksLikeVerb(t.t) &&
		!PHRASES.next.has(t.t) &&
		!MASKS.has(t.t);
	if (!candidate(tokens[0])) return;
	if (tokens[1]?.comma) tokens[0].t = '<name>';
	else if (candidate(tokens[1]) && !tokens[1].comma && tokens[2]?.comma) {
		tokens[0].t = '<name>';
		tokens[1].t = '<name>';
	}
}

/** Normalises one message (see the module comment). */
export function normaliseText(raw: string): NormalisedText {
	const tokens: Token[] = [];
	lastDigits = 0;
	sawBreak = false;
	sawComma = false;
	tokenise(raw, tokens);
	maskLeadingName(tokens);
	const kinds = markPhrases(tokens);
	const kept: string[] = [];
	const all: string[] = [];
	const words: string[] = [];
	const phrases = new Set<PhraseKind>();
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i].t;
		all.push(t);
		const kind = kinds[i];
		if (kind) {
			phrases.add(kind);
			continue;
		}
		if (t === '<name>') continue; // «Владислав, ожидайте ответа» = «Анна, ожидайте ответа»
		kept.push(t);
		if (!MASKS.has(t) && !STOP_WORDS.has(t)) words.push(t);
	}
	return { text: kept.join(' '), words, full: all.join(' '), phrases };
}

/** True for a Cyrillic word (decides the stemmer). */
export function isCyrillicWord(word: string): boolean {
	const c = word.charCodeAt(0);
	return c >= 0x0400 && c <= 0x04ff;
}
