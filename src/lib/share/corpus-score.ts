/**
 * Scoring of the anonymiser over a corpus (anonymise-corpus.ts): recall of personal items and false replacements
 * of evidence.
 */
import type { Anonymiser } from './anonymise';
import type { CorpusLine } from './anonymise-corpus';

/** One failure, for the test's message. */
export interface CorpusMiss {
	/** The input line. */
	text: string;
	/** The anonymised line. */
	output: string;
	/** The item left behind (leak) or destroyed (false replacement). */
	item: string;
	/** The corpus line's note when the miss is a known gap. */
	known_gap?: string;
}

/** Figures over a corpus. */
export interface CorpusScore {
	/** Lines scored. */
	lines: number;
	/** Personal items in the corpus. */
	items: number;
	/** Of those, removed. */
	removed: number;
	/** removed / items. */
	recall: number;
	/** Evidence items in the corpus. */
	kept_items: number;
	/** Evidence items changed or removed. */
	false_replacements: number;
	/** Personal items left behind. */
	leaks: CorpusMiss[];
	/** Evidence destroyed. */
	destroyed: CorpusMiss[];
}

const TOKENS = /\[[^\]\n]*\]|(?:Клиент|Сотрудник|Бот|Customer|Agent|Bot) \d+/gu;

/** Words of 3+ letters and groups of 2+ digits of an item: what must not survive. */
function fragments(item: string): string[] {
	return item.match(/\p{L}{3,}|\d{2,}/gu) ?? [item];
}

function survives(fragment: string, output: string): boolean {
	const edge = /^\d/.test(fragment) ? '\\d' : '\\p{L}';
	const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<!${edge})${escaped}(?!${edge})`, 'u').test(output);
}

/** Anonymise every line with `anonymiser` (one per language, names registered) and score. */
export function scoreCorpus(corpus: CorpusLine[], anonymiserFor: (lang: 'ru' | 'en') => Anonymiser): CorpusScore {
	const leaks: CorpusMiss[] = [];
	const destroyed: CorpusMiss[] = [];
	let items = 0;
	let keptItems = 0;
	for (const line of corpus) {
		const output = anonymiserFor(line.lang).text(line.text);
		const visible = output.replace(TOKENS, ' ');
		for (const item of line.remove) {
			items++;
			if (fragments(item).some((f) => survives(f, visible))) leaks.push({ text: line.text, output, item, known_gap: line.known_gap });
		}
		for (const item of line.keep) {
			keptItems++;
			if (!output.includes(item)) destroyed.push({ text: line.text, output, item });
		}
	}
	return {
		lines: corpus.length, items, removed: items - leaks.length, recall: items ? (items - leaks.length) / items : 1,
		kept_items: keptItems, false_replacements: destroyed.length, leaks, destroyed
	};
}
