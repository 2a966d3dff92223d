import { ERROR_FIELD, safeKey } from './record-fields';
import type { RawRecord } from './types';

/** Reason put on the record whose quoted field never closes. */
export const UNCLOSED_QUOTE = 'unclosed quote: this field runs to the end of the file';
/**
 * Reason put on the record whose quoted field holds a stray quote: the field runs on over the rows after it up to
 * some later quote, and would otherwise load as one message holding those rows.
 */
export const STRAY_QUOTE =
	'unclosed quote: this field runs on over the rows after it up to a later quote; fix the quotes and import again';

/** One row as the CSV parser split it, with a problem the parser found in it. */
export interface ParsedRow {
	/** Field values in file order. */
	values: string[];
	/** Set when the row cannot be trusted (an unclosed or stray quote). */
	problem?: string;
}

/**
 * Turns parsed rows into records keyed by the header: the first non-blank row is the header, blank rows are
 * skipped and not counted, and every other row becomes a record numbered from 1.
 */
export class RowAssembler {
	/** Column names, unique and safe as object keys; null until the header row arrived. */
	header: string[] | null = null;
	private lastRow = 0;

	/** The record for a data row; null for the header row and for blank rows. */
	push({ values, problem }: ParsedRow): RawRecord | null {
		dropTrailingCarriageReturn(values);
		if (!problem && isBlank(values)) return null;
		if (this.header === null) {
			this.header = headerNames(values);
			return null;
		}
		this.lastRow++;
		return toRecord(values, this.header, this.lastRow, problem);
	}

	/** A record that carries only a reason: the reader had to stop at this row. */
	fail(reason: string): RawRecord {
		this.lastRow++;
		return { row: this.lastRow, fields: { [ERROR_FIELD]: reason } };
	}
}

/**
 * Rows are split on `\n`, so a CRLF file leaves `\r` at the end of an unquoted last field (a quoted one is
 * closed by papaparse, which skips the whitespace before the line break).
 */
function dropTrailingCarriageReturn(values: string[]): void {
	const last = values.length - 1;
	if (last >= 0 && values[last].endsWith('\r')) values[last] = values[last].slice(0, -1);
}

/** A row with no content: an empty line, or only delimiters and spaces (Excel writes `;;;;` for empty rows). */
function isBlank(values: string[]): boolean {
	return values.every((v) => v.trim() === '');
}

/** Trimmed header names; empty ones become `column N`, repeats get ` (2)`, ` (3)`... */
export function headerNames(values: string[]): string[] {
	const used = new Set<string>();
	return values.map((value, i) => {
		const base = safeKey(value.replace(/^\uFEFF/, '').trim() || `column ${i + 1}`);
		let name = base;
		for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
		used.add(name);
		return name;
	});
}

function toRecord(values: string[], header: string[], row: number, problem?: string): RawRecord {
	const fields: Record<string, string | null> = {};
	for (let i = 0; i < header.length; i++) fields[header[i]] = i < values.length ? values[i] : null;
	const error = problem ?? fieldCountProblem(values, header.length);
	if (error) fields[ERROR_FIELD] = error;
	return { row, fields };
}

/**
 * A row with fewer or more fields than the header is rejected, not padded or cut: its values would land in
 * the wrong columns. Only extra fields that are all empty (a delimiter at the end of the line) are accepted.
 */
function fieldCountProblem(values: string[], width: number): string | undefined {
	if (values.length === width) return undefined;
	if (values.length > width && values.slice(width).every((v) => v.trim() === '')) return undefined;
	const fields = values.length === 1 ? 'field' : 'fields';
	return `row has ${values.length} ${fields}, the header has ${width}`;
}
