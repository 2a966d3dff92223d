/**
 * Content tokens for the off-topic score (issue 4, section 4).
 *
 * A small self-contained tokenizer: `normalise.ts` / `stem.ts` are being written in parallel and the two
 * will be merged later. It scans character codes (no `\p{L}` regex, no `\b`, which is ASCII-only in JS),
 * lower-cases, folds `ё` to `е`, drops emoji and punctuation, greeting/closing/waiting phrases and stop words,
 * keeps qualified roles («бренд-менеджер», «территориальный менеджер») as single tokens and order/claim
 * numbers as `#id` tokens, and cuts the remaining words to stems of at most 5 letters.
 */

/** Prefix of tokens that stand for an order, claim or shipment number. */
export const ID_PREFIX = '#';

/** Canonical role tokens and the role class each belongs to (used for the role-mismatch signal). */
export const ROLE_TOKENS: Readonly<Record<string, string>> = {
	'бренд-менеджер': 'brand',
	'территориальный менеджер': 'territorial',
	'аккаунт-менеджер': 'account',
	'менеджер пвз': 'point',
	'brand manager': 'brand',
	'territory manager': 'territorial',
	'account manager': 'account'
};

/**
 * The role tokens as a Map: `token in ROLE_TOKENS` looks each fresh string up in V8's table of property names,
 * and was 0.35 of the 6.3 s of `scoreRelevance` at 100k messages.
 */
const ROLE_CLASSES = new Map(Object.entries(ROLE_TOKENS));

/** True when `token` is a qualified role token. */
export function isRoleToken(token: string): boolean {
	return ROLE_CLASSES.has(token);
}

/** True when `token` stands for an order or claim number. */
export function isIdToken(token: string): boolean {
	return token.charCodeAt(0) === 35; // '#'
}

// Function words, greetings, closings, politeness and support boilerplate that says nothing about the topic.
const STOP_WORDS_RU =
	'и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это эта этот эти ваш ваша ваше ваши вашего вашей вашу наш наша наше наши нашего свой своего своей также который которая которое которые которых очень просто ли либо каждый каждом каждого весь должен должна должно должны должный вся всё сами самим также пока уже ещё либо будут будем буду есть нужно нужен нужна подскажите скажите пожалуйста пожалуй спасибо спасибочки благодарю благодарим благодарны здравствуйте здравствуй привет приветствую добрый доброе доброго добрая день дня вечер вечера утро утра ночи суток времени хорошего хорошей отличного всего доброго до свидания уважением коллеги коллега коллегам уважаемый уважаемая ок окей ok понятно понял поняла ясно хорошо ладно отлично супер угу ага да нет вопрос вопросу вопроса вопросом вопросы ответ ответа ответом ответе ответьте ответить ответим ответили обращение обращения обращению обращением обратитесь обратиться обращайтесь помощь помочь помогите помогли рады были пишите напишите написали пишу писала писал срочно новости новостей подскажите уточните уточнить уточним уточняем вернемся вернёмся сообщим сообщите ожидайте ожидаем ожидать жду ждем ждём ждать ждала ждал передано передали передаю передам передан переведено перевожу переводим специалистам специалисту специалисты специалистов профильным профильный профильного профильные ответственным сотрудникам работе работу можем сможем рекомендуем советуем запрос запроса запросу обратную связь связи информацию информация приняли принято принята приняла терпение рады появятся появится коллег отдел отдела отделу перевожу переведу передаю очереди очередь заняты занят срок сроки рассмотрения рассмотрим рабочих рабочие дней дня придет придёт чат бот помощник бот-помощник опишите одним сообщением постараюсь оператор оператора оператору операторы позовите время ближайшее ближайшего зарегистрирована зарегистрировано номер номеру база базе знаний статья статью статье решен решён поможет подскажут раздел разделе раздела среднее мин ориентировочно ориентировочное течение взят взяли взята данный данному компетенции января февраля марта апреля мая июня июля августа сентября октября ноября декабря январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь понедельника вторника среды четверга пятницы рассмотрим рассмотрение чат чате чата случае случай вариант ситуация ситуации сегодня завтра вчера здесь тут также извините извиняемся приносим извинения неудобства сожалению жаль пожалуйста'.split(
		' '
	);

