import type { RejectedRow } from '$lib/model';
import { toCsv } from '$lib/share/csv';

/** Column headings of the file, in the UI language. */
export interface RejectedCsvHeadings {
	file: string;
	row: string;
	reason: string;
}

/**
 * The rejected rows as a CSV file: a heading line, then file, row, reason. Written by the app's one CSV writer
 * (share/csv.ts): a UTF-8 byte order mark (Excel reads Cyrillic as mojibake without one), CRLF line ends, and
 * values a spreadsheet could run as formulas neutralised (rejected rows quote the input, which is not trusted).
 */
export function rejectedRowsCsv(rows: readonly RejectedRow[], headings: RejectedCsvHeadings): string {
	return toCsv(rows, [
		{ header: headings.file, value: (r) => r.file },
		{ header: headings.row, value: (r) => r.row },
		{ header: headings.reason, value: (r) => r.reason }
	]);
}
