/**
 * Reply kinds, Russian and English:
 * - `generic`: only greeting, thanks, apology and closing phrases («Благодарим за обращение! Хорошего дня 🌸»);
 * - `stalling`: only asks to wait («ожидайте ответа», «передано специалисту», "we'll get back to you");
 * - `redirect`: sends the customer to another department («обратитесь к бренд-менеджеру»,
 *   "contact our billing team"), with the department when it is recognised.
 * Works on stems of the normalised words, so word forms and small edits do not matter.
 */
import { normaliseText, type NormalisedText } from './normalise';
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

/** Verbs that send the customer elsewhere. */
const REDIRECT_WORDS =
	'обратитесь обращайтесь обратиться напишите написать пишите направьте направить задайте задать свяжитесь ' +
	'связаться адресуйте переадресуйте contact reach write refer redirect';

/** Words a pure «please wait» reply is made of. */
const STALL_WORDS =
	'ожидайте ожидание ожидания ожидать подождите ответа ответ ответим ответят ответом передано передали передаю ' +
	'передам передан перевожу переведено перевели вопрос вопросу ваш обращение обращения запрос заявка работе ' +
	'работу специалист специалисту специалистам специалиста специалисты коллегам коллег профильным профильный ' +
	'профильному ответственным сотрудникам отдел отдела очереди очередь ближайшее время средний среднее минут мин ' +
	'сейчас заняты все уже в течение рабочих дней дня часов вернемся вернусь уточним уточню сообщим скоро ' +
	'рассмотрения рассмотрение рассмотрим срок зарегистрирована зарегистрирован этом чате чат информацию ' +
	'please wait waiting get back shortly soon possible forwarded forward passed escalated escalate specialist team ' +
	'request ticket query queue looking into look review reviewing update updated hours business days within ' +
	'will well be in touch as asap we our your you have has been case relevant colleagues the with an it ' +
	'претензия под номером придет этот уточню all agents busy right now are number let me check ill i to and';

/** At least one of these must be present for a reply to be stalling. */
const STALL_CORE =
	'ожидайте ожидание ожидания подождите передано передали передаю передам перевожу очереди вернемся уточним ' +
	'рассмотрения работе ответим wait waiting back forwarded escalated passed queue looking reviewing touch';

const toStems = (words: string) => new Set(stemWords(words.split(' ')));
const REDIRECT = toStems(REDIRECT_WORDS);
// «передам в отдел логистики, ожидайте»: naming a department does not stop a reply being stalling
const STALL = new Set([...toStems(STALL_WORDS), ...DEPARTMENT_PHRASES.flatMap(([p]) => stemWords(p.split(' ')))]);
const CORE = toStems(STALL_CORE);
const DEPARTMENTS = DEPARTMENT_PHRASES.map(([p, d]) => [stemWords(p.split(' ')), d] as const).sort(
	(a, b) => b[0].length - a[0].length
);

/** The department named at stem position `i`, longest phrase first. */
function departmentAt(stems: readonly string[], i: number): { name: string; length: number } | null {
	for (const [phrase, name] of DEPARTMENTS) {
		let ok = i + phrase.length <= stems.length;
		for (let k = 0; ok && k < phrase.length; k++) ok = stems[i + k] === phrase[k];
		if (ok) return { name, length: phrase.length };
	}
	return null;
}

/** A redirect verb followed within 8 words by a department (or «раздел/отдел»). */
function findRedirect(stems: readonly string[]): { department: string | null } | null {
	for (let i = 0; i < stems.length; i++) {
		if (!REDIRECT.has(stems[i])) continue;
		let generic = false;
		for (let j = i + 1; j < stems.length && j <= i + 8; j++) {
			const dep = departmentAt(stems, j);
			if (dep) return { department: dep.name };
			if (stems[j] === SECTION || stems[j] === DEPT || stems[j] === TEAM) generic = true;
		}
		if (generic) return { department: null };
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
	const allStems = stemWords(n.text.split(' ').filter((w) => w.length > 0));
	const redirect = findRedirect(allStems);
	if (redirect) return { kind: 'redirect', department: redirect.department };
	if (n.words.length === 0) return { kind: n.phrases.size > 0 ? 'generic' : null, department: null };
	const stems = stemWords(n.words);
	let core = false;
	for (const s of stems) {
		if (!STALL.has(s)) return { kind: null, department: null };
		if (CORE.has(s)) core = true;
	}
	return { kind: core ? 'stalling' : null, department: null };
}
