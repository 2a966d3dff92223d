/**
 * Reply kinds, Russian and English:
 * - `generic`: only greeting, thanks, apology and closing phrases («Благодарим за обращение! Хорошего дня 🌸»);
 * - `stalling`: only asks to wait («ожидайте ответа», «передано специалисту», "we'll get back to you");
 * - `redirect`: sends the customer to another department («обратитесь к бренд-менеджеру»,
 *   "contact our billing team"), with the department when it is recognised.
 * Works on stems of the normalised words, so word forms and small edits do not matter.
 */
import { isCyrillicWord, normaliseText, type NormalisedText } from './normalise';
import { isStopWord } from './relevance-tokens';
import { stemWord, stemWords } from './stem';

export type ReplyKind = 'generic' | 'stalling' | 'redirect';

export interface ReplyKindResult {
	kind: ReplyKind | null;
	/** for redirects: the department sent to, as named in the demo data, or null when not recognised */
	department: string | null;
}

/** Department names by phrase (word forms; stemmed at load). Qualified roles never match a bare «менеджер». */
const DEPARTMENT_PHRASES: readonly (readonly [string, string])[] = [
	['бренд-менеджер', 'Бренд-менеджер'], ['бренд менеджер', 'Бренд-менеджер'], ['brand manager', 'Бренд-менеджер'],
	['brand-manager', 'Бренд-менеджер'], ['brand team', 'Бренд-менеджер'], ['branding team', 'Бренд-менеджер'],
	['территориальный менеджер', 'Территориальный менеджер'], ['тер менеджер', 'Территориальный менеджер'],
	['территориал', 'Территориальный менеджер'], ['territorial manager', 'Территориальный менеджер'],
	['territory manager', 'Территориальный менеджер'], ['area manager', 'Территориальный менеджер'],
	['regional manager', 'Территориальный менеджер'],
	['техподдержка', 'Техподдержка'], ['техническая поддержка', 'Техподдержка'], ['служба поддержки', 'Техподдержка'],
	['tech support', 'Техподдержка'], ['technical support', 'Техподдержка'], ['support team', 'Техподдержка'],
	['проверка пункта', 'Проверка пункта'], ['проверки пунктов', 'Проверка пункта'],
	['inspection team', 'Проверка пункта'], ['inspections', 'Проверка пункта'], ['point inspection', 'Проверка пункта'],
	['претензии', 'Претензии'], ['претензионный отдел', 'Претензии'], ['claims', 'Претензии'],
	['claims team', 'Претензии'], ['disputes team', 'Претензии'],
	['выплаты', 'Выплаты'], ['финансовый отдел', 'Выплаты'], ['бухгалтерия', 'Выплаты'], ['billing', 'Выплаты'],
	['payments team', 'Выплаты'], ['payouts', 'Выплаты'], ['finance team', 'Выплаты'],
	['логистика', 'Логистика'], ['logistics', 'Логистика'], ['delivery team', 'Логистика'], ['shipping team', 'Логистика']
];

/**
 * Verbs that send the customer elsewhere, as written (imperatives and infinitives): matched on the words, not on
 * stems, so a report of what was done («связались с вашим территориальным менеджером») is not a redirect.
 */
const REDIRECT_VERBS = new Set(
	('обратитесь обращайтесь обратиться напишите написать пишите направьте направить задайте задать свяжитесь ' +
		'связаться адресуйте адресовать переадресуйте уточните уточнить contact reach write refer call').split(' ')
);
/** Words that keep the customer where they are: «напишите сюда / в этот чат / в этом разделе», "reply here". */
const SAME_PLACE = new Set('сюда здесь тут этот этом эту этой here'.split(' '));
/**
 * A pronoun just after the verb («напишите ему», «обратитесь к нему») points back to a department named just
 * before («… решает бренд-менеджер. Напишите ему»).
 */
const BACK_POINTERS = new Set('ему ей им нему ней ним him her them'.split(' '));

/**
 * Word beginnings a reply that handles nothing is made of: the request and its handling, waiting, specialists and
 * departments, time, thanks, apologies and closing words (Russian and English). Matched as prefixes of the
 * normalised words, so every form counts and a word outside the list (a topic: «выплата», «касса», "refund")
 * makes the reply an answer.
 */
