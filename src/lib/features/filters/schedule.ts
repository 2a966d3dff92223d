import type { BusinessHours } from '$lib/analysis/view-types';
import type { LocaleCode } from '$lib/format';

/** Why a schedule could not be read; `token` is the part of the text at fault, for the message. */
export interface ScheduleError {
	code: 'empty' | 'unknown-day' | 'bad-time' | 'no-time' | 'no-days' | 'order' | 'twice';
	token?: string;
}

export type ScheduleResult = { ok: true; hours: BusinessHours } | { ok: false; error: ScheduleError };

/** Day names as written, Monday first; the first entry of each list is the one we write. */
const DAY_NAMES: Record<LocaleCode, string[][]> = {
	ru: [
		['пн', 'понедельник'],
		['вт', 'вторник'],
		['ср', 'среда'],
		['чт', 'четверг'],
		['пт', 'пятница'],
		['сб', 'суббота'],
		['вс', 'воскресенье']
	],
	en: [
		['mon', 'mo', 'monday'],
		['tue', 'tu', 'tuesday'],
		['wed', 'we', 'wednesday'],
		['thu', 'th', 'thursday'],
		['fri', 'fr', 'friday'],
		['sat', 'sa', 'saturday'],
		['sun', 'su', 'sunday']
	]
};
const EVERY_DAY = new Set(['ежедневно', 'daily']);

/** The schedule a new user starts from: weekdays, nine to six. */
export const DEFAULT_SCHEDULE: BusinessHours = {
	days: [[540, 1080], [540, 1080], [540, 1080], [540, 1080], [540, 1080], null, null]
};

function dayIndex(word: string): number {
	const w = word.toLowerCase().replace(/\.$/, '');
	for (const names of Object.values(DAY_NAMES)) {
		const index = names.findIndex((forms) => forms.includes(w));
		if (index !== -1) return index;
	}
	return -1;
}

/** 'пн-пт' -> [0..4], 'сб' -> [5], 'пт-пн' wraps over the weekend; null when a name is unknown. */
function readDays(token: string): number[] | null {
	if (EVERY_DAY.has(token.toLowerCase())) return [0, 1, 2, 3, 4, 5, 6];
	const [first, last, extra] = token.split(/[-‑–—]/);
	if (extra !== undefined) return null;
	const a = dayIndex(first);
	const b = last === undefined ? a : dayIndex(last);
	if (a === -1 || b === -1) return null;
	const days: number[] = [];
	for (let d = a; ; d = (d + 1) % 7) {
		days.push(d);
		if (d === b) return days;
	}
}

/** '9', '09:00', '9.30', '24:00' -> minutes since midnight; null when not a time. */
function readTime(text: string): number | null {
	const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text);
	if (!match) return null;
	const hours = Number(match[1]);
	const minutes = Number(match[2] ?? 0);
	if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
	return hours * 60 + minutes;
}

// Hyphen, non-breaking hyphen (as in the hint's example, which people copy), en and em dash.
const TIME_RANGE = /^(\d{1,2}(?:[:.]\d{2})?)[-‑–—](\d{1,2}(?:[:.]\d{2})?)$/;

/**
 * Reads a weekly schedule as people write it: "пн-пт 09:00-18:00", "mon-fri 9-18; sat 10:00-14:00",
 * "пн, ср, пт 10:00–19:00", "ежедневно 9-21". Each time range applies to the days named since the previous one;
 * days not named are closed. Russian and English day names are both understood whatever the UI language.
 */
export function parseSchedule(text: string): ScheduleResult {
	// Spaces around the dash of a range ("09:00 - 18:00") are joined first so that a range is one token.
	const tokens = text
		.trim()
		.replace(/\s*([-‑–—])\s*/g, '$1')
		.split(/[\s,;]+/)
		.filter(Boolean);
	if (tokens.length === 0) return { ok: false, error: { code: 'empty' } };
	const days: BusinessHours['days'] = [null, null, null, null, null, null, null];
	let pending: number[] = [];
	for (const token of tokens) {
		const range = TIME_RANGE.exec(token);
		if (range) {
			const open = readTime(range[1]);
			const close = readTime(range[2]);
			if (open === null || close === null) return { ok: false, error: { code: 'bad-time', token } };
			if (open >= close) return { ok: false, error: { code: 'order', token } };
			if (pending.length === 0) return { ok: false, error: { code: 'no-days', token } };
			for (const d of pending) {
				if (days[d]) return { ok: false, error: { code: 'twice', token: DAY_NAMES.ru[d][0] } };
				days[d] = [open, close];
			}
			pending = [];
			continue;
		}
		if (/^\d/.test(token)) return { ok: false, error: { code: 'bad-time', token } };
		const named = readDays(token);
		if (!named) return { ok: false, error: { code: 'unknown-day', token } };
		pending.push(...named);
	}
	if (pending.length > 0) return { ok: false, error: { code: 'no-time' } };
	return { ok: true, hours: { days } };
}

function writeTime(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * A schedule as text in `locale`, consecutive days with the same hours joined: "пн-пт 09:00-18:00, сб 10:00-14:00"
 * (en "mon-fri 09:00-18:00, sat 10:00-14:00", the form links use). `parseSchedule` reads it back.
 */
export function formatSchedule(hours: BusinessHours, locale: LocaleCode): string {
	const names = DAY_NAMES[locale];
	const parts: string[] = [];
	let start = 0;
	while (start < 7) {
		const span = hours.days[start];
		let end = start;
		while (end + 1 < 7 && sameHours(hours.days[end + 1], span)) end++;
		if (span) {
			const days = start === end ? names[start][0] : `${names[start][0]}-${names[end][0]}`;
			parts.push(`${days} ${writeTime(span[0])}-${writeTime(span[1])}`);
		}
		start = end + 1;
	}
	return parts.join(', ');
}

function sameHours(a: [number, number] | null, b: [number, number] | null): boolean {
	return a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);
}

/** Whether two schedules open and close at the same minutes every day. */
export function sameSchedule(a: BusinessHours | null, b: BusinessHours | null): boolean {
	if (a === null || b === null) return a === b;
	return a.days.every((day, i) => sameHours(day, b.days[i]));
}
