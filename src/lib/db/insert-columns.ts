/**
 * Native DuckDB's `Db.appendRows` (node.ts): many rows of user values written fast and safely, column by column,
 * each column of a chunk one parameter (see below), chunks bounded in size. DuckDB-WASM appends Arrow batches
 * instead (wasm.ts): there each of these INSERTs took ~60 ms (26 s for the 400,000 replies of 1M messages in
 * Chromium), and a chunk of 5,000 replies failed with "memory access out of bounds".
 */
import type { Cell, ColumnType, Db } from './types';

/**
 * Most characters of user values per INSERT: bounded so that no statement holds a huge parameter. Larger chunks gain
 * little natively (400,000 reply-flag rows: 4.2-4.5 s in chunks of 1,000 rows, 3.3-3.7 s in chunks of 5,000).
 */
const CHUNK_CHARS = 150_000;
/** Most rows per INSERT. */
const CHUNK_ROWS = 1000;

/** Where the INSERT chunks of `rows` end (exclusive): at most CHUNK_ROWS rows and about CHUNK_CHARS characters. */
function chunkEnds(rows: readonly Cell[][]): number[] {
	const ends: number[] = [];
	let start = 0;
	let chars = 0;
	rows.forEach((row, i) => {
		const size = row.reduce<number>((n, cell) => n + (Array.isArray(cell) ? cell.join(' ').length : String(cell).length) + 1, 0);
		if (i > start && (i - start >= CHUNK_ROWS || chars + size > CHUNK_CHARS)) {
			ends.push(i);
			start = i;
			chars = 0;
		}
		chars += size;
	});
	if (rows.length > start) ends.push(rows.length);
	return ends;
}

/*
 * Rows go in column by column: each column of a chunk is one parameter, its values joined by
 * U+001F and split again in SQL. For 50k replies one parameter per value (a multi-row VALUES, chunks of 1000) took
 * 6.5 s in native DuckDB, nearly all of it binding 400k parameters; this took 0.4 s native in chunks of
 * 5000 (measured November 2026). The values are user
 * data, so separators inside them (list items too) are escaped (%1D, %1E, %1F, %25) and unescaped in SQL; NULL is a
 * lone U+001D, and each item of a list follows a U+001E.
 */
const ROW_SEP = '\u001f';
const ITEM_SEP = '\u001e';
const NULL_MARK = '\u001d';

function escapeText(v: string): string {
	return v.replaceAll('%', '%25').replaceAll('\u001d', '%1D').replaceAll('\u001e', '%1E').replaceAll('\u001f', '%1F');
}

function encodeCell(v: Cell): string {
	if (v === null) return NULL_MARK;
	// each item after a separator: [] is '', [''] one separator
	if (Array.isArray(v)) return v.map((item) => ITEM_SEP + escapeText(item)).join('');
	return escapeText(String(v));
}

/** SQL undoing `escapeText` on the text `c`. */
function unescapeSql(c: string): string {
	return `replace(replace(replace(replace(${c}, '%1D', chr(29)), '%1E', chr(30)), '%1F', chr(31)), '%25', '%')`;
}

/** SQL turning the encoded column `c` back into its value of type `type`. */
function decodeSql(c: string, type: string): string {
	if (type === 'VARCHAR[]') {
		const items = `string_split(${c}, chr(30))[2:]`;
		return `CASE WHEN ${c} = chr(29) THEN NULL ELSE list_transform(${items}, item -> ${unescapeSql('item')})::VARCHAR[] END`;
	}
	return `CASE WHEN ${c} = chr(29) THEN NULL ELSE CAST(${unescapeSql(c)} AS ${type}) END`;
}

/** Inserts rows into `table`, whose column types are `types` in order (see the comment above). */
async function insertColumns(db: Db, table: string, types: readonly ColumnType[], rows: readonly Cell[][]): Promise<void> {
	if (rows.length === 0) return;
	const values = types.map((_, i) => rows.map((r) => encodeCell(r[i])).join(ROW_SEP));
	const columns = types.map((_, i) => `unnest(string_split($${i + 1}, chr(31))) AS c${i}`);
	const decoded = types.map((type, i) => decodeSql(`c${i}`, type));
	await db.query(`INSERT INTO ${table} SELECT ${decoded.join(', ')} FROM (SELECT ${columns.join(', ')})`, values);
}

/** Writes `rows` into `table` chunk by chunk (see `chunkEnds`). */
export async function insertChunked(db: Db, table: string, types: readonly ColumnType[], rows: readonly Cell[][]): Promise<void> {
	let start = 0;
	for (const end of chunkEnds(rows)) {
		await insertColumns(db, table, types, rows.slice(start, end));
		start = end;
	}
}
