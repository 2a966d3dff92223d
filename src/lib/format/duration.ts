import type { LocaleCode } from './locale';

const UNIT_SECONDS = [86_400, 3_600, 60, 1] as const;

const UNIT_NAMES: Record<LocaleCode, readonly string[]> = {
	ru: ['дн', 'ч', 'мин', 'с'],
	en: ['d', 'h', 'min', 's']
};

/** Shown for a missing value (no response, nothing to measure). */
export const NO_VALUE = '—';

/**
 * A duration in the two largest units, rounded to the smaller one: "2 дн 4 ч", "4 ч 10 мин", "12 мин", "45 с".
 * A zero second unit is dropped ("2 ч", not "2 ч 0 мин"). null, undefined and NaN give "—".
 */
export function formatDuration(seconds: number | null | undefined, locale: LocaleCode): string {
	if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return NO_VALUE;
	const sign = seconds < 0 ? '−' : '';
	return sign + splitDuration(Math.abs(seconds), UNIT_NAMES[locale]);
}

function splitDuration(seconds: number, names: readonly string[]): string {
	const found = UNIT_SECONDS.findIndex((unit) => seconds >= unit);
	const major = found === -1 ? UNIT_SECONDS.length - 1 : found;
	const minor = Math.min(major + 1, UNIT_SECONDS.length - 1);
	const rounded = Math.round(seconds / UNIT_SECONDS[minor]) * UNIT_SECONDS[minor];
	// Rounding can carry into a larger unit (59 min 40 s -> 60 min): start again from the rounded value.
	if (major > 0 && rounded >= UNIT_SECONDS[major - 1]) return splitDuration(rounded, names);
	if (major === minor) return `${Math.round(seconds)} ${names[major]}`;
	const majorCount = Math.floor(rounded / UNIT_SECONDS[major]);
	const minorCount = Math.round((rounded - majorCount * UNIT_SECONDS[major]) / UNIT_SECONDS[minor]);
	const head = `${majorCount} ${names[major]}`;
	return minorCount === 0 ? head : `${head} ${minorCount} ${names[minor]}`;
}