const STOP_WORDS_EN =
	'a an the and or but if then so of to in on at by for with from as is are was were be been being it its this that these those there here i me my we us our you your he she they them their his her do does did done have has had can could would should will shall may might must not no yes ok okay please thanks thank thx hello hi hey dear good morning afternoon evening day night have nice great regards kind best sincerely team support contacting contact reaching out question questions answer reply help helped helping glad sorry apologies apologize inconvenience wait waiting await soon shortly colleagues specialist specialists forwarded forward passed escalated ticket request issue matter case just also very really about into than too more any some all what which who whom when where why how again still already today tomorrow yesterday let know get got one noted january february march april may june july august september october november december patience welcome feedback progress checking back great information received'.split(
		' '
	);

/** Words next to which a capitalised word is a name to drop («Здравствуйте, Анна!», «Спасибо, Анна!»). */
const GREETING_WORDS = new Set(['здравствуйте', 'добрый', 'доброе', 'день', 'утро', 'вечер', 'привет', 'hello', 'hi', 'dear', 'morning', 'afternoon', 'evening', 'уважаемая', 'уважаемый', 'связь', 'спасибо', 'благодарим', 'thanks', 'thank', 'you']);
const PATRONYMIC = /(ович|евич|овна|евна|ична|инична)$/;

/** True when the capitalised word at `i` is a person's name (after a greeting, before a patronymic, or an opening vocative). */
function isName(words: RawWord[], i: number, afterGreeting: boolean): boolean {
	const w = words[i];
	if (!w.capital || w.digits > 0) return false;
	if (afterGreeting || PATRONYMIC.test(w.text)) return true;
	const next = words[i + 1];
	if (next && next.capital && PATRONYMIC.test(next.text)) return true;
	if (i === 0 && w.comma) return true; // «Дарья, ожидайте ответа»
	return w.comma && next !== undefined && GREETING_WORDS.has(next.text); // «Анна, добрый день»
}

const STOP = new Set<string>([...STOP_WORDS_RU, ...STOP_WORDS_EN]);

/** True for a function word, greeting, politeness or support boilerplate word (lower case, `е` for `ё`). */
export function isStopWord(word: string): boolean {
	return STOP.has(word);
}

// Stems of support boilerplate that survive the word list in other inflections («вопросе», «отвечаете»).
const STOP_STEMS = new Set(['вопро', 'ответ', 'отвеч', 'обращ', 'ожида', 'подск', 'уточн', 'спаси', 'благо', 'здрав', 'пожал', 'извин', 'новос', 'сообщ', 'специ', 'ответс', 'ожида', 'минут']);

// Endings removed before the 5-letter cut, longest first; the stem keeps at least 3 letters.
const ENDINGS_RU = 'иями ями ами ого его ому ему ыми ими ией ией ах ях ов ев ей ам ям ом ем ой ий ый ая яя ое ее ые ие ую юю ию ия ии ью ть а я о е ы и у ю ь й'.split(' ');
const ENDINGS_EN = 'ings ing ied ies ed es s ly'.split(' ');
const STEM_LENGTH = 5;

function isCyr(c: number): boolean {
	return (c >= 0x430 && c <= 0x44f) || c === 0x451;
}

const stems = new Map<string, string>();
/** Past this many entries the stem cache starts again, so a huge vocabulary cannot exhaust memory. */
const STEM_CACHE_LIMIT = 200_000;

/**
 * Cuts a lower-case word to its stem: strip one inflectional ending, then keep at most 5 letters. Cached: trying
 * the endings one by one was 0.25 of the 6.3 s of `scoreRelevance` at 100k messages.
 */
