/**
 * The words that make a time expression a commitment, in normalised text (lower case, `е` for `ё`):
 * - promise cues: support (or someone it sends) will act — future verbs of what support does ("ответим",
 *   "свяжемся", "подключим", "доплатим", "водитель приедет"), any short passive participle after "будет"/"будут"
 *   ("будет рассчитано") but a penalty's ("будет заблокирован", "будет наложен штраф"), "ожидайте ответа",
 *   "we'll", "will get back", "will appear", "you will receive";
 * - deadline cues: the owner is asked to act — imperatives ("загрузите", "переподпишите", "upload", "please"),
 *   "необходимо", "нужно", "должны" (not "должны были"), "срок" (not "срок рассмотрения": that is support's),
 *   "you need to", "must be", "deadline";
 * - condition markers: "если", "в случае", "if", "unless", "as soon as"... A time expression after one of them
 *   in the same sentence is part of a condition ("если машина не приедет до 15:00, напишите"), not a commitment;
 *   so is one after a validity period ("действует до", "valid until") or a habit ("обычно", "usually").
 */
import type { CommitmentKind } from './types';

const B = '(?<![а-яa-z0-9])';
const E = '(?![а-яa-z0-9])';

/** Verb prefixes of Russian perfective verbs ("от-грузим", "вы-пустим", "при-везет"). */
const VERB_PREFIX = 'вы|от|под|при|пере|за|на|до|об|раз|рас|про|по|вос|воз|из|ис|у|с|пред';
/** Nouns and adjectives that look like a prefixed verb in the future or an imperative, and the owner's losses. */
const NOT_VERBS = 'ответ|совет|запрет|пересчет|подсчет|просчет|предмет|привет|рассвет|отсвет|визит|случаем|сайте|защите|' +
	// apologies and "it will be possible": no act of anyone
	'извините|простите|поймите|получится|получатся|' +
	// closing the ticket is no promise of an answer
	'закрою|закроем|закроют|сразу|' +
	// what happens to the owner when time runs out, not what support will do
	'закроется|закроются|истечет|сгорит|спишется|спишутся|заблокируется|аннулируется|отключится|отменится';