const PROCESS_PREFIXES = (
	'обращ запрос вопрос заявк ответ отвеч переда перевед перевож направл эскалир специалист ответствен профильн ' +
	'коллег отдел служб ожида ожид подожд жд терпен понима благодар спасиб цени обратн связ рад помо помощ удачн ' +
	'хорош отличн прекрасн выходн вечер дн утр всегда чат сюда здесь эт поступ появ будет будут буд информ ' +
	'дополнительн предостав рассмотр работ зарегистр получ сообщ верн уточн проверим проверяем нагрузк высок ' +
	'время срок течени ближайш рабоч мин час под номер прид средн сутк скор оперативн обязательн учт решени извин ' +
	'неудобств приносим сожален важн ещ все всем очеред занят сейчас повторн напис писа пиш нов кейс максимальн ' +
	'как только если создава мож увелич быть наход согласн регламент ваш вам вас данн разбер свяж ' +
	// who handles it and when, as staff say it while the case waits («у инженеров, разбираются», «вопрос висит у
	// второй линии», «как правило это занимает день-два», «когда ответят — дам знать», «вне моей зоны»)
	'сотрудник инженер разработчик руководител втор лини регион казначейств напомн разбира проверя ' +
	'обычн правило занима день-два потерп немног чуть завис друг письм отправ перешл дам знать сразу пока нет ' +
	'когда висит держ контрол напиш напомин вне зон моей бессильн нужн повтор заново заранее оговор случа ' +
	'нечаст редк одни перв быва целиком ветк сначала март апрел мая июн июл август сентябр октябр ноябр ' +
	'декабр январ феврал сегодн вчера там тут комментари добавил описани приложил перепис истори сохран уйдет ' +
	'вместе переключ дальш больш есть пару раз речь них ничег курсе отпиш скаж пригод долго тако таки виж ' +
	'конца него помн очень много теря сошл смотр снова ' +
	// closing the case without an answer («закрою обращение, если вы не против», «рады, что всё решилось»,
	// «больше делать ничего не надо», «если будет что-то ещё — открывайте новое»)
	'опять что-то закр открыва вышло отмет против быстро завтра без возражен записали дождал решен решил делать отзыв ' +
	'надо нашей сторон изучил давно отмеч понедельн вторник среду четверг пятниц суббот воскресен ' +
	// what to bring to another channel ("remember to attach your transaction ID", "through the link below, with the
	// email address associated with your account"): alone they route nowhere, but they make no reply an answer either
	'attach includ remember account id address associat username transaction through someone having below above ' +
	'escalat specialist team colleague department get back touch within hour day business working patien thank ' +
	'appreciat understand anything else help assist today tonight evening moment check wait review look ' +
	'investigat update soon shortly asap possib forward passed queue agent busy request ticket query case inquir ' +
	'enquir message receiv regist respond respons answer reply feedback valu glad happy great nice wonderful ' +
	'welcome feel free inform recommend try follow take pls issue resolv problem trouble matter further more see ' +
	'reach let know currently high volume delay apolog sorry inconvenien hear have has had been being ll ve am ' +
	'ive ill weve theyll theyve youll shall would could should there here any all right now well number please ' +
	'they while you your for to'
).split(' ');
/** At least one of these must be present for such a reply to be stalling rather than generic. */
const WAIT_PREFIXES = (
	'ожида ожид подожд переда перевед перевож направл эскалир рассмотр уточн верн проверим проверяем поступ ' +
	'нагрузк очеред занят работ escalat forward passed wait moment check review look investigat queue busy ' +
	'touch within soon shortly get back update respond переключ отправля перешл напиш висит разбира завис потерп'
).split(' ');
/**
 * Word beginnings of a reply that routes the case elsewhere without a department: to a private message, a ticket
 * or form, an e-mail, a link or article, a phone call («напишите в личные сообщения», "please DM us",
 * "submit a ticket here"). Such a reply, made only of these and the words above, is a redirect.
 */
