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

/**
 * SQL aggregate of the VARCHAR `expr` (never null) in `order`: one string, each item written as its length in code
 * points, ':' and the item (`unpackStrings` reads it back). Reading a long list as one string costs one value per row;
 * as a LIST it cost one decoded value per item (native DuckDB's reader decodes every string separately: 17 million
 * waiting ids at 1M messages took 19 s). Lengths are counted, not separators escaped, so an item may hold any
 * character. DuckDB's `length` counts code points in both engines.
 */
export function packStringsSql(expr: string, order: string): string {
	return `string_agg(length(${expr})::VARCHAR || ':' || ${expr}, '' ORDER BY ${order})`;
}

/** The items of a `packStringsSql` aggregate, in its order ([] for null: no rows). */
export function unpackStrings(packed: string | null): string[] {
	const items: string[] = [];
	if (packed === null) return items;
	let at = 0;
	while (at < packed.length) {
		const colon = packed.indexOf(':', at);
		let codePoints = Number(packed.slice(at, colon));
		let end = colon + 1;
		while (codePoints-- > 0) {
			const unit = packed.charCodeAt(end);
			// a surrogate pair is one code point in two UTF-16 units
			end += unit >= 0xd800 && unit <= 0xdbff ? 2 : 1;
		}
		items.push(packed.slice(colon + 1, end));
		at = end;
	}
	return items;
}