const RU_PROMISE = [
	'ответ(?:им|ят|ит)', 'отвечу', 'ответ\\s+(?:будет|поступит|придет|направим)', 'дад(?:им|ут)',
	'свяж(?:емся|ется|утся|усь)', '(?:по|пере)звон(?:им|ю|ит|ят)', 'верн(?:емся|усь|ется|утся|ем|ут)',
	'сообщ(?:им|у|ат)', 'уведом(?:им|лю|ят)', 'проинформируем', 'напиш(?:ем|у|ет|ут)', 'отпиш(?:емся|усь|утся)',
	'провер(?:им|ю|ят)', 'рассмотр(?:им|ят|ю)', 'изуч(?:им|ат)', 'уточн(?:им|ю)', 'разбер(?:емся|усь|утся)',
	'реш(?:им|ат)', 'исправ(?:им|ят)', 'устран(?:им|ят)', 'обработа(?:ем|ют)', '(?:при|вы|по)?шл(?:ем|ю)',
	'отправ(?:им|лю|ят)', 'направ(?:им|лю|ят)', 'переда(?:дим|м|дут)', 'предостав(?:им|лю|ят)',
	'достав(?:им|ят)', 'привез(?:ем|ут)', '(?:при|подъ)ед(?:ет|ут)', 'прибуд(?:ет|ут)', 'прид(?:ет|ут)',
	'забер(?:ет|ут|ем)', '(?:за|на)числ(?:им|ят)', 'поступ(?:ят|ит)', 'постара(?:емся|юсь)', 'обеща(?:ем|ю)',
	'гарантируем', 'согласуем', '(?:обнов|измен|появ|восстанов|отобраз)(?:ится|ятся)', 'вступит', 'заработает', 'срок\\s+(?:рассмотрения|решения|ответа|обработки|выплаты|доставки|зачисления|возврата)',
	'(?:рассмотрение|обработка|проверка|ответ|возврат|зачисление)\\s+(?:займет|занимает)', 'ожида(?:йте|ем\\s+ответ)', 'получите\\s+(?:ответ|обратную|звонок|уведомление|сообщение|решение|деньги|средства|возврат|информацию|компенсацию)',
	'подключ(?:им|ат|ит)', 'выполн(?:им|ят|ит)', 'подготов(?:им|лю|ят)', '(?:до|вы|пере|о|воз)?плат(?:им|ят)', 'возмест(?:им|ят)',
	'компенсиру(?:ем|ют)', '(?:пере|рас)?счита(?:ем|ют)', 'сдела(?:ем|ют)', 'выйд(?:ет|ут)', 'приед(?:у|ем)', 'оформ(?:им|ят)',
	'замен(?:им|ят)', 'обнов(?:им|ят)', 'установ(?:им|ят)', 'настро(?:им|ят)', 'восстанов(?:им|ят)', 'подтверд(?:им|ят)',
	'пересмотр(?:им|ят)', 'организу(?:ем|ют)', 'закаж(?:ем|ут)', 'поменя(?:ем|ют)', 'вывез(?:ем|ут)', 'отремонтиру(?:ем|ют)',
	'(?:дад(?:им|ут)|предоставим)\\s+(?:ответ|обратную\\s+связь|знать|решение|информацию|комментарий)', 'прим(?:ем|ут)\\s+решение',
	'(?:решение|ответ|выплата|возврат|компенсация|перерасчет|начисление)\\s+(?:будет|будут|поступит|придет|последует)',
	// "будет рассчитано", "будут выплачены": a short passive participle after "будет", penalties aside (a fine is not a promise)
	'(?:будет|будут)\\s+(?:(?:вам|с\\s+вами|вами|нами|все|уже)\\s+)?(?!(?:за|раз)?блокир|наложен|закрыт|отключен|списан|оштрафован|удален|расторгнут|приостановлен|аннулирован|отклонен)[а-я]{3,}(?:ан|ен|ят|ыт)(?:а|о|ы)?',
	// "водитель будет у вас до 17:30", "машина будет завтра в 9:30"
	'буд(?:ет|ут|у)(?=\\s+(?:у\\s+вас|на\\s+месте|на\\s+(?:пункте|точке|складе|сч[её]те|карте)|завтра|сегодня|послезавтра))',
	// any prefixed verb in the future of "we", "he" or "they" ("отгрузим", "выпустим", "привезет"), and "-уем"
	// verbs ("аннулируем"); nouns and adjectives of the same shape aside, and the endings of a habit in the
	// present: "-ает"/"-яет" ("выдает заказы до 21:00"), "-одит"/"-озит"/"-осит" ("машины приходят через день")
	`(?!(?:${NOT_VERBS})${E})(?:${VERB_PREFIX})[а-я]{2,}(?:[бвдзлмпрст]им|[ая]ем|ут|(?<![ая])ют|(?<!од|оз|ос)(?:ят|ит)|(?<![ая])ет)`,
	'подключ(?:ится|атся)', 'прим(?:ем|ут)', '[а-я]*(?:вез|нес|шл|йд|вед|верн|зьм|чн)ем',
	// "я в понедельник проверю", "Посмотрю помещение в понедельник": "I will" in the first person (a sentence
	// opening with a noun or an adjective in -у/-ю, "Замену", "Повторную", is not one)
	`(?<=(?:^|[^а-я])я\\s(?:[^\\s.,;:!?]+\\s){0,4})[а-я]{3,}[ую]`, `(?<=^|[.!?\\n]\\s*)(?:${VERB_PREFIX})[а-я]{2,}(?:(?<![уыоаяиеэкнтц])у|(?<![уыоаяиеэ])ю)`,
	'[а-я]{3,}уем'
];

