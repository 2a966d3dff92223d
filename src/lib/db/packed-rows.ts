/**
 * Reading many rows as a few long strings. The engines' readers turn every VARCHAR value into a JavaScript string one
 * at a time (native DuckDB through a native call per string over 12 bytes), which made reading the messages for the
 * text detection and for the commitments cost 8-10 s each at a million messages (command line). Here DuckDB writes
 * each range of rows as one string, every field as its length in code points, ':' and its text ('-' for null), and
 * the rows are cut out of it in JavaScript: 3.7-4.8 s for the same read (native, 1M messages, probes). The price is
 * memory: each field is a slice of its range's string, which stays alive as long as the rows do (heap after the read
 * 612 MB against 452 MB for the plain query at 1M messages).
 */
import type { Db } from './types';
import { quoteIdent } from './util';

/**
 * How a column comes back: a string; a number (DuckDB writes a number in the shortest form that reads back as the same
 * double, in both engines: `Number` gives back what the plain query gives); a boolean ('true' / 'false').
 */
export type PackedKind = 'string' | 'number' | 'boolean';

/**
 * One column of a packed read: its kind when it is the source's column of the same name, else its SQL expression
 * (over the source's columns) and its kind.
 */
export type PackedColumn = PackedKind | { sql: string; kind: PackedKind };

/** Rows per packed string: at ~250 characters a message, a few tens of megabytes. */
const ROWS_PER_STRING = 100_000;

/**
 * The rows of `source` (a table or a parenthesised query, which may read `params`) in `orderBy` order, with `columns`
 * as fields, read through packed strings (see the module comment). Integers must fit a double exactly (ids, sequence
 * numbers, epoch ms).
 */
export async function readPackedRows<T>(
	db: Db,
	source: string,
	columns: PackedColumns<T>,
	orderBy: string,
	{ params, rowsPerString = ROWS_PER_STRING }: { params?: unknown[]; rowsPerString?: number } = {}
): Promise<T[]> {
	return rowsFromPacked(await db.query<{ packed: string }>(packedRowsSql(source, columns, orderBy, rowsPerString), params), columns);
}

/** The fields of a packed read, by name. */
export type PackedColumns<T> = { [K in keyof T]: PackedColumn };

/** The statement of `readPackedRows`: one row per range of rows, its `packed` string. */
export function packedRowsSql<T>(source: string, columns: PackedColumns<T>, orderBy: string, rowsPerString = ROWS_PER_STRING): string {
	const fields = Object.entries<PackedColumn>(columns).map(([name, column]) => {
		const value = `CAST(${typeof column === 'string' ? quoteIdent(name) : column.sql} AS VARCHAR)`;
		return `CASE WHEN ${value} IS NULL THEN '-' ELSE ${lengthPrefixed(value)} END`;
	});
	return `
		SELECT string_agg(${fields.join(' || ')}, '' ORDER BY row_index) AS packed
		FROM (SELECT *, row_number() OVER (ORDER BY ${orderBy}) - 1 AS row_index FROM ${source})
		GROUP BY row_index // ${rowsPerString} ORDER BY row_index // ${rowsPerString}`;
}

/** The rows in the strings `packedRowsSql` returned. */
export function rowsFromPacked<T>(ranges: readonly { packed: string }[], columns: PackedColumns<T>): T[] {
	const names = Object.keys(columns) as (keyof T & string)[];
	const kinds = names.map((name) => kindOf(columns[name]));
	const rows: T[] = [];
	for (const { packed } of ranges) {
		const fields = new PackedFields(packed);
		while (!fields.done) {
			const row: Record<string, string | number | boolean | null> = {};
			for (let k = 0; k < names.length; k++) {
				const value = fields.next();
				row[names[k]] = value === null || kinds[k] === 'string' ? value : kinds[k] === 'number' ? Number(value) : value === 'true';
			}
			rows.push(row as T);
		}
	}
	return rows;
}

/**
 * SQL aggregate of the VARCHAR `expr` (never null) in `order`: one packed string of the items (`unpackStrings` reads
 * it back). A long list read as a LIST cost one decoded value per item: 17 million waiting ids at 1M messages.
 */
export function packStringsSql(expr: string, order: string): string {
	return `string_agg(${lengthPrefixed(expr)}, '' ORDER BY ${order})`;
}

/** The VARCHAR `expr` (not null) as a packed field: its length in code points, ':' and its text. */
function lengthPrefixed(expr: string): string {
	return `length(${expr})::VARCHAR || ':' || ${expr}`;
}

function kindOf(column: PackedColumn): PackedKind {
	return typeof column === 'string' ? column : column.kind;
}

/** The items of a `packStringsSql` aggregate, in its order ([] for null: no rows). */
export function unpackStrings(packed: string | null): string[] {
	const items: string[] = [];
	if (packed === null) return items;
	const fields = new PackedFields(packed);
	while (!fields.done) items.push(fields.next()!);
	return items;
}

/** Cuts the fields out of one packed string, in order. */
class PackedFields {
	private at = 0;

	constructor(private readonly packed: string) {}

	get done(): boolean {
		return this.at >= this.packed.length;
	}

	/** The next field: its text, or null for '-'. */
	next(): string | null {
		const { packed } = this;
		if (packed.charCodeAt(this.at) === 45 /* '-' */) {
			this.at++;
			return null;
		}
		const colon = packed.indexOf(':', this.at);
		let codePoints = Number(packed.slice(this.at, colon));
		let end = colon + 1;
		while (codePoints-- > 0) {
			const unit = packed.charCodeAt(end);
			end += unit >= 0xd800 && unit <= 0xdbff ? 2 : 1; // a surrogate pair is one code point in two UTF-16 units
		}
		this.at = end;
		return packed.slice(colon + 1, end);
	}
}
