/**
 * The patterns of time expressions in normalised text (lower case, `е` for `ё`), Russian and English, each
 * with what it means: durations ("в течение 3 рабочих дней", "within 24 hours"), dates ("до 20 мая
 * включительно", "20.05.2024", "by May 20", "до 20 числа"), days ("завтра", "by Friday", "до конца месяца")
 * and clock times ("до 15:00", "by 5 pm"). Vague words ("в ближайшее время", "несколько дней", "soon",
 * "within hours") match none: they name no time. time-expressions.ts runs them.
 */
import type { ClockTime, DueSpec } from './due-date';
import {
	B, E, EN_MONTHS, EN_NUMBER, EN_WEEKDAYS, monthOf, parseNumber, RU_MONTHS, RU_NUMBER, RU_WEEKDAYS, weekdayOfName
} from './time-words';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** One time expression found in the text. */
export interface TimeToken {
	/** Offsets in the normalised text (the same as in the original: normalising keeps lengths). */
	start: number;
	end: number;
	/** The day it names; null for a clock time alone. */
	spec: DueSpec | null;
	/** The clock time written with it, if any. */
	time: ClockTime | null;
	/** Written with a preposition or as a duration ("до 20 мая", "within"): a cue anywhere in the sentence will do. */
	anchored: boolean;
	/** A clock time with no preposition ("10:00"): kept only next to a day. */
	bareClock: boolean;
}

type Match = RegExpExecArray;
/** Reads one match; null when it is not a time after all. */
export type Make = (m: Match, text: string) => Omit<TimeToken, 'start' | 'end'> | null;

function token(spec: DueSpec | null, anchored: boolean, time: ClockTime | null = null): Omit<TimeToken, 'start' | 'end'> {
	return { spec, time, anchored, bareClock: false };
}

// --- durations -------------------------------------------------------------------------------------------

const RU_DURATION_PREFIX =
	'(в\\s+течени[еи]|в\\s+срок(?:\\s+до)?|не\\s+позднее(?:\\s+чем)?(?:\\s+через)?|не\\s+позже(?:\\s+чем)?(?:\\s+через)?|' +
	'в\\s+пределах|в\\s+ближайш(?:ие|ий|ее|ую)|через|до|не\\s+более(?:\\s+чем)?|составляет|составит|занимает|займет)';
const RU_UNIT =
	'(рабоч(?:их|его|ий|ие|ем)\\s+(?:дн(?:я|ей|и)|день|сут(?:ок|ки))|банковск(?:их|ого|ий|ие)\\s+(?:дн(?:я|ей|и)|день)|' +
	'раб\\.?\\s*дн(?:я|ей|и)?\\.?|р\\.\\s?д\\.?|календарн(?:ых|ого|ый|ые)\\s+(?:дн(?:я|ей|и)|день)|дн(?:я|ей|и)|день|сут(?:ок|ки)|' +
	'получаса|час(?:а|ов)?|ч\\.?|минут[уы]?|мин\\.?|недел(?:и|ю|ь)|недель|месяц(?:а|ев)?)';
const EN_DURATION_PREFIX =
	'(within|in|during|over|no\\s+later\\s+than|not\\s+later\\s+than|up\\s+to|under)(?:\\s+(?:the\\s+)?(?:next|following|coming))?';
const EN_UNIT =
	'((?:business|working|work|bank(?:ing)?|bus\\.?)\\s+days?|(?:calendar\\s+)?days?|hours?|hrs?|h|minutes?|mins?|weeks?|months?)';

/** A duration's unit, as the kind of arithmetic it takes. */
function durationSpec(unit: string, n: number, written: boolean, prefix: string): DueSpec {
	const u = unit.replace(/\s+/g, ' ');
	if (/^(рабоч|банк|раб|р\.|business|working|work |bank|bus)/.test(u)) return { type: 'days', n, working: true };
	if (/^(сут)/.test(u)) return { type: 'after', ms: n * 24 * HOUR };
	if (u === 'получаса') return { type: 'after', ms: 30 * MINUTE };
	if (/^(час|ч|hour|hr|h$)/.test(u)) return { type: 'after', ms: n * HOUR };
	if (/^(мин|min)/.test(u)) return { type: 'after', ms: n * MINUTE };
	if (/^(недел|week)/.test(u)) return { type: 'days', n: 7 * n, working: false };
	if (/^(месяц|month)/.test(u)) return { type: 'months', n };
	// "в течение дня" / "within the day": before the day is out; "в течение 2 дней": calendar days.
	if (!written && /^(в течени|within|during)/.test(prefix)) return { type: 'end', of: 'day' };
	return { type: 'days', n, working: false };
}

