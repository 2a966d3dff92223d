/**
 * A range of an ordered list of rows, for reading a long list a piece at a time (keyset pagination): each piece
 * starts just after the last row of the previous one, found by that row's key, so no query skips over the rows
 * already read (as OFFSET would) and the pieces join up exactly whatever their size.
 */

/** The rows just after the row keyed `after` (from the first row when null), at most `limit` (all when null). */
export interface RowRange {
	/** Key of the last row already read (each list says which column it keys on); null to start at the first row. */
	after: string | null;
	/**
	 * Largest number of rows to read; null for all. Lists that keep a key's rows together (commitments and conflicts,
	 * by message) stop at the key whose rows reach it, so may read a few more.
	 */
	limit: number | null;
}

/** The whole list in one piece. */
export const ALL_ROWS: RowRange = { after: null, limit: null };

/** `condition` when the range starts after a row (it reads that row's key as $1), else TRUE. */
export function startSql(range: RowRange, condition: string): string {
	return range.after === null ? 'TRUE' : condition;
}

/** The LIMIT clause of the range ('' for all rows). */
export function limitSql(range: RowRange): string {
	return range.limit === null ? '' : `LIMIT ${limitOf(range)}`;
}

/** The range's limit, checked to be a positive integer, to splice into SQL; Infinity for all rows. */
export function limitOf(range: RowRange): number {
	if (range.limit === null) return Infinity;
	if (!Number.isSafeInteger(range.limit) || range.limit < 1) throw new RangeError(`row limit ${range.limit} is not a positive integer`);
	return range.limit;
}

/** The query parameters of the range: the start key as $1 when there is one. */
export function rangeParams(range: RowRange): unknown[] {
	return range.after === null ? [] : [range.after];
}
