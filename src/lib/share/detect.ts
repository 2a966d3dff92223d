/**
 * Pattern detectors for personal data in free text, except names (names.ts). Each returns spans; the anonymiser
 * resolves overlaps by priority and replaces. JavaScript `\b` does not see Cyrillic word edges, so the edges here
 * are lookarounds on `\p{L}\p{N}`.
 */
import type { Kind } from './tokens';

/** A stretch of text found by a detector. */
export interface Span {
	/** Offset of the first character. */
	start: number;
	/** Offset after the last character. */
	end: number;
	/** What was found. */
	kind: Kind;
	/** Lower wins when spans overlap. */
	priority: number;
	/** For names: the registered person's key ("customer:анна смирнова"), '?' when several people share the words. */
	owner?: string;
}

const W = '\\p{L}\\p{N}_';
/** Not preceded / followed by a letter, digit or underscore. */
const B0 = `(?<![${W}])`;
const B1 = `(?![${W}])`;
const RU = 'а-яё';

interface Rule {
	kind: Kind;
	priority: number;
	re: RegExp;
	/** Reject a match (e.g. too few digits); `v` is the replaced part. */
	accept?: (v: string, m: RegExpExecArray, text: string, end: number) => boolean;
	/** Characters to give back at the end of a match (sentence punctuation after a link). */
	trimEnd?: RegExp;
}

const digits = (s: string) => s.replace(/\D/g, '').length;

const MONTHS_RU = `(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[${RU}]*`;
const MONTHS_EN = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const AMOUNT = '(?<!\\d)\\d{1,3}(?:[\\s\\u00a0\\u202f]\\d{3})+(?:[.,]\\d+)?|(?<!\\d)\\d+(?:[.,]\\d+)?';
const CURRENCY = `(?:₽|руб(?:л[${RU}]*|\\.)?|р\\.|тыс\\.?(?:\\s*руб[${RU}.]*)?|тысяч[${RU}]*|млн|USD|EUR|RUB|долл[${RU}.]*|евро|dollars?|bucks|€|\\$)`;
const UNITS = `(?:(?:рабоч|календарн|business|working|calendar)[${RU}a-z]*\\s+)?(?:дн[${RU}]*|день|сут[${RU}]*|час[${RU}]*|мин[${RU}]*|недел[${RU}]*|месяц[${RU}]*|days?|hours?|hrs?|minutes?|mins?|weeks?|months?)`;

/** Evidence that must survive: money, dates, times, durations. */
const KEEP: RegExp[] = [
	// an amount named by its word, without a currency: "штраф 150000", "refund of 45"
	new RegExp(`(?<=(?:штраф|сумм|выплат|оплат|компенсаци|долг|удержани|начислен|списан|fine|amount|refund|charge|fee|paid)[${RU}a-z]*\\s*(?:в размере|на сумму|of|:)?\\s*)(?:${AMOUNT})(?![${W}])`, 'giu'),
	new RegExp(`(?:[$€£₽]\\s?\\d[\\d,.]*\\d?|(?:${AMOUNT})\\s?${CURRENCY})(?![${W}])`, 'gu'),
	new RegExp(`(?<!\\d)\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}(?!\\d)|(?<!\\d)\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?)?`, 'gu'),
	new RegExp(`(?<!\\d)\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\s+${MONTHS_RU}(?:\\s+\\d{4})?`, 'giu'),
	new RegExp(`${B0}${MONTHS_EN}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|(?<!\\d)\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTHS_EN}${B1}(?:,?\\s+\\d{4})?`, 'gu'),
	new RegExp(`(?<![\\d:])\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[AaPp]\\.?[Mm]\\.?)?(?![\\d:])|(?<!\\d)\\d{1,2}\\s?(?:am|pm|AM|PM)${B1}`, 'gu'),
	new RegExp(`(?<![\\d.,])\\d+(?:[.,]\\d+)?(?:\\s*[-–]\\s*\\d+)?\\s*${UNITS}${B1}`, 'giu')
];

