import type { RejectedRow } from '$lib/model';

/** Column headings of the file, in the UI language. */
export interface RejectedCsvHeadings {
	file: string;
	row: string;
	reason: string;
}

/**
 * A cell that a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) gets a leading
 * apostrophe: rejected rows quote the input, and the input is not trusted (OWASP "CSV injection").
 */
export function neutraliseFormula(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: string | number): string {
	const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The rejected rows as a CSV file: a heading line, then file, row, reason. CRLF line ends and a UTF-8 byte order
 * mark, because Excel (what most users open it with) reads Cyrillic as mojibake without one.
 */
export function rejectedRowsCsv(rows: readonly RejectedRow[], headings: RejectedCsvHeadings): string {
	const lines = [[headings.file, headings.row, headings.reason], ...rows.map((r) => [r.file, r.row, r.reason])];
	return '\ufeff' + lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}
