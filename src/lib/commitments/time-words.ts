/**
 * Words of time expressions, Russian and English, written normalised (lower case, `е` for `ё`), and the
 * regular-expression pieces built from them. Word edges are explicit look-arounds over `а-яa-z0-9`
 * because JS `\b` does not see Cyrillic letters (STYLE.md).
 */

/** Letters and digits: what a word is made of, for the look-arounds. */
const WORD = 'а-яa-z0-9';
/** Start of a word. */
export const B = `(?<![${WORD}])`;
/** End of a word. */
export const E = `(?![${WORD}])`;

/** Number words in the forms they take before a unit ("трех рабочих дней", "одного дня", "двадцати четырех часов"). */
const RU_NUMBERS: Record<string, number> = {
	один: 1, одна: 1, одного: 1, одной: 1, одну: 1, одних: 1,
	два: 2, две: 2, двух: 2, три: 3, трех: 3, четыре: 4, четырех: 4, пять: 5, пяти: 5, шесть: 6, шести: 6,
	семь: 7, семи: 7, восемь: 8, восьми: 8, девять: 9, девяти: 9, десять: 10, десяти: 10,
	двенадцать: 12, двенадцати: 12, четырнадцать: 14, четырнадцати: 14, пятнадцать: 15, пятнадцати: 15,
	двадцать: 20, двадцати: 20, тридцать: 30, тридцати: 30, сорок: 40, сорока: 40,
	семьдесят: 70, семидесяти: 70
};

const EN_NUMBERS: Record<string, number> = {
	a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
	eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, forty: 40, seventy: 70
};

function alternation(words: Iterable<string>): string {
	return [...words].sort((a, b) => b.length - a.length).join('|');
}

const RU_WORD = `(?:${alternation(Object.keys(RU_NUMBERS))})`;
const EN_WORD = `(?:${alternation(Object.keys(EN_NUMBERS).filter((w) => w.length > 2))})`;

/** "3", "3-х", "5-ти", "1-2", "трех", "двадцати четырех". */
export const RU_NUMBER = `(?:\\d{1,3}(?:\\s*[-–—]\\s*\\d{1,3})?(?:-?(?:х|ти|ми|и|ух|ех|го))?|${RU_WORD}(?:\\s+${RU_WORD})?)`;
/** "3", "24-48", "three", "twenty-four", "a", "an". */
export const EN_NUMBER = `(?:\\d{1,3}(?:\\s*[-–—]\\s*\\d{1,3})?|${EN_WORD}(?:[- ]${EN_WORD})?|an?)`;

/** The value of a number as written; for a range ("1-2", "24–48") its upper end. NaN when not a number. */
export function parseNumber(written: string): number {
	const digits = written.match(/\d+/g);
	if (digits) return Number(digits[digits.length - 1]);
	let sum = 0;
	for (const word of written.split(/[\s-]+/)) {
		const n = RU_NUMBERS[word] ?? EN_NUMBERS[word];
		if (n === undefined) return NaN;
		sum += n;
	}
	return sum;
}

/** Genitive month names ("20 мая") and nominative ones, by month number. */
export const RU_MONTHS = `(январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])`;
const RU_MONTH_STEMS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

export const EN_MONTHS = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`;
const EN_MONTH_STEMS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month number 1-12 of a Russian or English month name. */
export function monthOf(name: string): number {
	const en = EN_MONTH_STEMS.indexOf(name.slice(0, 3));
	if (en >= 0) return en + 1;
	// 'ма' (май, мая) is a prefix of 'мар' (март): try the three-letter stems first.
	const three = RU_MONTH_STEMS.indexOf(name.slice(0, 3));
	if (three >= 0) return three + 1;
	return RU_MONTH_STEMS.indexOf(name.slice(0, 2)) + 1;
}

/** Weekday forms after в/до/к/по ("в пятницу", "до пятницы", "к пятнице", "к понедельнику"). */
export const RU_WEEKDAYS = `(понедельник[ау]?|вторник[ау]?|сред[уые]|четверг[ау]?|пятниц[уые]|суббот[уые]|воскресень[еяю])`;
export const EN_WEEKDAYS = `(monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;
const WEEKDAY_STEMS: readonly (readonly [string, number])[] = [
	['пон', 1], ['вто', 2], ['сре', 3], ['чет', 4], ['пят', 5], ['суб', 6], ['вос', 0],
	['mon', 1], ['tue', 2], ['wed', 3], ['thu', 4], ['fri', 5], ['sat', 6], ['sun', 0]
];

/** Weekday 0 = Sunday ... 6 = Saturday of a Russian or English weekday name. */
export function weekdayOfName(name: string): number {
	const stem = name.slice(0, 3);
	for (const [s, w] of WEEKDAY_STEMS) if (s === stem) return w;
	return -1;
}
