import { createContext } from 'svelte';
import type { LocaleCode } from '$lib/format';
import { en } from './messages.en';
import { ru, type MessageKey } from './messages.ru';
import { translate, type MessageParams } from './translate';

export type { LocaleCode } from '$lib/format';
export type { MessageKey } from './messages.ru';

const CATALOGUES = { ru, en } as const;
const STORAGE_KEY = 'replyscope.locale';

/** Where the chosen language is kept; `localStorage` in the browser, anything alike in tests. */
type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function isLocaleCode(value: unknown): value is LocaleCode {
	return value === 'ru' || value === 'en';
}

/**
 * The first choice: what the user picked before, else English when the browser's first language is English,
 * else Russian (the users are Russian-speaking; Russian is the default for every other language too).
 */
export function initialLocale(stored: string | null, languages: readonly string[]): LocaleCode {
	if (isLocaleCode(stored)) return stored;
	return languages[0]?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

function safeStorage(): KeyValueStore | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null; // storage disabled (privacy mode): the choice then lasts for this page only
	}
}

/** The UI language, reactive: components re-render when `code` changes. */
export class Locale {
	/** The current language. */
	code = $state<LocaleCode>('ru');
	#storage: KeyValueStore | null;

	constructor(storage: KeyValueStore | null = safeStorage(), languages: readonly string[] = globalThis.navigator?.languages ?? []) {
		this.#storage = storage;
		let stored: string | null = null;
		try {
			stored = storage?.getItem(STORAGE_KEY) ?? null;
		} catch {
			stored = null;
		}
		this.code = initialLocale(stored, languages);
		this.#applyToDocument();
	}

	/** Switches the language and remembers it in this browser. */
	set(code: LocaleCode): void {
		this.code = code;
		this.#applyToDocument();
		try {
			this.#storage?.setItem(STORAGE_KEY, code);
		} catch {
			// a full or disabled storage only means the choice is not remembered
		}
	}

	/** Screen readers and hyphenation follow `<html lang>`. */
	#applyToDocument(): void {
		if (typeof document !== 'undefined') document.documentElement.lang = this.code;
	}

	/** The message `key` in the current language, with `{name}` placeholders filled. */
	t = (key: MessageKey, params?: MessageParams): string => translate(CATALOGUES[this.code][key], this.code, params);
}

const [getLocaleContext, setLocaleContext] = createContext<Locale>();

/** Provides the locale to the component tree (call once, in the root layout). */
export function setLocale(locale: Locale): Locale {
	return setLocaleContext(locale);
}

/** The locale provided by the root layout. */
export function getLocale(): Locale {
	return getLocaleContext();
}
