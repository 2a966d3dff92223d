/**
 * Finding people's names in free text: registered names in all their word forms, common first names, and any
 * capitalised name after a greeting, a title or "меня зовут" / "my name is".
 */
import type { Span } from './detect';
import { COMMON_FIRST_NAMES, RU_PATRONYMIC, RU_SURNAME_OR_PATRONYMIC, mayBeName, nameForms } from './name-forms';

const W = '\\p{L}\\p{N}_';

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Word forms of names, each pointing to the people ("role:name" keys) who carry it; one regex over all. */
export class NameIndex {
	private owners = new Map<string, Set<string>>();
	private compiled: RegExp | null = null;

	/** Index the words of `name` (and the whole string, for logins like "agent_417"); `owner` may be ''. */
	add(name: string, owner: string): void {
		const whole = name.trim().replace(/\s+/g, ' ');
		if (whole.length >= 2 && mayBeName(whole)) this.addForm(whole, owner);
		for (const word of whole.split(/[\s,]+/)) {
			if (word.length < 2 || /\d|[@_]/.test(word) || /^\p{L}\.$/u.test(word) || !mayBeName(word)) continue;
			for (const form of nameForms(word)) this.addForm(form, owner);
		}
	}

	/** True when `word` is a form of a name of `owner`. */
	owns(word: string, owner: string): boolean {
		return this.owners.get(word)?.has(owner) ?? false;
	}

	/** True when `word` is one of the indexed forms. */
	has(word: string): boolean {
		return this.owners.has(word);
	}

	private addForm(form: string, owner: string): void {
		const set = this.owners.get(form) ?? new Set<string>();
		if (!this.owners.has(form)) this.compiled = null;
		if (owner) set.add(owner);
		this.owners.set(form, set);
	}

	/** Spans of indexed forms in `text`, with their owners. */
	find(text: string, priority: number): Span[] {
		if (this.owners.size === 0) return [];
		this.compiled ??= new RegExp(
			`(?<![${W}])(?:${[...this.owners.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![${W}])`, 'gu');
		const spans: Span[] = [];
		for (const m of text.matchAll(this.compiled)) {
			const owners = [...(this.owners.get(m[0]) ?? [])];
			spans.push({ start: m.index, end: m.index + m[0].length, kind: 'name', priority, owner: owners.length === 1 ? owners[0] : owners.length ? '?' : undefined });
		}
		return spans;
	}
}

const DICTIONARY = new NameIndex();
for (const name of COMMON_FIRST_NAMES) DICTIONARY.add(name, '');

/** Capitalised Cyrillic or Latin word (with hyphenated parts), or an initial "И.". */
const WORD = /^(?:\p{Lu}(?:\p{Ll}+|(?=['’]\p{Lu}))(?:['’-]\p{Lu}\p{Ll}+)*|\p{Lu}\.)/u;
/** Russian words that start a sentence after a greeting and are not names. */
const RU_NOT_NAME_ENDING = /(?:ите|ете|йте|ешь|ишь|ть|ться|ся|сь|у|ю)$/u;

/** True when `word` looks like part of a name by itself: registered or common, a surname, patronymic or initial. */
function isNameLike(word: string, known: NameIndex[]): boolean {
	if (/^\p{Lu}\.$/u.test(word)) return true;
	if (!mayBeName(word)) return false;
	return RU_SURNAME_OR_PATRONYMIC.test(word) || known.some((k) => k.has(word)) || DICTIONARY.has(word);
}

/** Take up to 4 name words starting at `pos` (single spaces between them); the first must pass `first`. */
function takeName(text: string, pos: number, first: (w: string) => boolean, known: NameIndex[], latinLoose: boolean): number | null {
	let end = pos;
	let count = 0;
	for (let at = pos; count < 4;) {
		const m = WORD.exec(text.slice(at));
		if (!m) break;
		const word = m[0];
		const wordEnd = at + word.length;
		if (new RegExp(`^[${W}]`, 'u').test(text.slice(wordEnd, wordEnd + 1))) break;
		const ok = count === 0 ? first(word) : isNameLike(word, known) || (latinLoose && /^[A-Z][a-z]/.test(word) && mayBeName(word));
		if (!ok) break;
		end = wordEnd;
		count++;
		const gap = /^[ \t]/.exec(text.slice(end))?.[0] ?? (word.endsWith('.') ? '' : null);
		if (gap === null) break;
		at = end + gap.length;
	}
	return count === 0 ? null : end;
}

const RU_TRIGGERS = new RegExp(
	`(?<![${W}])(?:здравствуйте|здравствуй|добр(?:ый|ое|ой)\\s+(?:день|вечер|утро|ночи)|доброго\\s+(?:дня|времени(?:\\s+суток)?|утра|вечера)|привет(?:ствую)?|уважаем(?:ый|ая|ые)|дорог(?:ой|ая)|спасибо|благодарю|извините|до свидания|с уважением|всего доброго|хорошего (?:дня|вечера)|меня зовут|вас беспокоит|на связи|с вами|фио|получател[ьяю]|отправител[ьяю]|г-ну?|г-жа|г-же|г-жу|господин[ау]?|госпож[аеиу])(?![${W}])(?:[ \\t]*[,:][ \\t]*\\n?[ \\t]*|[ \\t]+)`,
	'giu');
const EN_TRIGGERS = new RegExp(
	`(?<![${W}])(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks|thank you|regards|best regards|kind regards|warm regards|best wishes|cheers|sincerely|bye|goodbye|my name is|my name's|this is)(?![${W}])(?:[ \\t]*[,:][ \\t]*\\n?[ \\t]*|[ \\t]+)`,
	'giu');
const EN_TITLES = new RegExp(`(?<![${W}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.?[ \\t]+(?=\\p{Lu})`, 'gu');
const EN_TITLE = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)/;
/** "Dear YouTube Team": the capitalised word is an organisation, not a person. */
const ORGANISATION_NEXT = /^[ \t]+(?:Team|Support|Service|Care|Customer|Help|Community|Staff|Department|Inc|LLC|Ltd)(?![\p{L}])/u;
/** A Twitter-care signature at the end: "... ^Shivangi", "*MS". */
const SIGNATURE = /(?<=\s)[\^*](\p{Lu}[\p{L}]{1,20})\s*$/u;

