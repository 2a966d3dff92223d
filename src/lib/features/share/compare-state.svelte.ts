import { compareDepartments, type CompareRow } from '$lib/share/compare';
import type { ShareReport } from '$lib/share/share-report';
import { newOwnerId, readStoredOwners, writeStoredOwners, type StoredOwner } from './compare-store';

/**
 * The reports of the group comparison and their names, saved to this tab's storage on every change (no effect
 * needed: each change goes through a method). `rows` is the comparison of the current list.
 */
export class CompareState {
	/** In the order they were added (the columns' order). */
	owners = $state.raw<StoredOwner[]>([]);
	/** The departments side by side. */
	readonly rows: CompareRow[] = $derived(compareDepartments(this.owners));
	#numbered: (n: number) => string;

	/** @param numbered the name of a report without an owner's name, by its place: «Владелец 2» */
	constructor(numbered: (n: number) => string, stored: StoredOwner[] = readStoredOwners()) {
		this.#numbered = numbered;
		this.owners = stored;
	}

	/** Adds a report, named by its owner field or numbered; a name already in the list gets " (2)". */
	add(report: ShareReport): StoredOwner {
		const base = report.owner?.trim() || this.#numbered(this.owners.length + 1);
		const names = new Set(this.owners.map((o) => o.name));
		let name = base;
		for (let k = 2; names.has(name); k++) name = `${base} (${k})`;
		const owner = { id: newOwnerId(), name, report };
		this.#set([...this.owners, owner]);
		return owner;
	}

	/** Renames an owner; an empty name falls back to its number. */
	rename(id: string, name: string): void {
		this.#set(this.owners.map((o, i) => (o.id === id ? { ...o, name: name.trim() || this.#numbered(i + 1) } : o)));
	}

	remove(id: string): void {
		this.#set(this.owners.filter((o) => o.id !== id));
	}

	clear(): void {
		this.#set([]);
	}

	#set(owners: StoredOwner[]): void {
		this.owners = owners;
		writeStoredOwners(owners);
	}
}
