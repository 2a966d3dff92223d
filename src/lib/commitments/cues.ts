/**
 * The words that make a time expression a commitment, in normalised text (lower case, `е` for `ё`):
 * - promise cues: support (or someone it sends) will act — "ответим", "свяжемся", "водитель приедет",
 *   "будет рассмотрена", "ожидайте ответа", "we'll", "will get back", "you will receive";
 * - deadline cues: the owner is asked to act — imperatives ("загрузите", "предоставьте", "upload", "please"),
 *   "необходимо", "нужно", "должны" (not "должны были"), "срок" (not "срок рассмотрения": that is support's),
 *   "you need to", "must be", "deadline";
 * - condition markers: "если", "в случае", "if", "unless", "as soon as"... A time expression after one of them
 *   in the same sentence is part of a condition ("если машина не приедет до 15:00, напишите"), not a commitment.
 */
import type { CommitmentKind } from './types';

const B = '(?<![а-яa-z0-9])';
const E = '(?![а-яa-z0-9])';

const RU_PROMISE = [
	'ответ(?:им|ят|ит)', 'отвечу', 'ответ\\s+(?:будет|поступит|придет|направим)', 'дад(?:им|ут)\\s+ответ',
	'свяж(?:емся|ется|утся|усь)', '(?:по|пере)звон(?:им|ю|ит|ят)', 'верн(?:емся|усь|ется|утся|ем|ут)',
	'сообщ(?:им|у|ат)', 'уведом(?:им|лю|ят)', 'проинформируем', 'напиш(?:ем|у|ет|ут)', 'отпиш(?:емся|усь|утся)',
	'провер(?:им|ю|ят)', 'рассмотр(?:им|ят|ю)', 'изуч(?:им|ат)', 'уточн(?:им|ю)', 'разбер(?:емся|усь|утся)',
	'реш(?:им|ат)', 'исправ(?:им|ят)', 'устран(?:им|ят)', 'обработа(?:ем|ют)', '(?:при|вы|по)?шл(?:ем|ю)',
	'отправ(?:им|лю|ят)', 'направ(?:им|лю|ят)', 'переда(?:дим|м|дут)', 'предостав(?:им|лю|ят)',
	'достав(?:им|ят)', 'привез(?:ем|ут)', '(?:при|подъ)ед(?:ет|ут)', 'прибуд(?:ет|ут)', 'прид(?:ет|ут)',
	'забер(?:ет|ут|ем)', '(?:за|на)числ(?:им|ят)', 'поступ(?:ят|ит)', 'постара(?:емся|юсь)', 'обеща(?:ем|ю)',
	'гарантируем', 'согласуем', '(?:обнов|измен|появ|восстанов|отобраз)(?:ится|ятся)', 'вступит', 'заработает', 'срок\\s+(?:рассмотрения|ответа|обработки|выплаты|доставки|зачисления|возврата)',
	'(?:рассмотрение|обработка|проверка|ответ|возврат|зачисление)\\s+(?:займет|занимает)', 'ожида(?:йте|ем\\s+ответ)', 'получите\\s+(?:ответ|обратную|звонок|уведомление|сообщение|решение|деньги|средства|возврат|информацию|компенсацию)',
	'(?:будет|будут)\\s+(?:(?:вам|с\\s+вами)\\s+)?(?:рассмотрен|проверен|обработан|решен|предоставлен|направлен|отправлен|дан|' +
		'выплачен|зачислен|начислен|исправлен|восстановлен|подключен|доставлен|возвращен|выполнен|устранен|передан|' +
		'получен|готов|принят|одобрен|согласован|сделан|выслан|подготовлен|заменен|опубликован|обновлен|переведен|' +
		'произведен|осуществлен|оформлен|проведен|организован)(?:а|о|ы)?'
];

