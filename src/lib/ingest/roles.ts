import { ROLES, type Role } from '$lib/model';

/**
 * Role words: what the role column of an export says -> who wrote the message. Written lower-case with
 * `е` for `ё` (lookups normalise the same way); `-`, `_` and spaces are interchangeable.
 *
 * Left out on purpose: `true` / `false` (twcs `inbound` is a format preset, not a word), `in` / `out`
 * and `продавец` (seller: the customer of seller support, the other side elsewhere). Unknown values are
 * shown to the user to map, which is better than a wrong guess.
 */
export const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
	customer: [
		'клиент', 'покупатель', 'партнер', 'владелец', 'владелец пвз', 'пвз', 'точка', 'пользователь',
		'заявитель', 'заказчик', 'абонент', 'посетитель', 'гость', 'входящее', 'входящий', 'входящие',
		'customer', 'client', 'user', 'end user', 'enduser', 'visitor', 'contact', 'requester', 'guest',
		'inbound', 'incoming', 'lead', 'partner'
	],
	agent: [
		'сотрудник', 'оператор', 'специалист', 'менеджер', 'агент', 'поддержка', 'техподдержка',
		'служба поддержки', 'консультант', 'администратор', 'модератор', 'куратор', 'исходящее', 'исходящий',
		'исходящие', 'support', 'agent', 'operator', 'staff', 'admin', 'administrator', 'employee', 'manager',
		'specialist', 'consultant', 'moderator', 'representative', 'human', 'human agent', 'support agent',
		'customer service', 'customer support', 'customer care', 'care', 'outbound', 'outgoing', 'responder'
	],
	bot: [
		'бот', 'чат бот', 'чатбот', 'автоответ', 'автоответчик', 'автоматическое', 'автоматический ответ',
		'виртуальный помощник', 'виртуальный ассистент', 'bot', 'chatbot', 'chat bot', 'auto reply',
		'autoreply', 'autoresponder', 'automated', 'automatic', 'virtual assistant', 'ai assistant'
	],
	system: [
		'система', 'системное', 'системное сообщение', 'служебное', 'служебное сообщение', 'уведомление',
		'событие', 'перевод', 'передача', 'статус', 'заметка', 'внутренняя заметка', 'внутренний комментарий',
		'system', 'system message', 'service', 'service message', 'event', 'note', 'internal note',
		'private note', 'transfer', 'status', 'notification', 'log', 'activity'
	]
};

/** Spaces, hyphens, underscores and edge punctuation: `end-user`, `end_user`, `End user:` are one word. */
const SEPARATORS = /[\s\-_.:;,!?()[\]"'«»/\\]+/g;

/** Loose form (separators -> one space) of every role word -> its role. */
const WORD_ROLE: ReadonlyMap<string, Role> = new Map(
	ROLES.flatMap((role) => ROLE_WORDS[role].map((word) => [loose(word), role] as const))
);

/**
 * Zero-width and bidirectional marks (U+200B-U+200F, U+202A-U+202E, U+2060-U+2069, U+FEFF): invisible, left by
 * copy-paste and some exporters, and not whitespace to `trim()`, so `\u200Bagent` would be an unknown role.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * The key a role value is stored under (ImportPlan.roles): invisible marks dropped, trimmed, lower-case,
 * `ё` -> `е`, inner spaces collapsed.
 */
export function normaliseRoleValue(value: string): string {
	return value.replace(INVISIBLE, '').trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

function loose(normalised: string): string {
	return normalised.replace(SEPARATORS, ' ').trim();
}

/**
 * The role a value names, or null. A value of several words (`Оператор Иван`) takes the role of the
 * role words in it when they all agree; when they disagree (`support bot`) it is left to the user.
 */
export function guessRole(value: string): Role | null {
	const key = loose(normaliseRoleValue(value));
	if (key === '') return null;
	const exact = WORD_ROLE.get(key);
	if (exact !== undefined) return exact;
	let found: Role | null = null;
	for (const word of key.split(' ')) {
		const role = WORD_ROLE.get(word);
		if (role === undefined) continue;
		if (found !== null && found !== role) return null;
		found = role;
	}
	return found;
}

/** Role values of an input, resolved. */
export interface RoleMap {
	/** Normalised value (normaliseRoleValue) -> role, for the values seen that have one, plus every override. */
	roles: Record<string, Role>;
	/** Distinct values without a role, as first written, in order of appearance. Empty values are not listed. */
	unknown: string[];
}

/** Resolves the distinct role values of an input; `overrides` (the user's choices, any case) win over the words. */
export function buildRoleMap(values: Iterable<string>, overrides: Record<string, Role> = {}): RoleMap {
	const roles: Record<string, Role> = {};
	for (const [value, role] of Object.entries(overrides)) roles[normaliseRoleValue(value)] = role;
	const seen = new Set<string>();
	const unknown: string[] = [];
	for (const value of values) {
		if (typeof value !== 'string') continue;
		const key = normaliseRoleValue(value);
		if (key === '' || seen.has(key)) continue;
		seen.add(key);
		if (Object.hasOwn(roles, key)) continue;
		const role = guessRole(key);
		if (role) roles[key] = role;
		else unknown.push(value.trim());
	}
	return { roles, unknown };
}

/**
 * The command line's `--roles "Клиент=customer,Сотрудник=agent"` -> normalised value -> role.
 * Values cannot contain commas; the last `=` separates value from role.
 */
export function parseRolesOption(option: string): Record<string, Role> {
	const roles: Record<string, Role> = {};
	for (const entry of option.split(',')) {
		if (entry.trim() === '') continue;
		const eq = entry.lastIndexOf('=');
		const value = eq < 0 ? '' : normaliseRoleValue(entry.slice(0, eq));
		if (value === '') throw new Error(`--roles: '${entry.trim()}' is not value=role (example: "Клиент=customer,Сотрудник=agent")`);
		const role = entry.slice(eq + 1).trim().toLowerCase();
		if (!(ROLES as readonly string[]).includes(role)) {
			throw new Error(`--roles: '${role}' (for '${entry.slice(0, eq).trim()}') is not a role; use one of ${ROLES.join(', ')}`);
		}
		roles[value] = role as Role;
	}
	return roles;
}
