import { NO_VALUE } from './duration';
import { intlTag, type LocaleCode } from './locale';

/**
 * Some ICU versions group Russian thousands with a narrow no-break space (U+202F); we always show the
 * ordinary no-break space (U+00A0) so that tests and copied figures do not depend on the browser build.
 */
function normaliseSpaces(text: string): string {
	return text.replace(/\u202f/g, '\u00a0');
}

/** Formatters by locale and options (building one costs far more than formatting with it). */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: LocaleCode, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlTag(locale), options)));
	return format;
}

/** 1234567.5 -> ru "1 234 567,5", en "1,234,567.5" (at most `maxFractionDigits` decimals). */
export function formatNumber(value: number | null | undefined, locale: LocaleCode, maxFractionDigits = 1): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
	const format = numberFormat(locale, { maximumFractionDigits: maxFractionDigits });
	return normaliseSpaces(format.format(value));
}

/** A fraction in [0, 1] as a percentage: 0.125 -> ru "12,5 %", en "12.5%". */
export function formatPercent(fraction: number | null | undefined, locale: LocaleCode, maxFractionDigits = 1): string {
	if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NO_VALUE;
	const format = numberFormat(locale, { style: 'percent', maximumFractionDigits: maxFractionDigits });
	return normaliseSpaces(format.format(fraction));
}

const BYTE_UNITS: Record<LocaleCode, readonly string[]> = {
	ru: ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'],
	en: ['B', 'KB', 'MB', 'GB', 'TB']
};

/** A file size in binary units (1 KB = 1024 B), one decimal from KB up: ru "1,5 МБ", en "1.5 MB". */
export function formatBytes(bytes: number | null | undefined, locale: LocaleCode): string {
	if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return NO_VALUE;
	const units = BYTE_UNITS[locale];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	// 1023.96 KB would print as "1024 KB": carry into the next unit instead.
	if (unit > 0 && Math.round(value * 10) / 10 >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${formatNumber(value, locale, unit === 0 ? 0 : 1)}\u00a0${units[unit]}`;
}