const STREET_TYPE = `(?:ул\\.|улиц[${RU}]+|пр-т|пр-кт|просп\\.|пр\\.|проспект[${RU}]*|пер\\.|переул[${RU}]+|ш\\.|шоссе|б-р|бульвар[${RU}]*|наб\\.|набережн[${RU}]+|пл\\.|площад[${RU}]+|проезд[${RU}]*|мкр\\.?|микрорайон[${RU}]*|тупик[${RU}]*|аллея)`;
const CAPW = `[А-ЯЁ][${RU}]+(?:-[А-ЯЁ${RU}][${RU}]+)?`;
const STREET_NAME = `(?:\\d{1,2}(?:-?(?:го|я|й))?\\s+)?${CAPW}(?:\\s+${CAPW})?`;
const HOUSE_NO = `\\d+[${RU}]?(?:\\/\\d+)?(?![\\d:.,]\\d)`;
const RU_PART = {
	postal: '(?<!\\d)\\d{6}(?!\\d)',
	city: `(?:г\\.|гор\\.|город|пос\\.|посёлок|поселок|с\\.|дер\\.|д\\.(?=\\s*[А-ЯЁ]))\\s*${CAPW}`,
	region: `${CAPW}\\s+(?:обл\\.|область|край|р-н|район)|(?:обл\\.|р-н)\\s*${CAPW}`,
	street: `${STREET_TYPE}\\s*${STREET_NAME}(?:,?\\s*${HOUSE_NO})?`,
	streetAfter: `${CAPW}\\s+${STREET_TYPE}(?:,?\\s*${HOUSE_NO})?`,
	house: `(?:д\\.|дом)\\s*${HOUSE_NO}`,
	building: `(?:корп\\.|корпус|к\\.|стр\\.|строение|лит\\.)\\s*\\d+[${RU}]?`,
	flat: `(?:кв\\.|квартира|оф\\.|офис|пом\\.|помещение)\\s*\\d+`
};
const RU_START = `${B0}(?:${RU_PART.postal}(?=,?\\s*(?:[А-ЯЁ]|г\\.))|${RU_PART.city}|${RU_PART.region}|${RU_PART.street}|${RU_PART.streetAfter})`;
const RU_CONT = `(?:${Object.values(RU_PART).join('|')})`;

const EN_STREET = '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir)';
const EN_ADDRESS =
	`(?<![\\d.,])\\d{1,6}[A-Z]?\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][a-z]+\\s+|\\d{1,3}(?:st|nd|rd|th)\\s+){1,3}${EN_STREET}\\.?` +
	`(?:,?\\s*(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|#)\\.?\\s*#?[A-Z0-9-]+)?` +
	`(?:,\\s*[A-Z][a-z]+(?:\\s[A-Z][a-z]+)?(?:,\\s*[A-Z]{2}(?:\\s+\\d{5}(?:-\\d{4})?)?)?)?|${B0}P\\.?O\\.?\\s*Box\\s+\\d+`;

const ID_VALUE = `(?<v>[\\p{L}\\p{N}][\\p{L}\\p{N}/-]*[\\p{L}\\p{N}]|\\d)`;
const ID_LINK = `(?:\\s*(?:№|#|No\\.?|N|номер[${RU}]*|number|num\\.?|id|ID|:))*\\s*`;
/** Keyword, then an identifier: "заказ № 12345678", "ticket #A-12345". */
function keyed(kind: Kind, keywords: string, minDigits = 3): Rule {
	return {
		kind, priority: 30,
		re: new RegExp(`${B0}(?:${keywords})${ID_LINK}${ID_VALUE}${B1}`, 'gdiu'),
		accept: (v) => digits(v) >= minDigits
	};
}

const LEGAL_CONTEXT = new RegExp(`^\\s*(?:оферт|договор|правил|регламент|инструкц|соглашени|политик|of the|of our)`, 'iu');

