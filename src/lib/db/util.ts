/** Small helpers shared by the engines (no engine imports). */

/** A table or column name as a SQL identifier: our names are code constants, quoting keeps them from being SQL. */
export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Runs tasks one after another, in call order. A `Db` has one connection; steps that belong together
 * (BEGIN ... COMMIT, create a staging table, insert, drop it) must not interleave with another caller's query.
 * A failed task rejects its own promise only.
 */
export function serialise(): <T>(task: () => Promise<T>) => Promise<T> {
	let tail: Promise<unknown> = Promise.resolve();
	return <T>(task: () => Promise<T>) => {
		const result = tail.then(task);
		tail = result.catch(() => undefined);
		return result;
	};
}
