/**
 * Time in the demo is Moscow wall-clock time, kept as epoch milliseconds of that wall clock read as UTC
 * (so `getUTCHours()` is the Moscow hour). Moscow has been UTC+3 all year since 2014, with no DST, so
 * wall-clock arithmetic is exact; the CSV carries local times without a zone, as Russian exports do.
 */
import type { Rng } from './random';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const MONTHS_NOMINATIVE = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** Non-working days of the 2024 Russian production calendar inside the demo period, as day numbers. */
const HOLIDAYS_2024 = new Set(
	['2024-03-08', '2024-04-29', '2024-04-30', '2024-05-01', '2024-05-09', '2024-05-10', '2024-06-12'].map((day) => Date.parse(day) / DAY)
);

/** When a department works: days of the week (0 = Sunday) and hours [from, to). */
export interface Schedule {
	days: readonly number[];
	from: number;
	to: number;
	/** Office departments rest on public holidays; round-the-clock lines do not. */
	restsOnHolidays: boolean;
}

export function wallClock(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
	return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Reads `dd.mm.yyyy HH:MM[:SS]` as a wall-clock instant. */
export function parseWallClock(text: string): number {
	const m = /^(\d\d)\.(\d\d)\.(\d{4}) (\d\d):(\d\d)(?::(\d\d))?$/.exec(text);
	if (!m) throw new Error(`Not a dd.mm.yyyy HH:MM:SS time: ${text}`);
	return wallClock(+m[3], +m[2], +m[1], +m[4], +m[5], +(m[6] ?? 0));
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** `dd.mm.yyyy HH:MM:SS`, the way Russian spreadsheet exports show times. */
export function formatWallClock(at: number): string {
	const d = new Date(at);
	return `${pad2(d.getUTCDate())}.${pad2(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** «20 мая». */
export function formatDayMonth(at: number): string {
	const d = new Date(at);
	return `${d.getUTCDate()} ${MONTHS_GENITIVE[d.getUTCMonth()]}`;
}

export function monthGenitive(at: number): string {
	return MONTHS_GENITIVE[new Date(at).getUTCMonth()];
}

export function monthNominative(at: number): string {
	return MONTHS_NOMINATIVE[new Date(at).getUTCMonth()];
}

export const startOfDay = (at: number) => Math.floor(at / DAY) * DAY;
export const hourOf = (at: number) => new Date(at).getUTCHours();
export const weekdayOf = (at: number) => new Date(at).getUTCDay();
export const dayOfMonth = (at: number) => new Date(at).getUTCDate();

export function isHoliday(at: number): boolean {
	return HOLIDAYS_2024.has(Math.floor(at / DAY));
}

function isWorkingDay(day: number, schedule: Schedule): boolean {
	return schedule.days.includes(weekdayOf(day)) && !(schedule.restsOnHolidays && isHoliday(day));
}

/** The working window that contains `at`, or the next one after it. */
function windowFrom(at: number, schedule: Schedule): { start: number; end: number } {
	for (let day = startOfDay(at); ; day += DAY) {
		if (!isWorkingDay(day, schedule)) continue;
		const end = day + schedule.to * HOUR;
		if (at < end) return { start: Math.max(at, day + schedule.from * HOUR), end };
	}
}

/** Moves `at` forward by `seconds` of working time: night, weekend and holiday hours do not count. */
export function addWorkingTime(at: number, seconds: number, schedule: Schedule): number {
	let left = seconds * SECOND;
	let cursor = at;
	for (;;) {
		const { start, end } = windowFrom(cursor, schedule);
		if (start + left <= end) return start + left;
		left -= end - start;
		cursor = end;
	}
}

/**
 * When an owner writes next after `at`, given a typical gap: owners answer in minutes by day, but
 * a gap that lands in the small hours usually waits until the morning.
 */
export function ownerTimeAfter(at: number, medianMinutes: number, rng: Rng, sigma = 1.1): number {
	const next = at + Math.max(15 * SECOND, rng.lognormal(medianMinutes * MINUTE, sigma));
	const hour = hourOf(next);
	if (hour >= 7 || rng.chance(0.12)) return next;
	return startOfDay(next) + 7 * HOUR + rng.int(20 * 60, 3 * 3600) * SECOND;
}

/** Russian plural: pluralRu(3, 'день', 'дня', 'дней') -> «3 дня». */
export function pluralRu(n: number, one: string, few: string, many: string): string {
	const mod10 = n % 10;
	const mod100 = n % 100;
	const word = mod10 === 1 && mod100 !== 11 ? one : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? few : many;
	return `${n} ${word}`;
}
