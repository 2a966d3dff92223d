/**
 * The report JSON written in pieces: the same text as `JSON.stringify(readReport(...), null, 2) + '\n'`, but the
 * long lists are read a range of rows at a time and each range is handed on before the next is read. At a million
 * messages the whole report no longer fits one JavaScript string (V8 caps strings near 2^29 characters) nor, as
 * objects, the default heap; in pieces, memory is bounded by one range.
 */
import type { Db } from '$lib/db/types';
import type { InputSummary } from '$lib/engine/protocol';
import { readReportHead, REPORT_LIST_KEYS, reportLists, type ListReader } from './build-report';

/** Takes the next piece of text; resolves when more may be given (the command line waits for the stream). */
export type WriteText = (text: string) => Promise<void>;

/** Rows per query of a long list: a few megabytes of JSON at a time. */
export const CHUNK_ROWS = 50_000;

export interface WriteOptions {
	/** The report's `generated_at`, epoch ms; now when absent. */
	now?: number;
	/** Rows per query of every long list (when absent: the list's own `rowsPerRead`, else CHUNK_ROWS). */
	chunkRows?: number;
}

/** Writes the report of the tables already computed (computeReportTables) to `write`, piece by piece. */
export async function writeReport(db: Db, input: InputSummary, write: WriteText, options: WriteOptions = {}): Promise<void> {
	const head = await readReportHead(db, input, options.now);
	const lists = reportLists(input.time_zone);
	const members = Object.entries(head).map(([key, value]) => `\n${memberPrefix(key)}${indentJson(value, MEMBER_INDENT)}`);
	await write(`{${members.join(',')}`);
	for (const key of REPORT_LIST_KEYS) {
		await write(`,\n${memberPrefix(key)}`);
		await writeList(db, lists[key], write, options.chunkRows ?? lists[key].rowsPerRead ?? CHUNK_ROWS);
	}
	await write('\n}\n');
}

/** JSON.stringify's indentation for members of the report object and for items of its lists. */
const MEMBER_INDENT = '  ';

function memberPrefix(key: string): string {
	return `${MEMBER_INDENT}${JSON.stringify(key)}: `;
}

/** `value` as JSON.stringify(_, null, 2) writes it when nested at `indent`: every line after the first moves in. */
function indentJson(value: unknown, indent: string): string {
	// JSON strings escape their line breaks, so every '\n' of the text is one between lines.
	return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

/**
 * Writes one list as JSON.stringify would (`[]` when empty), one range of rows per query and per write. A range is
 * stringified whole and moved in once: row by row (a string per row, then one per indented row) the report of 1M
 * messages took 44 s, over 18 s of it collecting the garbage.
 */
async function writeList(db: Db, list: ListReader<unknown>, write: WriteText, chunkRows: number): Promise<void> {
	let after: string | null = null;
	let written = 0;
	for (;;) {
		const rows = await list.read(db, { after, limit: chunkRows });
		if (rows.length === 0) break;
		// "[\n  item,\n  item\n]" without its brackets, each line moved in to the list's depth in the report
		const items = indentJson(rows, MEMBER_INDENT).slice(1, -(MEMBER_INDENT.length + 2));
		await write(`${written === 0 ? '[' : ','}${items}`);
		written += rows.length;
		// Only an empty range ends the list: a range of whole messages may be short of its limit and not the last.
		after = list.keyOf(rows[rows.length - 1]);
	}
	await write(written === 0 ? '[]' : `\n${MEMBER_INDENT}]`);
}