export function stemWord(word: string): string {
	let stem = stems.get(word);
	if (stem === undefined) {
		if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
		stems.set(word, (stem = cutToStem(word)));
	}
	return stem;
}

function cutToStem(word: string): string {
	const cyr = isCyr(word.charCodeAt(0));
	const endings = cyr ? ENDINGS_RU : ENDINGS_EN;
	let w = word;
	for (const e of endings) {
		if (w.length - e.length >= 3 && w.endsWith(e)) {
			w = w.slice(0, w.length - e.length);
			break;
		}
	}
	return w.length > STEM_LENGTH ? w.slice(0, STEM_LENGTH) : w;
}

/** A raw word with its case and digit facts, before stop words and stemming. */
interface RawWord {
	text: string;
	capital: boolean;
	digits: number;
	/** A comma follows the word («Анна, добрый день»). */
	comma: boolean;
	/** A sentence end (`.`, `!`, `?`) follows the word («Добрый день. Чек не печатается»). */
	end?: boolean;
}

/**
 * Splits text into lower-case words (Cyrillic, Latin, digits; inner hyphens kept) by character codes. A word is
 * sliced out of the text in one piece: built a character at a time it was a chain of string pieces, which every
 * later look-up (stop words, stems, topics) had to flatten first.
 */
export function splitWords(text: string): RawWord[] {
	const out: RawWord[] = [];
	let start = -1; // where the current word starts; -1 between words
	let digits = 0;
	const flush = (end: number, comma = false, sentenceEnd = false) => {
		if (start < 0) return;
		while (end > start && isHyphen(text.charCodeAt(end - 1))) end--;
		const word = lowerWord(text.slice(start, end));
		const capital = isCapital(text.charCodeAt(start));
		out.push(sentenceEnd ? { text: word, capital, digits, comma, end: sentenceEnd } : { text: word, capital, digits, comma });
		start = -1;
		digits = 0;
	};
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (isWordCode(c)) {
			if (start < 0) start = i;
			if (c >= 0x30 && c <= 0x39) digits++;
		} else if (isHyphen(c) && start >= 0) {
			if (isHyphen(text.charCodeAt(i - 1))) flush(i); // a double hyphen ends the word and is dropped
		} else if (c !== 0x20 || start >= 0) {
			flush(i, c === 0x2c, c === 0x2e || c === 0x21 || c === 0x3f);
		}
	}
	flush(text.length);
	return out;
}

/** A character of a word: Latin or Russian letter (`ё` too), or digit. */
function isWordCode(c: number): boolean {
	return (
		(c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x44f) || c === 0x451 || c === 0x401 || (c >= 0x30 && c <= 0x39)
	);
}