/** Name spans announced by their context (greeting, title, introduction); `found` receives the first words. */
function findByContext(text: string, known: NameIndex[], found: Set<string>): Span[] {
	const spans: Span[] = [];
	const firstRu = (w: string) => mayBeName(w) && !RU_NOT_NAME_ENDING.test(w) && (/\p{Script=Cyrillic}/u.test(w) || /^[A-Z][a-z]+$/.test(w));
	const firstEn = (w: string) => mayBeName(w) && /^[A-Z][A-Za-z'’-]+$/.test(w) && /^[A-Z][a-z]|^[A-Z]['’]/.test(w);
	for (const [re, first, latinLoose] of [[RU_TRIGGERS, firstRu, false], [EN_TRIGGERS, firstEn, true], [EN_TITLES, firstEn, true]] as const) {
		for (const m of text.matchAll(re)) {
			const nameStart = m.index + m[0].length;
			const end = takeName(text, nameStart, first, known, latinLoose);
			if (end === null || ORGANISATION_NEXT.test(text.slice(end))) continue;
			const isTitle = EN_TITLE.test(m[0]);
			spans.push({ start: isTitle ? m.index : nameStart, end, kind: 'name', priority: 21 });
			const word = WORD.exec(text.slice(nameStart))?.[0];
			if (word && word.length >= 3 && !word.endsWith('.')) found.add(word);
		}
	}
	const signature = SIGNATURE.exec(text);
	if (signature) spans.push({ start: signature.index + 1, end: signature.index + 1 + signature[1].length, kind: 'name', priority: 21 });
	return spans;
}

const CAP = `\\p{Lu}\\p{Ll}+`;
/** "Анна Петровна", "Иванов И.И.", "И. И. Иванов", "J. Smith". */
const SHAPED = new RegExp(
	`(?<![${W}])(?:${CAP}[ \\t]+${CAP}(?:ович|евич|ьич|овн|евн|ичн)\\p{Ll}{0,3}|${CAP}[ \\t]+\\p{Lu}\\.(?:[ \\t]?\\p{Lu}\\.)?(?![ \\t]?\\p{Lu}\\p{Ll})|\\p{Lu}\\.[ \\t]?(?:\\p{Lu}\\.[ \\t]?)?${CAP})(?![${W}])`,
	'gu');

/**
 * Any capitalised word after a role noun or a verb of contact: "менеджер Ринат", "связалась Алия",
 * "spoke to Rajesh". Department words are excluded by stem.
 */
const AFTER_ACTOR = new RegExp(
	`(?<![${W}])(?:курьер|водител|сотрудни[кц]|менеджер|оператор|администратор|кладовщи|звонил|позвонил|написал|ответил|связал|приходил|приезжал|ип|spoke to|spoke with|talked to|talked with|asked for|ask for|courier|driver|agent|rep)[а-яё]*[ \\t,]+(?<n>[А-ЯЁA-Z][а-яёa-z]+)(?![${W}])`, 'giu');
const DEPARTMENT_STEM = /^(?:техподдерж|претензи|выплат|проверк|бренд|территор|поддерж|служб|отдел)/i;

function findAfterActor(text: string): Span[] {
	const spans: Span[] = [];
	for (const m of text.matchAll(AFTER_ACTOR)) {
		const word = m.groups!.n;
		if (!/^\p{Lu}/u.test(word) || !mayBeName(word) || DEPARTMENT_STEM.test(word) || RU_NOT_NAME_ENDING.test(word)) continue;
		const start = m.index + m[0].length - word.length;
		spans.push({ start, end: start + word.length, kind: 'name', priority: 22 });
	}
	return spans;
}

