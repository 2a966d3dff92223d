/**
 * The period's dates as a person types them, in the UI language: ru "07.12.2026", en "07/12/2026" (en-GB, day
 * first, as everywhere in the app). A native date input would show the browser's format instead (mm/dd/yyyy in an
 * American browser with the Russian UI), so the filter bar uses text fields and this module.
 */
import type { LocaleCode } from '$lib/format/locale';
import { isDay } from './view-url';

/** Why a typed date was not taken. */
export type DayInputError = 'format' | 'noSuchDay';

export type DayInputResult = { ok: true; day: string | null } | { ok: false; error: DayInputError };

/** The separator the UI language writes between day, month and year. */
function separator(locale: LocaleCode): string {
	return locale === 'ru' ? '.' : '/';
}

/** A 'YYYY-MM-DD' day as the field shows it: ru "07.12.2026", en "07/12/2026"; '' for none. */
export function formatDayInput(day: string | null | undefined, locale: LocaleCode): string {
	if (!day || !isDay(day)) return '';
	const [year, month, date] = day.split('-');
	return [date, month, year].join(separator(locale));
}

/** What the field shows while empty: ru "дд.мм.гггг", en "dd/mm/yyyy". */
export function dayInputPlaceholder(locale: LocaleCode): string {
	const sep = separator(locale);
	return locale === 'ru' ? ['дд', 'мм', 'гггг'].join(sep) : ['dd', 'mm', 'yyyy'].join(sep);
}

const DAY_FIRST = /^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{2}|\d{4})$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Reads a typed date: day, month and year in that order, separated by a dot, slash, dash or space, in either
 * language ("7.12.2026", "07/12/26"); or ISO "2026-12-07". A two-digit year is in this century. Empty means no date.
 */
export function parseDayInput(text: string): DayInputResult {
	const value = text.trim();
	if (value === '') return { ok: true, day: null };
	let parts: [string, string, string] | null = null;
	const iso = YEAR_FIRST.exec(value);
	if (iso) parts = [iso[1], iso[2], iso[3]];
	const dayFirst = DAY_FIRST.exec(value);
	if (dayFirst) parts = [dayFirst[3].length === 2 ? `20${dayFirst[3]}` : dayFirst[3], dayFirst[2], dayFirst[1]];
	if (!parts) return { ok: false, error: 'format' };
	const day = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
	return isDay(day) ? { ok: true, day } : { ok: false, error: 'noSuchDay' };
}
