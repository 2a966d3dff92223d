/**
 * The reports of the group comparison, kept in this tab's sessionStorage: they survive a reload and the way from
 * /shared ("Add to comparison") to /compare, and are gone when the tab is closed (they are other people's figures).
 * What is read back is validated again, as anything read from storage may be old or edited.
 */
import { validateShareReport } from '$lib/share/share-link';
import type { ShareReport } from '$lib/share/share-report';

const KEY = 'replyscope.compare';

/** One report in the comparison. */
export interface StoredOwner {
	/** Stable id (keys of lists). */
	id: string;
	/** The name shown; the report's owner or «Владелец N» when added, then as the user renames it. */
	name: string;
	report: ShareReport;
}

function storage(): Storage | null {
	try {
		return globalThis.sessionStorage ?? null;
	} catch {
		return null; // storage disabled: the comparison then lasts while the page is open
	}
}

/** The stored owners (the readable ones; an entry that is no longer a valid report is dropped). */
export function readStoredOwners(): StoredOwner[] {
	try {
		const value: unknown = JSON.parse(storage()?.getItem(KEY) ?? '[]');
		if (!Array.isArray(value)) return [];
		return value.flatMap((entry) => {
			try {
				const { id, name, report } = entry as StoredOwner;
				return typeof id === 'string' && typeof name === 'string' ? [{ id, name, report: validateShareReport(report) }] : [];
			} catch {
				return [];
			}
		});
	} catch {
		return [];
	}
}

/** Saves the owners; a full storage only means they are not kept across a reload. */
export function writeStoredOwners(owners: readonly StoredOwner[]): void {
	try {
		storage()?.setItem(KEY, JSON.stringify(owners));
	} catch {
		// quota exceeded or storage disabled
	}
}

/** A new id for an owner. */
export function newOwnerId(): string {
	return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
}
