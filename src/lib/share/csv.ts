/**
 * CSV of a report table, safe to open in a spreadsheet: a value that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading `'`, so Excel, LibreOffice and Google Sheets show it as text instead of running it
 * as a formula (OWASP "CSV injection": https://owasp.org/www-community/attacks/CSV_Injection). So does one where
 * spaces (or other blanks) come before `=`, `+`, `-` or `@`: LibreOffice's "Trim spaces" import option, and
 * spreadsheets that trim on paste, would otherwise leave the formula first. Numbers stay numbers: only strings are
 * neutralised, so a negative number is written as it is.
 */

/** A column of the CSV: its header and how to read the value from a row. */
export interface CsvColumn<T> {
	header: string;
	value: (row: T) => string | number | boolean | null | undefined;
}

/** Byte order mark: Excel reads a CSV as UTF-8 (not the system code page) only when it starts with one. */
export const UTF8_BOM = '\ufeff';

/** A tab or carriage return first, or a formula sign after any blanks (`\s` includes no-break and ideographic spaces). */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/** One CSV field: neutralised when it could be taken for a formula, quoted when it holds `,` `"` or a line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let text = String(value);
	if (FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV text with a header line, a BOM in front and CRLF line ends (RFC 4180). */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
	const lines = [columns.map((c) => csvField(c.header)).join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(','));
	return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