function isHyphen(c: number): boolean {
	return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/** A capital letter opening a word: Latin, Russian, `Ё`. */
function isCapital(c: number): boolean {
	return (c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f) || c === 0x401;
}

/** A word's characters in lower case, `ё` as `е`, every hyphen as `-`. */
function lowerWord(word: string): string {
	let w = word.toLowerCase();
	if (w.includes('ё')) w = w.replaceAll('ё', 'е');
	if (w.includes('\u2010') || w.includes('\u2011')) w = w.replace(/[\u2010\u2011]/g, '-');
	return w;
}

/** Minimum digits for a number to count as an order, claim or shipment id rather than an amount or date. */
const ID_MIN_DIGITS = 6;

function isManager(w: string): boolean {
	return w.startsWith('менеджер') || w === 'manager' || w === 'managers';
}

/** Recognises a qualified role starting at `i`; returns the token and how many words it used. */
function matchRole(words: RawWord[], i: number): [string, number] | null {
	const w = words[i].text;
	const next = words[i + 1]?.text ?? '';
	if (w.startsWith('бренд-менеджер') || w.startsWith('брендменеджер') || w === 'бренд-менеджеру') return ['бренд-менеджер', 1];
	if (w === 'бренд' && isManager(next)) return ['бренд-менеджер', 2];
	if (w.startsWith('аккаунт-менеджер')) return ['аккаунт-менеджер', 1];
	if ((w.startsWith('территориальн') || w === 'тер' || w === 'терр' || w === 'тм') && isManager(next))
		return ['территориальный менеджер', 2];
	if (w === 'тм' || w === 'тму' || w === 'тма') return ['территориальный менеджер', 1];
	if (w.startsWith('менеджер') && (next === 'пвз' || next === 'пункта')) return ['менеджер пвз', 2];
	if (w === 'brand' && isManager(next)) return ['brand manager', 2];
	if ((w === 'territory' || w === 'territorial' || w === 'area' || w === 'regional') && isManager(next))
		return ['territory manager', 2];
	if (w === 'account' && isManager(next)) return ['account manager', 2];
	return null;
}

/** Token for a word with digits: an id (`#...`) when it looks like an order/claim number, else nothing. */
function idToken(w: RawWord): string | null {
	if (w.digits < ID_MIN_DIGITS) return null;
	return ID_PREFIX + w.text.replace(/[^0-9-]/g, '').replace(/^-+|-+$/g, '');
}

/**
 * Content tokens of one message: stems (≤ 5 letters), role tokens, id tokens. Greetings, closings,
 * politeness, waiting phrases, the name after a greeting, bare «менеджер», short numbers and stop words are dropped.
 */
export function contentTokens(text: string, surfaces?: string[]): string[] {
	const words = splitWords(withoutAddressing(text));
	const out: string[] = [];
	let afterGreeting = false;
	for (let i = 0; i < words.length; i++) {
		const w = words[i];
		if (w.digits > 0) {
			const id = idToken(w);
			if (id) {
				out.push(id);
				surfaces?.push(w.text);
			}
			afterGreeting = false;
			continue;
		}
		const role = matchRole(words, i);
		if (role) {
			out.push(role[0]);
			surfaces?.push(role[1] === 1 ? w.text : w.text + ' ' + words[i + 1].text);
			i += role[1] - 1;
			afterGreeting = false;
			continue;
		}
		if (GREETING_WORDS.has(w.text)) {
			// «Здравствуйте, Анна!» names a person; «Добрый день. Чек не печатается» starts the message proper.
			afterGreeting = w.end !== true;
			continue;
		}
		if (isName(words, i, afterGreeting)) {
			afterGreeting = false; // only the one name right after the greeting
			continue;
		}
		afterGreeting = false;
		if (w.text.length < 2 || STOP.has(w.text) || isManager(w.text)) continue;
		// A hyphenated word that is not a role: keep its parts («3d-панно» -> панно).
		if (w.text.includes('-')) {
			for (const part of w.text.split('-')) {
				if (part.length >= 2 && !STOP.has(part)) {
					out.push(stemWord(part));
					surfaces?.push(part);
				}
			}
			continue;
		}
		const stem = stemWord(w.text);
		if (STOP_STEMS.has(stem)) continue;
		out.push(stem);
		surfaces?.push(w.text);
	}
	return out;
}

/*
 * Parts of a message that address or sign it rather than say something: links (their path words «categories»,
 * «com», «https» matched nothing the customer wrote), @handles of either side, and an agent's sign-off after a
 * mark at the end ("…Thanks. ^Kartika", "*TB", "/VM"), common in exports from social-media support.
 */
const LINK = /(?:https?:\/\/|www\.)\S+/gi;
const HANDLE = /(^|[\s(])@[A-Za-z0-9_]+/g;
const SIGN_OFF = /\s*[\^*/~]\s?[A-Za-zА-Яа-яЁё]{1,15}\s*$/;

/** The text without links, @handles and a trailing sign-off. */
export function withoutAddressing(text: string): string {
	return text.replace(LINK, ' ').replace(HANDLE, '$1 ').replace(SIGN_OFF, '');
}

/** Closing words that may follow a clarifying question ("Could you send the order number? Thanks!"). */
const TRAILING_CLOSINGS = /(?:[\s.!]*(?:thanks|thank you|спасибо|благодарим|заранее спасибо))+[\s.!🙂😊]*$/i;

/**
 * True when the text ends as a question (last non-space, non-emoji mark is `?`), sign-off and a closing
 * thank-you aside.
 */
export function endsWithQuestion(text: string): boolean {
	text = withoutAddressing(text).replace(TRAILING_CLOSINGS, '');
	for (let i = text.length - 1; i >= 0; i--) {
		const c = text.charCodeAt(i);
		if (c === 0x3f) return true;
		if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x29 || c >= 0xd800) continue;
		if (c === 0x21 || c === 0x2e) return false;
		return false;
	}
	return false;
}

/**
 * Share of the reply's content words that sit in its questions (sentences ending in `?`, or asking for a detail
 * without one: "Please let us know the platform"): a reply that is mostly a question back («Could you tell me your
 * postcode and whether the problem is with calls, data or both?») asks for what it needs to answer.
 */
export function questionShare(text: string): number {
	let inQuestions = 0;
	let all = 0;
	for (const sentence of withoutAddressing(text).match(/[^.!?…]+[.!?…]*/g) ?? []) {
		const n = contentTokens(sentence).length;
		all += n;
		if (sentence.trimEnd().endsWith('?') || ASKS_FOR_DETAILS.test(sentence)) inQuestions += n;
	}
	return all > 0 ? inQuestions / all : 0;
}

/** A sentence asking for a detail without a question mark ("Please let us know the platform", «Уточните номер заказа»). */
const ASKS_FOR_DETAILS =
	/^\s*(?:please\s+|pls\s+|пожалуйста,?\s+)?(?:let us know|tell us|may we know|could you (?:tell|share|confirm|provide|send)|can you (?:tell|share|confirm|provide|send)|(?:please )?(?:confirm|share|provide) (?:the|your|which|what|whether)|уточните|подскажите|сообщите,? (?:пожалуйста,? )?(?:номер|какой|какая|какие|когда|где|сколько))/iu;

/** Opening words of a reply that takes note of what the customer did («Спасибо, получили», «Анна, отлично», "Great, you're all set"). */
const ACK_OPENINGS = /^[\s\p{P}]*(?:\p{Lu}\p{Ll}+,\s*)?(спасибо|благодарю|благодарим|отлично|прекрасно|супер|хорошо|рада|рад|рады|принято|получили|видим|thanks|thank you|great|perfect|excellent|got it|glad|noted|brilliant|lovely)(?![\p{L}])/iu;
/** Russian past-tense verb endings (5 letters or more: «подали», «перезагрузила») and English reports of a done thing. */
const RU_PAST = /^[\p{L}]{2,}(ила|ала|яла|ела|ули|или|али|яли|ели|ил|ал)$/u;
const EN_DONE = /\b(i|we)('ve| have)\b|^\s*(i |we )?\w+ed\b|\b(done|did|sent|uploaded|completed|restarted)\b/i;

/**
 * True when the customer's text reports something done, with no question in it («Перезагрузила кассу, чек
 * напечатался», "I've uploaded the photo"): a short reply to it is an acknowledgement, not an answer to judge.
 */
export function isReport(customerText: string): boolean {
	if (customerText.includes('?')) return false;
	if (EN_DONE.test(customerText)) return true;
	return customerText.toLowerCase().replaceAll('ё', 'е').split(/[^\p{L}]+/u).some((w) => RU_PAST.test(w));
}

/** True when the reply opens by taking note («Спасибо, …», "Great, …"). */
export function opensWithAcknowledgement(reply: string): boolean {
	return ACK_OPENINGS.test(withoutAddressing(reply));
}