const RU_DEADLINE = [
	'(?!обратите\\s+внимание)(?:пере|до|по)?(?:загруз|предостав|пришл|отправ|направ|прилож|прикреп|заполн|подпиш|подтверд|ответ|напиш|сообщ|укаж|' +
		'исправ|устран|замен|размест|обнов|оплат|выполн|сдела|пройд|свяж|позвон|перезвон|вышл|переда|верн|' +
		'забер|провер|убер|установ|закаж|подготов|внес|пополн|обрат|да|передела|доработа|согласу|' +
		'скорректиру|пода|оформ|активиру|заверш|отмет|продл|опублику|предъяв|уточн|вылож|сфотографиру|поменя|распечата)(?:ите|йте|ьте|ьтесь|итесь)',
	// any prefixed imperative ("выставьте", "примите", "переподпишите")
	`(?!(?:${NOT_VERBS})${E}|обратите\\s+внимание)(?:${VERB_PREFIX}|о)[а-я]+(?:ите|йте|ьте)(?:сь)?`,
	// "вы до 19 апреля присылаете договор", "если вы пришлете" after "будем благодарны": what "you" do
	`(?<=(?:^|[^а-я])вы\\s(?:[^\\s.,;:!?]+\\s){0,4})[а-я]{3,}(?:ете|ите)`,
	// an infinitive opening a sentence that sets a limit: "Подписать до 03.06.2024." (not "Гарантировать сегодня не могу")
	'(?<=^|[.!?\\n]\\s*)[а-я]{4,}(?:ть|ти)(?=[^.,!?\\n]{0,60}(?:до|не\\s+позднее|не\\s+позже|в\\s+течение)\\s)',
	'(?<!не\\s)(?:необходимо|нужно|надо|требуется|следует)',
	// "пусть сотрудник выйдет и зайдет заново": the whole clause is asked of the owner, its verbs are no promise
	'пусть(?:\\s+[а-я]+){1,6}', 'обязаны?', '(?:должн(?:ы|а|о)?|должен)(?!\\s+был)', 'просим', 'просьба', 'прошу',
	'желательно', '(?:крайний|последний)\\s+день', '(?:крайний\\s+)?срок(?:и|а)?(?!\\s+(?:рассмотрения|решения|ответа|обработки|выплаты|доставки|зачисления|возврата|хранения|изготовления|действия|годности))',
	'дедлайн', 'успе(?:йте|ть)', 'жд(?:ем|у)(?!\\s+(?:ответа?|решения|информации|обратной\\s+связи)\\s+(?:от|из)\\s+(?!вас))', 'ожидаем\\s+(?:от\\s+вас|ваш)'
];

const EN_PROMISE = [
	'(?:we|i)\\s+(?:aim|try|strive|promise|guarantee|commit|expect)\\s+to',
	"(?:we|i)(?:'ll|\\s+will|\\s+shall|'re\\s+going\\s+to|\\s+are\\s+going\\s+to|'m\\s+going\\s+to|\\s+am\\s+going\\s+to)",
	"you(?:'ll|\\s+will|\\s+should)\\s+(?:receive|hear|get\\s+(?:a|an|our|the)|be\\s+(?:contacted|called|notified|refunded|credited))",
	// "will" + a verb, penalties and ends aside ("will be blocked", "will expire" are no promise)
	'will\\s+(?!not(?![a-z])|be\\s+(?:closed|suspended|blocked|fined|charged|cancell?ed|terminated|penali[sz]ed|deactivated|lost)|' +
		'(?:expire|end|close|lapse|lose|forfeit|stop|apply|incur)(?![a-z]))[a-z]+',
	'should\\s+(?:arrive|reach\\s+you|be\\s+(?:credited|refunded|processed|delivered|back|resolved|fixed))',
	'expect\\s+(?:a|an|our|the)?\\s*(?:reply|response|answer|call|update|refund|courier|driver|delivery|agent)', 'get\\s+back\\s+to\\s+you', 'be\\s+in\\s+touch'
];

