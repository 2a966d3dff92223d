import { formatNumber, type LocaleCode } from '$lib/format';

/** A message with plural forms (CLDR categories); `{count}` chooses the form. */
export interface PluralMessage {
	one: string;
	few?: string;
	many?: string;
	other: string;
}

/** A UI message: text with `{name}` placeholders, or plural forms. */
export type Message = string | PluralMessage;

/** Values for the placeholders; numbers are written in the locale's style ("1 234"). */
export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<LocaleCode, Intl.PluralRules>();

function pluralRulesFor(locale: LocaleCode): Intl.PluralRules {
	let rules = pluralRules.get(locale);
	if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
	return rules;
}

function choosePlural(message: PluralMessage, count: number, locale: LocaleCode): string {
	const category = pluralRulesFor(locale).select(count) as keyof PluralMessage;
	return message[category] ?? message.other;
}

/**
 * Fills a message: picks the plural form by `params.count`, then replaces each `{name}` with its value.
 * Unknown placeholders stay visible (`{name}`) so that a missing parameter is seen, not silently dropped.
 */
export function translate(message: Message, locale: LocaleCode, params: MessageParams = {}): string {
	const count = typeof params.count === 'number' ? params.count : 0;
	const text = typeof message === 'string' ? message : choosePlural(message, count, locale);
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === 'number' ? formatNumber(value, locale, 2) : value;
	});
}
