import type { Role } from '$lib/model';
import type { ColumnMapping } from './types';

/**
 * Conventions for `RawRecord.fields` shared by every reader.
 *
 * Keys that start with `_` are derived by a reader, never read from the file:
 * - `_error`: the record must be rejected, with this sentence as the reason (wrong field count, unclosed quote,
 *   a bad NDJSON line). The other fields hold whatever could be read.
 * - `_where`: where the record came from when a row number alone does not say it (JSON path `$[3].dialogContent[5]`,
 *   NDJSON `line 12`).
 * - `_conversation`, `_message_id`, `_sent_at`, `_role`, `_author`, `_department`, `_customer`, `_text`: canonical
 *   values a format dictates (IBM care dumps, Telegram, twcs threads), mapped by `DERIVED_MAPPING`.
 */
export const ERROR_FIELD = '_error';
export const WHERE_FIELD = '_where';

/** Mapping of the derived `_` keys onto the canonical fields; readers pick the keys their records carry. */
export const DERIVED_MAPPING = {
	conversation_id: '_conversation',
	message_id: '_message_id',
	sent_at: '_sent_at',
	role: '_role',
	author: '_author',
	department: '_department',
	customer: '_customer',
	text: '_text'
} as const satisfies ColumnMapping;

/** `_role` values are role names already: each maps to itself. */
export const IDENTITY_ROLES: Record<string, Role> = {
	customer: 'customer',
	agent: 'agent',
	bot: 'bot',
	system: 'system'
};

/** The preset mapping restricted to the canonical fields listed. */
export function derivedMapping(fields: (keyof typeof DERIVED_MAPPING)[]): ColumnMapping {
	const mapping: ColumnMapping = {};
	for (const field of fields) mapping[field] = DERIVED_MAPPING[field];
	return mapping;
}

const RESERVED = new Set<string>([ERROR_FIELD, WHERE_FIELD, ...Object.values(DERIVED_MAPPING)]);

/**
 * A column name from the file that is safe as a key of a plain object. Names that exist on `Object.prototype`
 * (`__proto__`, `constructor`, `toString`...) are wrapped in brackets: assigning `__proto__` would replace the
 * object's prototype, and looking up `constructor` on a record without that column would return a function.
 * The reserved `_` keys are wrapped too, so a column named `_error` cannot reject every row.
 */
export function safeKey(name: string): string {
	return name in Object.prototype || RESERVED.has(name) ? `[${name}]` : name;
}

/**
 * A value from the file as quoted in a reason. A reason is one line (the rejected-rows table, its CSV, the command
 * line's standard error), so line breaks inside the value are shown as `↵`; a long value is cut to `max`
 * characters, ending in `…`, never inside a surrogate pair.
 */
export function valueInReason(value: string, max: number): string {
	const line = value.replace(/\r\n|[\r\n\v\f\u0085\u2028\u2029]/g, '↵');
	if (line.length <= max) return line;
	const cut = line.slice(0, max - 1);
	return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