const EN_DEADLINE = [
	'(?:please|kindly|pls)(?!\\s+(?:note|be\\s+advised|be\\s+aware|wait|hold|accept|excuse|bear))',
	"you(?:'ll|\\s+will)?\\s+(?:need|have|must|are\\s+required|are\\s+asked|should(?!\\s+(?:receive|hear|get|see|be\\s+contacted)))",
	"(?:we|i)(?:'ll|\\s+will)?\\s+need\\s+(?:you|your|the|a|an|all)(?![a-z])",
	"you(?:'ll|\\s+will)\\s+(?!receive|hear|get|see|be\\s|need|have|must|also\\s+receive)[a-z]+", 'we\\s+(?:ask|require|request)\\s+(?:you|that)',
	'(?:needs?|has|have)\\s+to\\s+be', 'must\\s+be', 'required', 'deadline', 'due\\s+(?:by|on|date)',
	'(?<=^|[.!?;:,(\\n]\\s*|please\\s+|kindly\\s+)(?:upload|submit|provide|send|reply|respond|fix|complete|confirm|sign|pay|attach|' +
		'update|fill\\s+(?:in|out)|make\\s+sure|ensure|return|contact|call|check|replace|remove|install|let\\s+us\\s+know)'
];

const CONDITION = ['(?<!благодарны,?\\s)если', 'в\\s+случае', 'при\\s+условии', 'при\\s+необходимости', 'при\\s+отсутствии', 'иначе',
	'как\\s+только', 'if', 'in\\s+case', 'unless', 'otherwise', 'should\\s+you', 'once', 'as\\s+soon\\s+as',
	// a validity period, a habit or a reason sets no time either: "сертификат действует до 15 июля", "обычно отвечаем
	// в течение суток", "так как 1 марта закрывается период"
	'действу(?:ет|ют)', 'действител[а-я]*', 'valid\\s+(?:until|till|through|to)', 'expires?', 'обычно', 'как\\s+правило',
	'usually', 'typically', 'normally', 'так\\s+как', 'потому\\s+что', 'поскольку', 'because', 'ежедневно', 'еженедельно', 'ежемесячно', 'кажд(?:ый|ую|ое|ые)',
	'по\\s+(?:понедельникам|вторникам|средам|четвергам|пятницам|субботам|воскресеньям|будням|выходным)', 'every'];

/**
 * A verb in the past ("отключили", "закрыли", "был", "отправлено", "was"): a point in time next to it is when something
 * happened ("учетную запись отключили в 11:30"), not when something falls due.
 */
const PAST = ['был[аои]?', `(?!прибыли${E})(?:${VERB_PREFIX})[а-я]{2,}ли(?:сь)?`, 'was', 'were', 'had', 'ha(?:s|ve)\\s+been',
	// a short passive participle not after "будет": "письмо отправлено сегодня", "выплата сформирована 10 мая"
	`(?<!буд(?:ет|ут)\\s)(?!(?:замена|смена|обмена|охрана)${E})(?:${VERB_PREFIX})[а-я]{2,}(?:ано|ено|ена|ана|ены|аны)`];

function words(list: readonly string[]): string {
	return `${B}(?:${list.join('|')})${E}`;
}

const PROMISE = new RegExp(words([...RU_PROMISE, ...EN_PROMISE]), 'g');
const DEADLINE = new RegExp(words([...RU_DEADLINE, ...EN_DEADLINE]), 'g');
export const CONDITION_MARKER = new RegExp(words(CONDITION), 'g');
const PAST_VERB = new RegExp(words(PAST), 'g');

/** A cue word and where it is. */
export interface Cue {
	start: number;
	end: number;
	kind: CommitmentKind;
}

/** Every promise and deadline cue in the normalised text, in text order. */
export function findCues(text: string): Cue[] {
	const cues: Cue[] = [];
	for (const [re, kind] of [[PROMISE, 'promise'], [DEADLINE, 'deadline']] as const) {
		re.lastIndex = 0;
		for (let m = re.exec(text); m; m = re.exec(text)) cues.push({ start: m.index, end: m.index + m[0].length, kind });
	}
	return cues.sort((a, b) => a.start - b.start);
}

/** Start offsets of condition markers in the normalised text. */
export function findConditions(text: string): number[] {
	const at: number[] = [];
	CONDITION_MARKER.lastIndex = 0;
	for (let m = CONDITION_MARKER.exec(text); m; m = CONDITION_MARKER.exec(text)) at.push(m.index);
	return at;
}

/** Whether [from, to) of the normalised text holds a verb in the past. */
export function hasPastVerb(text: string, from: number, to: number): boolean {
	PAST_VERB.lastIndex = from;
	const m = PAST_VERB.exec(text);
	return m !== null && m.index + m[0].length <= to;
}
