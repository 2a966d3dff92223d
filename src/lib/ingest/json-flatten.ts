import { safeKey } from './record-fields';

/**
 * Fields being collected for one record. A Map, not an object, so keys taken from the file (`__proto__`
 * included) cannot reach any prototype; `toFields` turns it into a plain object with safe keys.
 */
export type FieldMap = Map<string, string | null>;

/** A JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds `value` to `out` under `prefix`, nested objects with dotted keys (`author.name`). Arrays of plain values
 * become one text, one value a line (tags, text pieces); arrays holding objects are kept as their JSON text.
 * Objects and arrays in `skip` (message arrays read as records of their own) are left out.
 */
export function flattenInto(out: FieldMap, value: unknown, prefix: string, skip?: ReadonlySet<unknown>): void {
	if (value === null || value === undefined) {
		if (prefix) out.set(prefix, null);
	} else if (Array.isArray(value)) {
		if (skip?.has(value)) return;
		const plain = value.every((v) => v === null || typeof v !== 'object');
		out.set(prefix, plain ? value.filter((v) => v !== null).map(String).join('\n') : JSON.stringify(value));
	} else if (typeof value === 'object') {
		if (skip?.has(value)) return;
		for (const [key, child] of Object.entries(value)) {
			flattenInto(out, child, prefix ? `${prefix}.${safeKey(key)}` : safeKey(key), skip);
		}
	} else if (prefix) {
		out.set(prefix, String(value));
	}
}

/** The collected fields as a plain object (the keys are safe: see `safeKey`). */
export function toFields(map: FieldMap): Record<string, string | null> {
	const fields: Record<string, string | null> = {};
	for (const [key, value] of map) fields[key] = value;
	return fields;
}

/** JSON path of a member: `$.messages`, `$["dialog content"]`. */
export function memberPath(path: string, key: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A scalar JSON value as text; objects, arrays and null give null. */
export function scalarText(value: unknown): string | null {
	if (value === null || value === undefined || typeof value === 'object') return null;
	return String(value);
}
