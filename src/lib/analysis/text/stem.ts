/**
 * Cached stemming: natural's PorterStemmerRu for Cyrillic words, Porter for Latin ones.
 * Hyphenated words keep their first parts whole and stem the last one, so «бренд-менеджера» stays one
 * token, `бренд-менеджер`, distinct from a bare `менеджер`.
 */
import PorterStemmerRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { isCyrillicWord, MASKS } from './normalise';

const cache = new Map<string, string>();
/** Past this many entries the cache starts again, so a huge vocabulary cannot exhaust memory. */
const CACHE_LIMIT = 200_000;

function stemPart(word: string): string {
	return isCyrillicWord(word) ? PorterStemmerRu.stem(word) : PorterStemmer.stem(word);
}

/** The stem of one normalised word (lower case, `е` for `ё`); masks are returned unchanged. */
export function stemWord(word: string): string {
	let s = cache.get(word);
	if (s !== undefined) return s;
	if (MASKS.has(word)) s = word;
	else {
		const dash = word.lastIndexOf('-');
		s = dash > 0 && dash < word.length - 1 ? word.slice(0, dash + 1) + stemPart(word.slice(dash + 1)) : stemPart(word);
		if (s.length === 0) s = word;
	}
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(word, s);
	return s;
}

/** Stems of a list of words, in order. */
export function stemWords(words: readonly string[]): string[] {
	const out = new Array<string>(words.length);
	for (let i = 0; i < words.length; i++) out[i] = stemWord(words[i]);
	return out;
}