const RULES: Rule[] = [
	...KEEP.map((re): Rule => ({ kind: 'keep', priority: 10, re })),
	{ kind: 'email', priority: 1, re: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
	{
		kind: 'url', priority: 2, trimEnd: /[.,;:!?)\]»"']+$/u,
		re: new RegExp(`(?:https?:\\/\\/|www\\.)[^\\s<>"«»]+|(?<![@${W}.])(?:[a-z0-9-]+\\.)+(?:ru|com|me|net|org|рф|io|su|by|kz|ua|info|biz)\\/[^\\s<>"«»]*`, 'giu'),
		accept: (v) => /^(?:https?:\/\/)?(?:www\.)?(?:t\.me|vk\.com|wa\.me|instagram\.com|facebook\.com|ok\.ru)\//i.test(v) ||
			/[/?#][^/?#\s].*$/.test(v.replace(/^(?:https?:\/\/)?[^/?#]+/i, '')) // a personal path or query
	},
	{ kind: 'handle', priority: 3, re: new RegExp(`(?<![${W}.@/])@(?=[A-Za-z0-9_]*[A-Za-z_])[A-Za-z0-9_]{3,32}${B1}`, 'gu') },
	{
		kind: 'handle', priority: 3,
		re: new RegExp(`${B0}(?:my id is|user ?name(?: is)?:?|login:?|логин:?|ник:?|никнейм:?|gamertag(?: is)?:?|PSN(?: ID)?:?)[ \\t]+(?<v>[A-Za-z0-9_.-]*[A-Za-z0-9_])(?![${W}])`, 'gdiu'),
		accept: (v) => v.length >= 3 && /\d|_|[a-z][A-Z]|^[a-z]/.test(v)
	},
	{ kind: 'card', priority: 4, re: /(?<![\d*])[\d*]{4}(?:[ -]?[\d*]{4}){3}(?:[ -]?\d{1,3})?(?![\d*])/gu, accept: (v) => digits(v) >= 8 },
	{ kind: 'card', priority: 4, re: /(?<![\d*])\*{2,}[ -]?\d{4}(?!\d)/gu },
	{
		kind: 'document', priority: 5,
		re: new RegExp(
			`${B0}(?:паспорт[${RU}]*|серия)[^\\d\\n]{0,20}(?<v>\\d{2}\\s?\\d{2}(?:[\\s,]*(?:№|N|номер)?\\s*\\d{6})?)(?!\\d)` +
			`|${B0}(?:ИНН|ОГРНИП|ОГРН|СНИЛС|КПП|БИК|SSN|EIN|TIN|tax ID|passport(?: number| no\\.?)?|driver'?s licen[cs]e(?: number| no\\.?)?)[\\s:№#]*(?<v2>[A-Z]{0,2}\\d[\\d -]{4,}\\d)(?!\\d)` +
			`|(?<!\\d)(?<v3>\\d{3}-\\d{2}-\\d{4}|\\d{3}-\\d{3}-\\d{3}[ -]\\d{2})(?!\\d)`, 'gdiu')
	},
	{
		kind: 'account', priority: 6,
		re: new RegExp(`${B0}(?:р\\/с|р\\\\с|к\\/с|л\\/с|сч[её]т[${RU}]*|account(?: number| no\\.?)?|acct\\.?|IBAN)[\\s:№#]*(?<v>[A-Z]{2}\\d{2}[A-Z0-9 ]{10,30}[A-Z0-9]|\\d[\\d ]{7,}\\d)|(?<!\\d)(?<v2>\\d{20})(?!\\d)`, 'gdiu')
	},
	keyed('order', `заказ[${RU}]*|отправлени[${RU}]*|посылк[${RU}]*|трек(?:-?номер[${RU}]*|-?код[${RU}]*)?|накладн[${RU}]*|поставк[${RU}]*|orders?|shipments?|parcels?|packages?|tracking(?: number| no\\.?| code)?|invoice|delivery|consignment`),
	keyed('claim', `претензи[${RU}]*|жалоб[${RU}]*|спор[${RU}]*|акт[${RU}]*|claims?|disputes?|complaints?`),
	keyed('ticket', `обращени[${RU}]*|заявк[${RU}]*|тикет[${RU}]*|запрос[${RU}]*|tickets?|requests?|cases?|incident`),
	keyed('number', `код[${RU}]*\\s+(?:получения|выдачи|подтверждения|из смс|из sms)|pickup code|verification code|confirmation code|PIN(?: code)?`, 4),
	keyed('barcode', `ШК|штрих-?код[${RU}]*|баркод[${RU}]*|стикер[${RU}]*|barcode|sticker`),
	{
		kind: 'point', priority: 31,
		re: new RegExp(`${B0}(?<k>ПВЗ|ПВП|PVZ|пункт[${RU}]*(?:\\s+выдачи(?:\\s+заказов)?)?|pick-?up point|point|location|store)(?:-(?=\\d|[A-Z]{1,4}-?\\d))?${ID_LINK}(?<v>(?:[A-ZА-ЯЁ]{1,4}-?)?\\d[\\d\\-/]*\\d|\\d)${B1}`, 'gdiu'),
		accept: (v, m, text, end) => (/^(?:пвз|пвп|pvz)$/i.test(m.groups?.k ?? '') || digits(v) >= 3 || /[-/]/.test(v)) &&
			!LEGAL_CONTEXT.test(text.slice(end, end + 20))
	},
	{ kind: 'address', priority: 8, re: new RegExp(`${RU_START}(?:[,\\s]+${RU_CONT})*`, 'gu') },
	{ kind: 'address', priority: 8, re: new RegExp(EN_ADDRESS, 'gu') },
	{ kind: 'address', priority: 8, re: new RegExp(`${B0}(?:(?:Apt|Apartment|Suite|Ste|Unit)\\.?\\s*#?\\d+[A-Z]?|[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2})${B1}`, 'gu') },
	{
		kind: 'phone', priority: 40,
		re: new RegExp(
			`(?<![\\d+])(?:\\+7|8|7)[\\s-]?\\(?\\d{3}\\)?[\\s-]?\\d{3}[\\s-]?\\d{2}[\\s-]?\\d{2}(?!\\d)` +
			`|(?<![\\d+])\\+\\d{1,3}(?:[\\s.-]?\\(?\\d{1,4}\\)?)(?:[\\s.-]?\\d{2,4}){2,4}(?!\\d)` +
			`|(?<![\\d+])0\\d{2,4}[\\s-]\\d{3,4}[\\s-]\\d{3,4}(?!\\d)` +
			`|(?<![\\d+])(?:1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?!\\d)` +
			`|(?:тел\\.?|телефон[${RU}]*|моб\\.?|mobile|phone|tel\\.?|cell|whats-?app|ватсап|вотсап)[\\s:]*(?<v>\\+?\\d[\\d\\s()-]{4,}\\d)`,
			'gdiu'),
		accept: (v) => digits(v) >= 7 && digits(v) <= 15
	},
	{
		kind: 'number', priority: 50,
		re: new RegExp(`${B0}[A-ZА-ЯЁ0-9](?:[A-ZА-ЯЁ0-9-]*[A-ZА-ЯЁ0-9])?${B1}`, 'gu'),
		accept: (v) => digits(v) >= 6
	}
];

/** All spans found by the pattern rules (overlapping; the caller resolves). */
export function detectPatterns(text: string): Span[] {
	const spans: Span[] = [];
	for (const rule of RULES) {
		rule.re.lastIndex = 0;
		for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
			if (m[0].length === 0) { rule.re.lastIndex++; continue; }
			const group = (['v', 'v2', 'v3'] as const).find((g) => m!.groups?.[g] !== undefined);
			const [start, found] = group && m.indices?.groups?.[group] ? m.indices.groups[group] : [m.index, m.index + m[0].length];
			const end = found - (rule.trimEnd?.exec(text.slice(start, found))?.[0].length ?? 0);
			const v = text.slice(start, end);
			if (rule.accept && !rule.accept(v, m, text, end)) continue;
			spans.push({ start, end, kind: rule.kind, priority: rule.priority });
		}
	}
	return spans;
}