const ROUTING_PREFIXES = (
	'dm direct private privately submit creat email mail link article step follow form call phone chat ' +
	'url site page guide center centre support detail info send sent share provid one-on-one securely contact ' +
	'ссылк форм личн перейд позвон статью статье инструкц'
).split(' ');
/**
 * Words after which up to four words, up to a word of waiting, say what the request was about («ваш вопрос по
 * выплате за июнь передан»).
 */
const ABOUT_NOUNS = ['вопрос', 'обращ', 'запрос', 'заявк', 'отзыв', 'комментари', 'question', 'request', 'query', 'case'];
const ABOUT_PREPOSITIONS = new Set(['по', 'про', 'насчет', 'about', 'regarding', 'on']);
/**
 * Words that start what the case is about on their own («Про штраф 2 000 ₽ пока нет ответа у коллег»): up to three
 * words after them are skipped like those after «вопрос по», but only in a reply that also asks to wait or closes
 * the case (without either, «Про штраф: его отменили» is an answer).
 */
const ABOUT_ALONE = new Set(['про', 'насчет']);
/** «что» after a word of gladness (`GLAD_PREFIXES`). */
const GLAD_THAT = 'что';
/** Word beginnings that close the case: «закрываю обращение», «вопрос решён», «ничего не надо», «открывайте новое». */
const CLOSE_PREFIXES = ['закр', 'решен', 'решил', 'ничег', 'открыва', 'отмет', 'отмеч', 'разобрал'];
/**
 * Gladness that the case is over, naming what it was about: «рады, что с оформлением брака разобрались», «хорошо,
 * что с выплатой всё решилось». After one of these words and «что», the words up to a closing word (at most
 * GLAD_SPAN of them) say what the case was about; without a closing word there («хорошо, что штраф отменили») they
 * are the answer.
 */
const GLAD_PREFIXES = ['рад', 'хорош', 'отличн'];
const GLAD_SPAN = 5;

/** A set of word beginnings, asked by every prefix length present (a handful of Set lookups per word). */
class PrefixSet {
	private readonly prefixes: Set<string>;
	private readonly lengths: number[];
	constructor(list: readonly string[]) {
		this.prefixes = new Set(list);
		this.lengths = [...new Set(list.map((p) => p.length))].sort((a, b) => a - b);
	}
	has(word: string): boolean {
		for (const n of this.lengths) {
			if (n > word.length) return false;
			if (this.prefixes.has(word.slice(0, n))) return true;
		}
		return false;
	}
}

const PROCESS = new PrefixSet(PROCESS_PREFIXES);
const WAIT = new PrefixSet(WAIT_PREFIXES);
const CLOSE = new PrefixSet(CLOSE_PREFIXES);
const ABOUT = new PrefixSet(ABOUT_NOUNS);
const GLAD = new PrefixSet(GLAD_PREFIXES);
const ROUTING = new PrefixSet(ROUTING_PREFIXES);

const DEPARTMENTS = DEPARTMENT_PHRASES.map(([p, d]) => [stemWords(p.split(' ')), d] as const).sort(
	(a, b) => b[0].length - a[0].length
);
/** Stems of the words of department names: «передам в отдел логистики, ожидайте» is still stalling. */
const DEPARTMENT_STEMS = new Set(DEPARTMENTS.flatMap(([phrase]) => phrase));

/** The department named at stem position `i`, longest phrase first. */
function departmentAt(stems: readonly string[], i: number): { name: string; length: number } | null {
	for (const [phrase, name] of DEPARTMENTS) {
		let ok = i + phrase.length <= stems.length;
		for (let k = 0; ok && k < phrase.length; k++) ok = stems[i + k] === phrase[k];
		if (ok) return { name, length: phrase.length };
	}
	return null;
}

/**
 * A redirect verb followed within 8 words by a department (or «раздел/отдел»), or followed by a pronoun that
 * points back to a department named in the 8 words before it.
 */
