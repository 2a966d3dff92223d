import type { RememberedMapping } from '$lib/engine/protocol';
import { ROLES, type Role } from '$lib/model';
import type { ColumnMapping } from '$lib/ingest/types';
import { MAPPED_FIELDS } from './mapping-form';

/** Where remembered mappings are kept; `localStorage` in the browser, anything alike in tests. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const PREFIX = 'replyscope.mapping.v1:';

/**
 * The storage key of a header: its column names sorted and joined, so that the same export with its columns in
 * another order finds the same mapping. Column names are stored, never values.
 */
export function mappingKey(columns: readonly string[]): string {
	return PREFIX + JSON.stringify([...columns].sort());
}

/** A stored value read back, or null when it is missing or not a mapping (older format, edited by hand). */
export function parseRemembered(json: string | null): RememberedMapping | null {
	if (json === null) return null;
	try {
		const value: unknown = JSON.parse(json);
		if (!isRecord(value) || !isRecord(value.mapping) || !isRecord(value.roles)) return null;
		const mapping: ColumnMapping = {};
		for (const field of MAPPED_FIELDS) {
			const column = value.mapping[field];
			if (typeof column === 'string') mapping[field] = column;
		}
		const roles: Record<string, Role> = {};
		for (const [key, role] of Object.entries(value.roles)) {
			if ((ROLES as readonly unknown[]).includes(role)) roles[key] = role as Role;
		}
		return { mapping, roles };
	} catch {
		return null;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mapping confirmed earlier for files with these columns, if any. */
export function readRemembered(storage: KeyValueStore | null, columns: readonly string[]): RememberedMapping | null {
	if (!storage || columns.length === 0) return null;
	try {
		return parseRemembered(storage.getItem(mappingKey(columns)));
	} catch {
		return null;
	}
}

/** Remembers the confirmed mapping for files with these columns; a full or disabled storage is not an error. */
export function writeRemembered(storage: KeyValueStore | null, columns: readonly string[], remembered: RememberedMapping): void {
	if (!storage || columns.length === 0) return;
	try {
		storage.setItem(mappingKey(columns), JSON.stringify(remembered));
	} catch {
		// not remembering only means the user confirms the mapping again next time
	}
}

/** `localStorage` when the browser allows it. */
export function browserStorage(): KeyValueStore | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}
