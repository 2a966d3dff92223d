/**
 * Anonymisation of shared reports (issue 5, part 2): pseudonyms for the people of a dataset and removal of personal
 * data from free text (message excerpts, template texts, chart labels). Pure and deterministic: one anonymiser is
 * one report, and the same input gives the same output within it.
 *
 * Replacement scheme (tokens.ts):
 * - registered people become "Клиент N" / "Сотрудник N" / "Бот N" ("Customer N" / "Agent N" / "Bot N"), numbered
 *   per role in order of first sight; in text every word form of a registered name becomes that pseudonym when the
 *   words point to one person, else "[имя]" / "[name]"; other names (after greetings, titles, common first names)
 *   become "[имя]" / "[name]";
 * - identifiers a reader follows across messages get a number per distinct value: "[заказ 1]", "[претензия 2]",
 *   "[обращение 1]", "[ШК 1]", "[ПВЗ 1]", "[номер 3]" ("[order 1]", "[claim 2]", "[ticket 1]", "[barcode 1]",
 *   "[point 1]", "[number 3]"); the keyword before them stays ("заказ № [заказ 1]");
 * - contact and document data lose their value: "[телефон]", "[e-mail]", "[ссылка]", "[аккаунт]", "[адрес]",
 *   "[карта]", "[счёт]", "[документ]" ("[phone]", "[email]", "[link]", "[handle]", "[address]", "[card]",
 *   "[account]", "[ID]");
 * - money, dates, times and durations are never touched: they are the evidence.
 *
 * Register names (customer / agent / bot) before anonymising texts that mention them: a name registered later is
 * only replaced in texts anonymised after that.
 *
 * Limits (measured in anonymise-corpus.ts): names are found by registration, a list of common first names, their
 * context (greeting, title, role noun, "меня зовут", a comma before the last word) and their shape (patronymic,
 * initials, Russian surname endings); an unregistered rare name in none of these places stays. A registered name that
 * is also a word (Вера, Роза) is replaced wherever it is capitalised. Bare user names ("jane_doe"), numbers written in
 * groups with spaces and no keyword, and street addresses without a street word stay.
 */
import type { Role } from '$lib/model';
import { detectPatterns, type Span } from './detect';
import { NameIndex, detectNames } from './names';
import { NUMBERED_KINDS, formatPseudonym, formatToken, type Kind, type Language, type PersonRole } from './tokens';

export type { Language } from './tokens';

/** Options of `createAnonymiser`. */
export interface AnonymiserOptions {
	/** Language of pseudonyms and tokens; 'ru' by default. */
	language?: Language;
}

/** Replaces the personal data of one report; keeps its state (numbering) between calls. */
export interface Anonymiser {
	/** Pseudonym of a customer ("Клиент 1"); null stays null, a blank name stays as it is. */
	customer(name: string | null): string | null;
	/** Pseudonym of an agent ("Сотрудник 1"). */
	agent(name: string | null): string | null;
	/** Pseudonym of a bot ("Бот 1"). */
	bot(name: string | null): string | null;
	/** Pseudonym by message role; a `system` author is not a person and only has its text cleaned. */
	author(role: Role, name: string | null): string | null;
	/** Free text with personal data replaced. */
	text(s: string): string;
	/** A chart label or table cell: the pseudonym when it is a registered name, else the text cleaned. */
	label(s: string): string;
}

function normaliseName(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLowerCase().replace(/ё/g, 'е');
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Non-overlapping spans in text order: lower priority number first, longer first; name spans that overlap merge. */
function resolve(spans: Span[]): Span[] {
	const ordered = [...spans].sort((a, b) => a.priority - b.priority || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
	const accepted: Span[] = [];
	for (const span of ordered) {
		const hit = accepted.find((a) => overlaps(a, span));
		if (!hit) accepted.push({ ...span });
		else if (hit.kind === 'name' && span.kind === 'name') {
			hit.start = Math.min(hit.start, span.start);
			hit.end = Math.max(hit.end, span.end);
		}
	}
	return accepted.filter((s) => s.kind !== 'keep').sort((a, b) => a.start - b.start);
}

/** Join name spans separated by spaces only ("Анна" + "Смирнова"); the owner survives when both agree. */
function mergeNames(text: string, spans: Span[]): Span[] {
	const out: Span[] = [];
	for (const span of spans) {
		const prev = out[out.length - 1];
		if (prev && prev.kind === 'name' && span.kind === 'name' && /^[ \t]*$/.test(text.slice(prev.end, span.start))) {
			prev.owner = prev.owner === undefined ? span.owner : span.owner === undefined || span.owner === prev.owner ? prev.owner : '?';
			prev.end = span.end;
		} else out.push({ ...span });
	}
	return out;
}

/** Create an anonymiser for one report. */
export function createAnonymiser(options: AnonymiserOptions = {}): Anonymiser {
	const language: Language = options.language ?? 'ru';
	const pseudonyms = new Map<string, string>(); // "role:normalised name" -> pseudonym
	const byName = new Map<string, string>(); // normalised name -> first pseudonym (for labels)
	const counters: Record<string, number> = {};
	const known = new NameIndex();
	const numbered = new Map<string, string>(); // normalised identifier -> token

	function person(role: PersonRole, name: string | null): string | null {
		if (name === null || name.trim() === '') return name;
		const norm = normaliseName(name);
		const key = `${role}:${norm}`;
		let pseudonym = pseudonyms.get(key);
		if (pseudonym === undefined) {
			counters[role] = (counters[role] ?? 0) + 1;
			pseudonym = formatPseudonym(language, role, counters[role]);
			pseudonyms.set(key, pseudonym);
			if (!byName.has(norm)) byName.set(norm, pseudonym);
			known.add(name, key);
		}
		return pseudonym;
	}

	function token(kind: Exclude<Kind, 'keep'>, value: string, owner: string | undefined): string {
		if (kind === 'name') return (owner && pseudonyms.get(owner)) || formatToken(language, 'name');
		if (!NUMBERED_KINDS.has(kind)) return formatToken(language, kind);
		const key = value.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
		let t = numbered.get(key);
		if (t === undefined) {
			counters[kind] = (counters[kind] ?? 0) + 1;
			t = formatToken(language, kind, counters[kind]);
			numbered.set(key, t);
		}
		return t;
	}

	function text(s: string): string {
		if (!s) return s;
		const spans = mergeNames(s, resolve([...detectPatterns(s), ...detectNames(s, known)]));
		let out = '';
		let at = 0;
		for (const span of spans) {
			out += s.slice(at, span.start) + token(span.kind as Exclude<Kind, 'keep'>, s.slice(span.start, span.end), span.owner);
			at = span.end;
		}
		return out + s.slice(at);
	}

	return {
		customer: (name) => person('customer', name),
		agent: (name) => person('agent', name),
		bot: (name) => person('bot', name),
		author: (role, name) => (role === 'system' ? (name === null ? null : text(name)) : person(role, name)),
		text,
		label: (s) => byName.get(normaliseName(s)) ?? text(s)
	};
}