const makeRuDuration: Make = (m) => {
	const prefix = m[1].replace(/\s+/g, ' ');
	const unit = m[3];
	// "до 15 часов" is a clock time; "до 72 часов" can only be a duration
	if (prefix === 'до' && (!m[2] || (/^(час|ч|мин|получ)/.test(unit) && !(parseNumber(m[2]) > 24)))) return null;
	if (!m[2] && !/^(в течени|через|в ближайш|в пределах)/.test(prefix)) return null;
	const n = m[2] ? parseNumber(m[2]) : 1;
	if (!(n > 0)) return null;
	return token(durationSpec(unit, n, Boolean(m[2]), prefix), true);
};

const makeEnDuration: Make = (m) => {
	const prefix = m[1].replace(/\s+/g, ' ');
	const written = m[2] !== undefined;
	// "within the hour" names one; "within hours", "in days" name none
	if (!written && (!/^(within|during|over)$/.test(prefix) || /s$/.test(m[3]))) return null;
	const n = m[2] ? parseNumber(m[2]) : 1;
	if (!(n > 0)) return null;
	return token(durationSpec(m[3], n, written, prefix), true);
};

/** "3 рабочих дня" with no preposition ("срок ответа — 3 рабочих дня"): needs its cue close by. */
const makeBareWorkingDays: Make = (m) => {
	const n = parseNumber(m[1]);
	return n > 0 ? token({ type: 'days', n, working: true }, false) : null;
};

// --- dates ---------------------------------------------------------------------------------------------

const DATE_PREFIX =
	'(до|по|к|не\\s+позднее|не\\s+позже|в\\s+срок\\s+до|срок\\s+до|вплоть\\s+до|на|by|before|until|till|on|no\\s+later\\s+than|not\\s+later\\s+than|due)';
const INCLUSIVE = '(?:\\s*\\(?\\s*(?:включительно|inclusive)\\s*\\)?)?';

function date(prefix: string | undefined, year: number, month: number, day: number): Omit<TimeToken, 'start' | 'end'> | null {
	if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
	return token({ type: 'date', year: Number.isNaN(year) ? null : year, month, day }, prefix !== undefined);
}

/** Groups: 1 prefix, 2 day, 3 month name, 4 year. */
const makeRuDate: Make = (m) => date(m[1], m[4] === undefined ? NaN : Number(m[4]), monthOf(m[3]), Number(m[2]));

/** Groups: 1 prefix, 2 day, 3 month, 4 year. "15.00" without a year is a clock time (makeRuClock). */
const makeNumericDate: Make = (m) =>
	m[4] === undefined && m[3] === '00' ? null : date(m[1], m[4] === undefined ? NaN : Number(m[4]), Number(m[3]), Number(m[2]));

/**
 * Groups: 1 prefix, 2 and 3 the numbers, 4 year. Day first ("20/05") unless only month first can be a date
 * ("05/20"): chats here are mostly European; an American "05/06" is read as 5 June.
 */
const makeSlashDate: Make = (m) => {
	const [a, b] = [Number(m[2]), Number(m[3])];
	const [day, month] = a <= 12 && b > 12 ? [b, a] : [a, b];
	return date(m[1], m[4] === undefined ? NaN : Number(m[4]), month, day);
};

const makeIsoDate: Make = (m) => date(m[1], Number(m[2]), Number(m[3]), Number(m[4]));

/** Words after "may" that make it the verb ("3 may be late"), not the month. */
const MAY_VERB = /^\s+(be|not|have|take|also|need|vary|require|apply|contain|get|want|help|see|find|use|change|differ|cause|affect)(?![a-z])/;

