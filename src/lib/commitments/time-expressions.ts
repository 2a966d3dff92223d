/**
 * Finding time expressions in normalised text (lower case, `е` for `ё`) with the patterns of time-patterns.ts:
 * overlaps resolved (the longer wins), a day and a clock time written next to each other made one expression
 * ("завтра в 10:00", "by 3 pm tomorrow"), a clock time alone placed on the message's date.
 */
import { PATTERNS, type TimeToken } from './time-patterns';

export { ANY_TIME_WORD, type TimeToken } from './time-patterns';

/**
 * Words just before a day that make it the start of a window, a reference or a period, not an end: "с 10 мая",
 * "обращение от 10 мая", "видео за 26 февраля", "since May 3".
 */
const STARTS_WINDOW = /(?:^|[^а-яa-z])(?:с|со|от|после|за|since|from|after|starting|between)\s+$/;

/** What stands before the end of a date range ("с 1 по 15 мая", "from 1 to 15 May", "22.04–28.04"): a period, not a deadline. */
const ENDS_DATE_RANGE = /(?:^|[^а-яa-z])(?:(?:с|со|from)\s+\d{1,2}(?:\.\d{2})?(?:\s+[а-яa-z]+)?\s+|(?:за|for)\s+\d{1,2}\s*[-–—]\s*)$|\d{1,2}\.\d{2}(?:\.\d{2,4})?\s*[-–—]\s*$/;

function opensOrEndsPeriod(made: Omit<TimeToken, 'start' | 'end'>, text: string, at: number): boolean {
	const before = text.slice(Math.max(0, at - 24), at);
	return STARTS_WINDOW.test(before) || (made.spec?.type === 'date' && ENDS_DATE_RANGE.test(before));
}

/**
 * Every time expression in `text` (normalised: lower case, `е` for `ё`), in text order, overlaps resolved
 * (the longer wins), adjacent day + clock time merged, a clock time alone placed on the message's date.
 */
export function findTimeExpressions(text: string): TimeToken[] {
	const found: TimeToken[] = [];
	for (const { gate, re, make } of PATTERNS) {
		if (!gate.test(text)) continue;
		re.lastIndex = 0;
		for (let m = re.exec(text); m; m = re.exec(text)) {
			const made = make(m, text);
			if (made && !opensOrEndsPeriod(made, text, m.index)) found.push({ ...made, start: m.index, end: m.index + m[0].length });
			if (m[0].length === 0) re.lastIndex++;
		}
	}
	return placeClockTimes(mergeDayAndClock(dropOverlaps(found), text), text);
}

function dropOverlaps(tokens: TimeToken[]): TimeToken[] {
	tokens.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
	const kept: TimeToken[] = [];
	for (const t of tokens) {
		const last = kept[kept.length - 1];
		if (!last || t.start >= last.end) kept.push(t);
		else if (t.end - t.start > last.end - last.start) kept[kept.length - 1] = t;
	}
	return kept;
}

/**
 * What may stand between a day and its clock time: spaces, a comma, or the start of a window
 * ("завтра с 10:00 до 18:00", "on Monday from 10 am to 6 pm": the end of the window is the time).
 */
const DAY_CLOCK_GAP = /^[\s,]*(?:(?:с|со|from|between)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:[ap](?:\.m\.|m))?\s*(?:и|and|to|-|–|—)?\s*)?(?:on\s+)?$/;

/** Names a day (not a duration): "завтра", "20 мая", "в понедельник", "до конца месяца". */
function namesDay(t: TimeToken): boolean {
	return t.spec !== null && t.spec.type !== 'after' && t.spec.type !== 'days' && t.spec.type !== 'months';
}

/** "до конца дня", "EOD": the end of whichever day it is next to. */
function isEndOfDay(t: TimeToken): boolean {
	return t.spec?.type === 'end' && t.spec.of === 'day' && !t.spec.next;
}

/**
 * Joins a day and what is written next to it: a clock time ("завтра в 10:00", "by 3 pm tomorrow") or "end of
 * day" ("завтра до конца дня", "by EOD Friday": the end of that day).
 */
function mergeDayAndClock(tokens: TimeToken[], text: string): TimeToken[] {
	const out: TimeToken[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const a = tokens[i];
		const b = tokens[i + 1];
		if (!b || !DAY_CLOCK_GAP.test(text.slice(a.end, b.start))) {
			out.push(a);
			continue;
		}
		const anchored = a.anchored || b.anchored;
		// "до конца дня, завтра период закроется": a comma ends "end of day" (it joins "by EOD Friday" only)
		if (namesDay(a) && namesDay(b) && isEndOfDay(a) !== isEndOfDay(b) && !text.slice(a.end, b.start).includes(',')) {
			out.push({ ...(isEndOfDay(a) ? b : a), start: a.start, end: b.end, anchored });
			i++;
		} else if ((namesDay(a) && b.spec === null) || (a.spec === null && namesDay(b))) {
			const [day, clock] = a.spec === null ? [b, a] : [a, b];
			out.push({ start: a.start, end: b.end, spec: day.spec, time: clock.time, anchored, bareClock: false });
			i++;
		} else out.push(a);
	}
	return out;
}

/** What stands before the end of a clock window ("с 10:00 до 21:00", "from 9 am to 6 pm"). */
const ENDS_CLOCK_WINDOW = /(?:^|[^а-яa-z])(?:с|со|from|between)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:и|and|to|-|–|—)?\s*$/;

/**
 * Puts a clock time without a day on the message's date ("до 15:00" = today at 15:00), except the end of a
 * window with no day next to it: "выдаем заказы с 10:00 до 21:00" is a schedule, not a time that falls due.
 */
function placeClockTimes(tokens: TimeToken[], text: string): TimeToken[] {
	const out: TimeToken[] = [];
	for (const t of tokens) {
		if (t.bareClock) continue;
		if (t.spec === null && ENDS_CLOCK_WINDOW.test(text.slice(Math.max(0, t.start - 24), t.start))) continue;
		out.push(t.spec === null ? { ...t, spec: { type: 'relative', days: 0 } } : t);
	}
	return out;
}