const RU_DEADLINE = [
	'(?!обратите\\s+внимание)(?:загруз|предостав|пришл|отправ|направ|прилож|прикреп|заполн|подпиш|подтверд|ответ|напиш|сообщ|укаж|' +
		'исправ|устран|замен|размест|обнов|оплат|выполн|сдела|пройд|свяж|позвон|перезвон|вышл|переда|верн|' +
		'забер|провер|убер|установ|закаж|подготов|внес|пополн|обрат|да|передела|доработа|согласу|' +
		'скорректиру|пода|оформ|активиру|заверш|отмет|продл|опублику|предъяв|уточн|вылож|сфотографиру|поменя|распечата)(?:ите|йте|ьте|ьтесь|итесь)',
	'необходимо', 'нужно', 'надо', 'требуется', 'следует', 'обязаны?', '(?:должн(?:ы|а|о)?|должен)(?!\\s+был)', 'просим', 'просьба', 'прошу',
	'(?:крайний\\s+)?срок(?:и|а)?(?!\\s+(?:рассмотрения|ответа|обработки|выплаты|доставки|зачисления|возврата|хранения|изготовления|действия|годности))',
	'дедлайн', 'жд(?:ем|у)\\s+(?:от\\s+вас|ваш)', 'ожидаем\\s+(?:от\\s+вас|ваш)'
];

const EN_PROMISE = [
	'(?:we|i)\\s+(?:aim|try|strive|promise|guarantee|commit|expect)\\s+to',
	"(?:we|i)(?:'ll|\\s+will|\\s+shall|'re\\s+going\\s+to|\\s+are\\s+going\\s+to|'m\\s+going\\s+to|\\s+am\\s+going\\s+to)",
	"you(?:'ll|\\s+will|\\s+should)\\s+(?:receive|hear|get\\s+(?:a|an|our|the)|be\\s+(?:contacted|called|notified|refunded|credited))",
	'will\\s+(?:be\\s+)?(?:get|contact|call|reply|respond|send|review|resolve|update|process|check|look|reach|follow|arrive|deliver|' +
		'refund|credit|fix|investigate|provide|notify|inform|escalate|come|in\\s+touch|back|processed|reviewed|resolved|sent|' +
		'delivered|credited|refunded|fixed|updated|completed|done|ready|issued|returned|provided|handled|shipped|picked)',
	'will\\s+be\\s+(?!closed|suspended|blocked|fined|charged|cancell?ed|terminated|penali[sz]ed|deactivated)[a-z]+ed',
	'should\\s+(?:arrive|reach\\s+you|be\\s+(?:credited|refunded|processed|delivered|back|resolved|fixed))',
	'expect\\s+(?:a|an|our|the)?\\s*(?:reply|response|answer|call|update|refund|courier|driver|delivery|agent)', 'get\\s+back\\s+to\\s+you', 'be\\s+in\\s+touch'
];

const EN_DEADLINE = [
	'(?:please|kindly|pls)(?!\\s+(?:note|be\\s+advised|be\\s+aware|wait|hold|accept|excuse|bear))',
	"you(?:'ll|\\s+will)?\\s+(?:need|have|must|are\\s+required|are\\s+asked|should(?!\\s+(?:receive|hear|get|see|be\\s+contacted)))",
	"(?:we|i)(?:'ll|\\s+will)?\\s+need\\s+you", 'we\\s+(?:ask|require|request)\\s+(?:you|that)',
	'(?:needs?|has|have)\\s+to\\s+be', 'must\\s+be', 'required', 'deadline', 'due\\s+(?:by|on|date)',
	'(?<=^|[.!?;:,(\\n]\\s*|please\\s+|kindly\\s+)(?:upload|submit|provide|send|reply|respond|fix|complete|confirm|sign|pay|attach|' +
		'update|fill\\s+(?:in|out)|make\\s+sure|ensure|return|contact|call|check|replace|remove|install|let\\s+us\\s+know)'
];

const CONDITION = ['если', 'в\\s+случае', 'при\\s+условии', 'при\\s+необходимости', 'при\\s+отсутствии', 'иначе',
	'как\\s+только', 'if', 'in\\s+case', 'unless', 'otherwise', 'should\\s+you', 'once', 'as\\s+soon\\s+as'];

function words(list: readonly string[]): string {
	return `${B}(?:${list.join('|')})${E}`;
}

const PROMISE = new RegExp(words([...RU_PROMISE, ...EN_PROMISE]), 'g');
const DEADLINE = new RegExp(words([...RU_DEADLINE, ...EN_DEADLINE]), 'g');
export const CONDITION_MARKER = new RegExp(words(CONDITION), 'g');

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