/** Groups: 1 prefix, 2 day and 3 month (day first), 4 month and 5 day (month first), 6 year. */
const makeEnDate: Make = (m, text) => {
	const dayFirst = m[2] !== undefined;
	const monthName = dayFirst ? m[3] : m[4];
	if (dayFirst && monthName === 'may' && MAY_VERB.test(text.slice(m.index + m[0].length))) return null;
	return date(m[1], m[6] === undefined ? NaN : Number(m[6]), monthOf(monthName), Number(dayFirst ? m[2] : m[5]));
};

/** "до 20 числа", "by the 20th": that day of this month, or of the next when it has passed. Groups: 1 prefix, 2 day. */
const makeDayOfMonth: Make = (m) => {
	const day = Number(m[2]);
	return day >= 1 && day <= 31 ? token({ type: 'dayOfMonth', day }, true) : null;
};

// --- clock times ---------------------------------------------------------------------------------------

function clock(hour: number, minute: number): ClockTime | null {
	return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 ? { hour, minute } : null;
}

const makeRuClock: Make = (m) => {
	const prefix = m[1].replace(/\s+/g, ' ');
	if (prefix === 'с' || prefix === 'после') return null; // the start of a window, not its end
	const minutes = m[3] ?? m[4];
	if (minutes === undefined && !m[5]) return null; // "в 3", "в 3 дня" are not clock times here
	// "до 10.05" is a date; "до 15.00", "до 10.30" are times.
	if (m[4] !== undefined && Number(m[4]) >= 1 && Number(m[4]) <= 12) return null;
	let hour = Number(m[2]);
	const part = m[6];
	if ((part === 'дня' || part === 'вечера') && hour < 12) hour += 12;
	if (part === 'ночи' && hour === 12) hour = 0;
	const time = clock(hour, Number(minutes ?? 0));
	return time && token(null, true, time);
};

const makeEnClock: Make = (m) => {
	let hour = Number(m[2]);
	const ampm = m[4];
	if (ampm) {
		if (hour < 1 || hour > 12) return null;
		hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
	}
	const time = clock(hour, Number(m[3] ?? 0));
	return time && token(null, m[1] !== undefined, time);
};

/** Clock times named by a word: "by noon", "до обеда" (12:00), "до вечера" (18:00). */
const NAMED_TIMES: Record<string, ClockTime> = {
	noon: { hour: 12, minute: 0 }, midday: { hour: 12, minute: 0 }, midnight: { hour: 23, minute: 59 },
	обеда: { hour: 12, minute: 0 }, обеду: { hour: 12, minute: 0 }, вечера: { hour: 18, minute: 0 }, вечеру: { hour: 18, minute: 0 }
};
const makeNamedTime: Make = (m) => token(null, m[1] !== undefined, NAMED_TIMES[m[2]]);

const makeBareClock: Make = (m) => {
	const time = clock(Number(m[1]), Number(m[2]));
	return time && { spec: null, time, anchored: false, bareClock: true };
};

// --- days ----------------------------------------------------------------------------------------------

const RELATIVE: Record<string, number> = {
	сегодня: 0, завтра: 1, послезавтра: 2, 'завтрашнего дня': 1,
	today: 0, tonight: 0, tomorrow: 1, 'the day after tomorrow': 2
};

const makeRelative: Make = (m) => token({ type: 'relative', days: RELATIVE[m[2].replace(/\s+/g, ' ')] }, m[1] !== undefined);

const makeWeekday: Make = (m) => {
	const weekday = weekdayOfName(m[2]);
	return weekday < 0 ? null : token({ type: 'weekday', weekday }, m[1] !== undefined);
};

/** "крайний день — пятница": the weekday names the day of a limit, as "до пятницы" does. */
const makeLastDay: Make = (m) => {
	const weekday = weekdayOfName(m[1]);
	return weekday < 0 ? null : token({ type: 'weekday', weekday }, true);
};

const END_OF: Record<string, 'day' | 'week' | 'workweek' | 'month' | 'year'> = {
	дня: 'day', 'рабочего дня': 'day', недели: 'week', 'рабочей недели': 'workweek', месяца: 'month', года: 'year',
	day: 'day', 'business day': 'day', 'working day': 'day', 'work day': 'day', workday: 'day', business: 'day',
	week: 'week', 'business week': 'workweek', 'working week': 'workweek', 'work week': 'workweek', workweek: 'workweek',
	month: 'month', year: 'year', eod: 'day', cob: 'day', eow: 'week', eom: 'month'
};

