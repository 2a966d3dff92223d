/**
 * The words an anonymised report shows in place of personal data.
 *
 * Scheme (one rule per kind, documented in anonymise.ts):
 * - people: the pseudonym of a registered name ("Клиент 1", "Сотрудник 2", "Бот 1"), else "[имя]";
 * - identifiers a reader may want to follow across messages (orders, claims, tickets, barcodes, pickup points,
 *   other long numbers) are numbered per distinct value: "[заказ 1]", "[ПВЗ 2]";
 * - contact and document data are never useful as evidence and are not numbered: "[телефон]", "[адрес]".
 */
export type Language = 'ru' | 'en';

/** Kinds of personal data a detector finds; `keep` marks evidence (money, dates, times) that must stay. */
export type Kind =
	| 'keep' | 'email' | 'url' | 'handle' | 'card' | 'document' | 'account' | 'phone' | 'address'
	| 'order' | 'claim' | 'ticket' | 'barcode' | 'point' | 'number' | 'name';

/** Kinds replaced by a numbered token, stable per value within one anonymiser. */
export const NUMBERED_KINDS: ReadonlySet<Kind> = new Set<Kind>(['order', 'claim', 'ticket', 'barcode', 'point', 'number']);

/** Pseudonym roles. */
export type PersonRole = 'customer' | 'agent' | 'bot';

const WORDS: Record<Language, Record<Exclude<Kind, 'keep'>, string> & Record<PersonRole, string>> = {
	ru: {
		email: 'e-mail', url: 'ссылка', handle: 'аккаунт', card: 'карта', document: 'документ', account: 'счёт',
		phone: 'телефон', address: 'адрес', order: 'заказ', claim: 'претензия', ticket: 'обращение', barcode: 'ШК',
		point: 'ПВЗ', number: 'номер', name: 'имя', customer: 'Клиент', agent: 'Сотрудник', bot: 'Бот'
	},
	en: {
		email: 'email', url: 'link', handle: 'handle', card: 'card', document: 'ID', account: 'account',
		phone: 'phone', address: 'address', order: 'order', claim: 'claim', ticket: 'ticket', barcode: 'barcode',
		point: 'point', number: 'number', name: 'name', customer: 'Customer', agent: 'Agent', bot: 'Bot'
	}
};

/** "[телефон]", or "[заказ 3]" when `n` is given. */
export function formatToken(language: Language, kind: Exclude<Kind, 'keep'>, n?: number): string {
	const word = WORDS[language][kind];
	return n === undefined ? `[${word}]` : `[${word} ${n}]`;
}

/** "Клиент 1", "Agent 3". */
export function formatPseudonym(language: Language, role: PersonRole, n: number): string {
	return `${WORDS[language][role]} ${n}`;
}