function findRedirect(words: readonly string[], stems: readonly string[]): { department: string | null } | null {
	for (let i = 0; i < words.length; i++) {
		if (!REDIRECT_VERBS.has(words[i])) continue;
		let generic = false;
		let here = false; // «напишите в этот чат», «направить … в этом разделе», "write here": nobody is sent away
		for (let j = i + 1; j < stems.length && j <= i + 8 && !here; j++) {
			const dep = departmentAt(stems, j);
			if (dep) return { department: dep.name };
			if (stems[j] === SECTION || stems[j] === DEPT || stems[j] === TEAM) generic = true;
			here = j <= i + 6 && SAME_PLACE.has(words[j]);
		}
		if (here) continue;
		if (generic) return { department: null };
		if (BACK_POINTERS.has(words[i + 1] ?? '') || BACK_POINTERS.has(words[i + 2] ?? '')) {
			for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
				const dep = departmentAt(stems, j);
				if (dep) return { department: dep.name };
			}
		}
	}
	return null;
}
const SECTION = stemWord('раздел');
const DEPT = stemWord('отдел');
const TEAM = stemWord('department');

/** Classifies one reply (see the module comment). */
export function classifyReply(text: string): ReplyKindResult {
	return classifyNormalised(normaliseText(text));
}

const memo = new Map<string, ReplyKindResult>();
const MEMO_LIMIT = 100_000;

/** Classifies an already normalised reply; replies equal after normalising are classified once. */
export function classifyNormalised(n: NormalisedText): ReplyKindResult {
	const key = n.text.length > 0 ? n.text : '\u0000' + n.full;
	let result = memo.get(key);
	if (!result) {
		result = classifyWords(n);
		if (memo.size >= MEMO_LIMIT) memo.clear();
		memo.set(key, result);
	}
	return result;
}

function classifyWords(n: NormalisedText): ReplyKindResult {
	const all = n.text.split(' ').filter((w) => w.length > 0);
	// Searched in the whole text: «обращайтесь» is also a closing phrase («будут вопросы — обращайтесь»), which the
	// normalised text leaves out, and «с этим вопросом обращайтесь в раздел «Претензии»» is still a redirect.
	const whole = n.full.split(' ').filter((w) => w.length > 0);
	const redirect = findRedirect(whole, stemWords(whole));
	if (redirect) return { kind: 'redirect', department: redirect.department };
	if (n.words.length === 0) return { kind: n.phrases.size > 0 ? 'generic' : null, department: null };
	let waits = false;
	let closes = false;
	let routes = false;
	let about = 0; // words still to skip after «вопрос по»
	let aboutAlone = false; // words were skipped after a bare «про»
	for (let i = 0; i < n.words.length; i++) {
		const w = n.words[i];
		if (about > 0 && !WAIT.has(w)) {
			about--;
			continue;
		}
		about = 0;
		if (ABOUT.has(w) && ABOUT_PREPOSITIONS.has(wordAfter(all, w))) about = 4;
		else if (GLAD.has(w) && wordAfter(all, w) === GLAD_THAT) {
			const end = n.words.slice(i + 1, i + 1 + GLAD_SPAN).findIndex((next) => CLOSE.has(next));
			if (end >= 0) {
				closes = true;
				i += end + 1; // what it was about, and the closing word
				continue;
			}
		} else if (ABOUT_ALONE.has(w)) {
			about = 3;
			aboutAlone = true;
			continue;
		}
		if (CLOSE.has(w)) closes = true;
		if (ROUTING.has(w)) routes = true;
		else if (WAIT.has(w)) waits = true;
		// English replies are full of function words the lists above leave out ("us", "this", an agent's initials
		// signing off, "*MM"); the Russian lists are complete on their own.
		else if (w.length <= 2 || (!isCyrillicWord(w) && isStopWord(w))) continue;
		else if (!PROCESS.has(w) && !DEPARTMENT_STEMS.has(stemWord(w))) return { kind: null, department: null };
	}
	if (routes) return { kind: 'redirect', department: null };
	if (aboutAlone && !waits && !closes) return { kind: null, department: null };
	return { kind: waits ? 'stalling' : 'generic', department: null };
}

/** The word after the first `word` in `all` ('' when none). */
function wordAfter(all: readonly string[], word: string): string {
	const i = all.indexOf(word);
	return i >= 0 ? (all[i + 1] ?? '') : '';
}