function endOf(unit: string, next: boolean): Omit<TimeToken, 'start' | 'end'> | null {
	const of = END_OF[unit.replace(/\s+/g, ' ')];
	return of ? token({ type: 'end', of, next }, true) : null;
}

/** "до конца (следующего) месяца", "by the end of (next) week". Groups: 1 "следующего" / "next", 2 the unit. */
const makeEndOf: Make = (m) => endOf(m[2], m[1] !== undefined);

/** "EOD", "COB". Group 1: the abbreviation. */
const makeEndOfShort: Make = (m) => endOf(m[1], false);

// --- the pattern table -----------------------------------------------------------------------------------

/**
 * A pattern and its gate: a plain regular expression (no look-behind) that every match of the pattern
 * contains. Testing the gates first is what keeps a million messages within seconds: most texts hold no
 * date at all, and the look-behind patterns cost a few microseconds each even when nothing matches.
 */
export interface Pattern {
	gate: RegExp;
	re: RegExp;
	make: Make;
}

export const PATTERNS: readonly Pattern[] = [
	[/течени|срок|позднее|позже|пределах|ближайш|через|более|до |состав|занима|займ/, `${B}${RU_DURATION_PREFIX}\\s+(?:(${RU_NUMBER})(?:\\s*\\([а-я\\s-]+\\))?\\s*)?${RU_UNIT}(?![а-яa-z0-9])`, makeRuDuration],
	[/рабоч|банковск|раб\.|р\.\s?д/, `${B}(${RU_NUMBER})\\s+((?:рабоч|банковск)[а-я]*\\s+(?:дн(?:я|ей|и)|день)|раб\\.\\s*дн(?:я|ей|и)?\\.?|р\\.\\s?д\\.?)(?![а-яa-z0-9])`, makeBareWorkingDays],
	[/day|hour|hrs|\d\s*h|min|week|month/, `${B}${EN_DURATION_PREFIX}\\s+(?:(${EN_NUMBER})\\s*)?(?:the\\s+)?${EN_UNIT}${E}`, makeEnDuration],
	[/январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр/, `${B}(?:${DATE_PREFIX}\\s+)?(\\d{1,2})(?:-?го)?\\s+${RU_MONTHS}(?![а-я])(?:\\s+(\\d{4})(?:\\s*(?:года|г\\.?))?)?${INCLUSIVE}`, makeRuDate],
	[/\d\.\d\d/, `${B}(?:${DATE_PREFIX}\\s+)?(?<![.,\\d])(\\d{1,2})\\.(\\d{2})(?:\\.(\\d{4}|\\d{2}))?(?![\\d]|\\.\\d)(?:\\s*(?:года|г\\.))?${INCLUSIVE}`, makeNumericDate],
	[/\d\/\d/, `${B}(?:${DATE_PREFIX}\\s+)?(?<![\\/\\d])(\\d{1,2})\\/(\\d{1,2})(?:\\/(\\d{4}|\\d{2}))?(?![\\d\\/])${INCLUSIVE}`, makeSlashDate],
	[/\d{4}-\d\d-\d\d/, `${B}(?:${DATE_PREFIX}\\s+)?(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])${INCLUSIVE}`, makeIsoDate],
	[/jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/, `${B}(?:${DATE_PREFIX}\\s+)?(?:(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${EN_MONTHS}(?![a-z])|${EN_MONTHS}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:]|\\s*[-–—]\\s*\\d))(?:,?\\s+(\\d{4}))?${INCLUSIVE}`, makeEnDate],
	[/\d[:.]\d\d|\d\s*ч|\d-[03]0/, `${B}(до|к|в|во|не\\s+позднее|не\\s+позже|на|около|с|после)\\s+(\\d{1,2})(?:(?::|-(?=[03]0(?!\\d)))(\\d{2})|\\.(\\d{2}))?(?:\\s*(ч\\.?|час(?:а|ов|ам)?)(?![а-я]))?(?:\\s+(утра|дня|вечера|ночи))?(?:\\s+(?:по\\s+)?(?:мск|московскому\\s+времени)(?![а-я]))?`, makeRuClock],
	[/\d\s*[ap]\.?m/, `${B}(?:(by|before|until|till|at|around|no\\s+later\\s+than|not\\s+later\\s+than)\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*([ap])(?:\\.m\\.|m)(?![a-z])`, makeEnClock],
	[/\d:\d\d/, `${B}(by|before|until|till|at|no\\s+later\\s+than|not\\s+later\\s+than)\\s+(\\d{1,2}):(\\d{2})(?![\\d])()`, makeEnClock],
	[/noon|midday|midnight/, `${B}(?:(by|before|until|till|at)\\s+)?(noon|midday|midnight)${E}`, makeNamedTime],
	[/обед|вечер/, `${B}(до|к)\\s+(обеда|обеду|вечера|вечеру)${E}`, makeNamedTime],
	[/крайний|последний/, `(?<=(?:крайний|последний)\\s+(?:день|срок)\\s*[—–:-]\\s*)(понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)${E}`, makeLastDay],
	[/\d:\d\d/, `(?<![\\d:.])(\\d{1,2}):(\\d{2})(?![\\d:])`, makeBareClock],
	[/сегодня|завтра/, `${B}(?:(до|к|на)\\s+)?(сегодня|завтра|послезавтра|завтрашнего\\s+дня)${E}`, makeRelative],
	[/today|tonight|tomorrow/, `${B}(?:(by|before|until|till|for)\\s+)?(today|tonight|tomorrow|the\\s+day\\s+after\\s+tomorrow)${E}`, makeRelative],
	[/понедельник|вторник|сред(?:у|ы|е)|четверг|пятниц|суббот|воскресень/, `${B}(в|во|до|к|по|не\\s+позднее|не\\s+позже|на)\\s+(?:(?:следующ|ближайш|эт)[а-я]*\\s+)?${RU_WEEKDAYS}${E}`, makeWeekday],
	[/(?:mon|tues|wednes|thurs|fri|satur|sun)day/, `${B}(?:(by|on|before|until|till|next|this|no\\s+later\\s+than|not\\s+later\\s+than|due)\\s+)?(?:(?:next|this|the)\\s+)?${EN_WEEKDAYS}${E}`, makeWeekday],
	[/(?:mon|tue|wed|thu|fri|sat)/, `${B}(by|on|before|until|till|next|this|due)\\s+(?:(?:next|this|the)\\s+)?(mon|tue|tues|wed|thu|thur|thurs|fri|sat)(?![a-z0-9])`, makeWeekday],
	[/числа/, `${B}(до|к|по|не\\s+позднее|не\\s+позже)\\s+(\\d{1,2})(?:-?го)?\\s+числа${E}`, makeDayOfMonth],
	[/\d(?:st|nd|rd|th)/, `${B}(by|before|until|till|on|no\\s+later\\s+than|not\\s+later\\s+than)\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)(?![a-z0-9])(?!\\s+of)`, makeDayOfMonth],
	[/конц|окончани/, `${B}(?:до|к|в)\\s+(?:конц[аеу]|окончани[яи])\\s+(?:(?:текущего|этого|сегодняшнего|текущей|этой|нынешнего)\\s+|(следующ(?:его|ей))\\s+)?(рабочего\\s+дня|дня|рабочей\\s+недели|недели|месяца|года)${E}`, makeEndOf],
	[/end of|close of/, `${B}(?:(?:by|before|until|till|at|to)\\s+)?(?:the\\s+)?(?:end|close)\\s+of\\s+(?:the\\s+|this\\s+|today'?s?\\s+|(next)\\s+)?(business\\s+day|working\\s+day|work\\s*day|day|business\\s+week|working\\s+week|work\\s*week|week|business|month|year)${E}`, makeEndOf],
	[/eod|cob|eow|eom/, `${B}(?:(?:by|before|until|till)\\s+)?(eod|cob|eow|eom)${E}`, makeEndOfShort]
].map(([gate, source, make]) => ({ gate: gate as RegExp, re: new RegExp(source as string, 'g'), make: make as Make }));

/**
 * One case-insensitive expression any text holding a time expression matches, for raw (not normalised)
 * text: the union of the gates, with `ё` for `е` and any space for a space.
 */
export const ANY_TIME_WORD = new RegExp(
	PATTERNS.map((p) => p.gate.source.replace(/е/g, '[её]').replace(/ /g, '\\s')).join('|'),
	'i'
);
