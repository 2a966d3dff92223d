/**
 * Reading ahead while the engine is idle: after the overview of a filter set is shown, the pages one department
 * tick away are read in the background (view-requests.ts), so the likeliest next click is answered at once.
 * Background work steps aside for the user: it stops before its next statement as soon as a request comes in.
 * An overview page is one statement (overview-view.ts), so a click waits at most for the one page being read
 * (40-120 ms at 100k messages in DuckDB-WASM).
 */
import type { Filters } from '$lib/analysis/view-types';
import type { Db } from '$lib/db/types';

/** How many neighbouring filter sets are read ahead after one overview (each costs about one page of queries). */
export const PREFETCHED_NEIGHBOURS = 12;

/**
 * How long the engine must have been idle after an overview answer before it reads ahead. A click that comes while
 * a page is being read ahead waits for that page (one statement); clicks in quick succession (ticking several
 * departments, stepping through dates) come within this time and never wait. Browser bench (100k messages), new
 * start dates clicked one after another: 136-258 ms reading ahead at once, 134-175 ms with this wait. The first
 * read-ahead on new metrics does not wait (view-requests.ts `#readAheadYet`): nobody is clicking through pages yet.
 */
export const READ_AHEAD_IDLE_MS = 400;

/** Thrown inside background work when it must stop for a request; never reaches the user. */
export class StepAside extends Error {
	constructor() {
		super('background reading stopped for a request');
	}
}

/**
 * The filter sets one tick of the department list away from `filters`: each chosen department unticked, then each
 * other department ticked (in the order given, most used first), at most `limit`. The list keeps the order a
 * click makes (a tick appends), so a neighbour's key is the key of the filters the click produces.
 */
export function departmentNeighbours(filters: Filters, departments: readonly string[], limit = PREFETCHED_NEIGHBOURS): Filters[] {
	const chosen = filters.departments ?? [];
	const unticked = chosen.map((d) => withDepartments(filters, chosen.filter((c) => c !== d)));
	const ticked = departments.filter((d) => !chosen.includes(d)).map((d) => withDepartments(filters, [...chosen, d]));
	return [...unticked, ...ticked].slice(0, limit);
}

function withDepartments(filters: Filters, departments: string[]): Filters {
	const { departments: _, ...rest } = filters;
	return departments.length ? { ...rest, departments } : rest;
}

/** `db` for background work: every statement first checks `stop()` and throws `StepAside` when it says so. */
export function steppingAside(db: Db, stop: () => boolean): Db {
	const check = () => {
		if (stop()) throw new StepAside();
	};
	return {
		...db,
		query: async (sql, params) => (check(), db.query(sql, params)),
		exec: async (sql) => (check(), db.exec(sql))
	};
}
