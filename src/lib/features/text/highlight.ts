/** A piece of a text to render: plain, or one of the words behind the off-topic score (shown in a `<mark>`). */
export interface TextSegment {
	text: string;
	marked: boolean;
}

/** The words the score matched, split by side: a shared word counts on both, a `question → answer` pair on one each. */
export interface MatchedTerms {
	question: string[];
	answer: string[];
}

/** Letters, digits and inner hyphens («бренд-менеджер»): `\b` would not see Russian word boundaries. */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
/** Stems in the relevance score are cut to about five letters; a longer word matches its first letters. */
const STEM_LENGTH = 5;

function normalise(word: string): string {
	return word.toLocaleLowerCase('ru').replaceAll('ё', 'е');
}

/** Splits `matched` (shared words and "вопрос → ответ" pairs) into the words to mark in the question and in the answer. */
export function matchedTerms(matched: readonly string[]): MatchedTerms {
	const question: string[] = [];
	const answer: string[] = [];
	for (const entry of matched) {
		const [left, right] = entry.split('→').map((s) => s.trim());
		if (right === undefined) {
			question.push(left);
			answer.push(left);
		} else {
			question.push(left);
			answer.push(right);
		}
	}
	return { question, answer };
}

/** The prefixes a word must start with to be marked: each word of each term, cut to about a stem. */
function prefixesOf(terms: readonly string[]): string[] {
	const prefixes = new Set<string>();
	for (const term of terms) {
		for (const [word] of normalise(term).matchAll(WORD)) prefixes.add(word.length > STEM_LENGTH ? word.slice(0, STEM_LENGTH) : word);
	}
	return [...prefixes];
}

/**
 * The text cut into plain and marked pieces: a word is marked when it starts with the stem of a matched term
 * (case and ё ignored), so «заказа» is marked for «заказ». Rendered as text nodes, never as HTML.
 */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
	const prefixes = prefixesOf(terms);
	if (prefixes.length === 0 || text === '') return text === '' ? [] : [{ text, marked: false }];
	const segments: TextSegment[] = [];
	const push = (piece: string, marked: boolean) => {
		if (piece === '') return;
		const last = segments.at(-1);
		if (last && last.marked === marked && !marked) last.text += piece;
		else segments.push({ text: piece, marked });
	};
	let at = 0;
	for (const match of text.matchAll(WORD)) {
		const word = normalise(match[0]);
		if (!prefixes.some((p) => word.startsWith(p))) continue;
		push(text.slice(at, match.index), false);
		push(match[0], true);
		at = match.index + match[0].length;
	}
	push(text.slice(at), false);
	return segments;
}