/** A lone capitalised word addressed at the end of a sentence: "Жду вас до 20:00, Роза." */
const VOCATIVE = new RegExp(`,[ \\t]+(?<n>\\p{Lu}\\p{Ll}+)[ \\t]*(?:[.!?]|$)`, 'gu');

function findVocative(text: string): Span[] {
	const spans: Span[] = [];
	for (const m of text.matchAll(VOCATIVE)) {
		const word = m.groups!.n;
		if (!mayBeName(word) || DEPARTMENT_STEM.test(word) || RU_NOT_NAME_ENDING.test(word)) continue;
		const start = m.index + m[0].indexOf(word);
		spans.push({ start, end: start + word.length, kind: 'name', priority: 22 });
	}
	return spans;
}

/** A surname-shaped word after a role word: "курьер Сидоров", "ИП Кузнецова". */
const AFTER_ROLE = new RegExp(
	`(?<![${W}])(?:курьер|водител|сотрудни|менеджер|оператор|клиент|получател|отправител|продав|покупател|директор|администратор|владел|ип|ооо|у|от|для|с)[а-яё]*[ \\t]+«?(?<n>[А-ЯЁA-Z][а-яёa-z]+)(?![${W}])`, 'giu');

function findShaped(text: string): Span[] {
	const spans: Span[] = [];
	for (const m of text.matchAll(AFTER_ROLE)) {
		const word = m.groups!.n;
		if (!/^\p{Lu}/u.test(word) || !RU_SURNAME_OR_PATRONYMIC.test(word) || !mayBeName(word)) continue;
		const start = m.index + m[0].length - word.length;
		spans.push({ start, end: start + word.length, kind: 'name', priority: 22 });
	}
	for (const m of text.matchAll(SHAPED)) {
		const words = m[0].split(/[\s.]+/).filter((w) => w.length > 1);
		if (!words.every(mayBeName)) continue;
		if (/^\p{Lu}\p{Ll}+[ \t]+\p{Lu}\.$/u.test(m[0]) && !/\p{Script=Cyrillic}/u.test(m[0])) continue; // "Box S."
		if (/^\p{Lu}\./u.test(m[0]) && !/\p{Script=Cyrillic}/u.test(m[0]) && !DICTIONARY.has(words[0]) && m[0].length < 5) continue;
		spans.push({ start: m.index, end: m.index + m[0].length, kind: 'name', priority: 22 });
	}
	return spans;
}

/** Grow a name span over neighbouring surname / patronymic / initial words ("Анна" + " Смирнова"). */
function extend(text: string, span: Span, known: NameIndex[]): Span {
	let { start, end, owner } = span;
	const foreign = (word: string) => owner !== undefined && !known[0].owns(word, owner);
	for (;;) {
		const m = /^[ \t]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\p{Lu}\.(?:[ \t]?\p{Lu}\.)?)(?![\p{L}\p{N}_])/u.exec(text.slice(end));
		if (!m || !(RU_SURNAME_OR_PATRONYMIC.test(m[1]) || RU_PATRONYMIC.test(m[1]) || /^\p{Lu}\./u.test(m[1]) || known.some((k) => k.has(m[1])))) break;
		if (!/^\p{Lu}\./u.test(m[1]) && foreign(m[1])) owner = undefined;
		end += m[0].length;
	}
	// "Jonathan Groff": a Latin name takes one following capitalised word as its surname
	const latin = /^[ \t]+([A-Z][a-z]+(?:['’-][A-Z][a-z]+)?)(?![\p{L}\p{N}_])/u.exec(text.slice(end));
	if (latin && /^[A-Z][a-z]+$/.test(text.slice(span.start, span.end).split(/\s/).pop() ?? '') && mayBeName(latin[1])) {
		if (foreign(latin[1])) owner = undefined;
		end += latin[0].length;
	}
	const before = /(\p{Lu}\p{Ll}+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start));
	if (before && RU_SURNAME_OR_PATRONYMIC.test(before[1]) && mayBeName(before[1])) {
		if (foreign(before[1])) owner = undefined;
		start -= before[0].length;
	}
	return { ...span, start, end, owner };
}

/**
 * All name spans in `text`. `known` holds registered people (spans carry their owner). A name announced by its
 * context ("Здравствуйте, Снежана") is also replaced elsewhere in the same text, not in later texts: one wrong
 * guess must not spread through a report.
 */
export function detectNames(text: string, known: NameIndex): Span[] {
	const discovered = new NameIndex();
	const found = new Set<string>();
	const context = findByContext(text, [known, discovered], found);
	for (const word of found) if (!known.has(word)) discovered.add(word, '');
	const indexes = [known, discovered];
	return [
		...known.find(text, 20),
		...context,
		...findShaped(text),
		...findAfterActor(text),
		...findVocative(text),
		...discovered.find(text, 23),
		...DICTIONARY.find(text, 24)
	].map((s) => extend(text, s, indexes));
}
