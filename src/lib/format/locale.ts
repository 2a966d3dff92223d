/** UI languages. Formatting follows the UI language, not the browser's region. */
export type LocaleCode = 'ru' | 'en';

/**
 * The Intl tag behind each UI language. English uses en-GB: day-month order and a 24-hour clock, as the
 * Russian exports the users read next to it (en-US would show "May 10" and "1:00 PM").
 */
export function intlTag(locale: LocaleCode): string {
	return locale === 'ru' ? 'ru-RU' : 'en-GB';
}
