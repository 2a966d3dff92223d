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

/** Nesting of a message's fields below which they are not flattened (no real export goes this deep). */
const MAX_FLATTEN_DEPTH = 32;
/** The value of a field nested deeper than that, or of an array too deep to write as JSON. */
export const TOO_DEEP = '[nested too deep to read]';

/**
 * Adds `value` to `out` under `prefix`, nested objects with dotted keys (`author.name`). Arrays of plain values
 * become one text, one value a line (tags, text pieces); arrays holding objects are kept as their JSON text.
 * Objects and arrays in `skip` (message arrays read as records of their own) are left out.
 * Objects nested deeper than MAX_FLATTEN_DEPTH become TOO_DEEP: JSON.parse reads any depth, but flattening and
 * JSON.stringify recurse, and a field nested thousands deep overflowed the stack and threw out of the importer.
 */
export function flattenInto(out: FieldMap, value: unknown, prefix: string, skip?: ReadonlySet<unknown>, depth = 0): void {
	if (value === null || value === undefined) {
		if (prefix) out.set(prefix, null);
	} else if (Array.isArray(value)) {
		if (skip?.has(value)) return;
		const plain = value.every((v) => v === null || typeof v !== 'object');
		out.set(prefix, plain ? value.filter((v) => v !== null).map(String).join('\n') : jsonText(value));
	} else if (typeof value === 'object') {
		if (skip?.has(value)) return;
		if (depth >= MAX_FLATTEN_DEPTH) {
			out.set(prefix, TOO_DEEP);
			return;
		}
		for (const [key, child] of Object.entries(value)) {
			flattenInto(out, child, prefix ? `${prefix}.${safeKey(key)}` : safeKey(key), skip, depth + 1);
		}
	} else if (prefix) {
		out.set(prefix, String(value));
	}
}

/** An array as its JSON text; one nested too deep for JSON.stringify's recursion is TOO_DEEP. */
function jsonText(value: unknown[]): string {
	try {
		return JSON.stringify(value);
	} catch {
		return TOO_DEEP;
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
