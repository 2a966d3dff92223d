import Papa from 'papaparse';
import { RowAssembler, STRAY_QUOTE, UNCLOSED_QUOTE, type ParsedRow } from './csv-rows';
import { decodeChunks, stripBom } from './encoding';
import type { EncodingName, RawRecord } from './types';

/** Delimiters tried, in the order that wins a tie. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/** Records shown in the mapping preview and used for guessing. */
const SAMPLE_RECORDS = 20;
/** Rows compared when choosing the delimiter. */
const SNIFF_ROWS = 50;
/** Records per yielded batch. */
export const CSV_BATCH = 5000;
/**
 * A record still open after this many characters is taken for an unclosed quote; reading stops there
 * rather than holding the rest of a large file in memory as one field.
 */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/** What the head of a CSV file tells. */
export interface CsvSniff {
	/** The delimiter that splits the rows most consistently. */
	delimiter: string;
	/** Header names (unique). */
	columns: string[];
	/** The first records. */
	sample: RawRecord[];
}

/**
 * Finds the delimiter, header and first records from the start of a file. papaparse's own guess is weak for
 * `;` files whose messages contain commas, so each candidate splits the first rows and the one whose rows all
 * have the header's field count (more than one) wins; a tie goes to the wider header.
 * `wholeFile` says the text is the entire file, so its last line is complete.
 */
export function sniffCsv(headText: string, wholeFile = false): CsvSniff {
	const text = stripBom(headText);
	const newline = guessNewline(text);
	let best = { delimiter: ',', rows: [] as ParsedRow[], score: -1, width: 0 };
	for (const delimiter of CSV_DELIMITERS) {
		const rows = parseText(new Papa.Parser({ delimiter, newline }), text, wholeFile).rows;
		const { score, width } = consistency(rows);
		if (score > best.score || (score === best.score && width > best.width)) best = { delimiter, rows, score, width };
	}
	const assembler = new RowAssembler();
	const sample: RawRecord[] = [];
	for (const row of best.rows) {
		if (sample.length >= SAMPLE_RECORDS) break;
		const record = assembler.push(row);
		if (record) sample.push(record);
	}
	return { delimiter: best.delimiter, columns: assembler.header ?? [], sample };
}

/** Share of the first rows with the header's field count; -1 when the header is a single field. */
function consistency(rows: ParsedRow[]): { score: number; width: number } {
	const counts = rows
		.filter((r) => r.values.some((v) => v.trim() !== ''))
		.slice(0, SNIFF_ROWS)
		.map((r) => r.values.length);
	const width = counts[0] ?? 0;
	if (width < 2) return { score: -1, width };
	return { score: counts.filter((c) => c === width).length / counts.length, width };
}

/**
 * Rows end at `\n` when the text has one (CRLF and LF files alike; `RowAssembler` drops the `\r`), else at `\r`
 * (old Mac files). Splitting CRLF files on `\n` also keeps Excel's in-cell LF line breaks inside their fields.
 */
function guessNewline(text: string): '\n' | '\r' {
	return text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
}

/**
 * Runs papaparse over `text`. Unless `final`, the last row may be unfinished (a quoted field can hold line
 * breaks), so papaparse leaves it out and `cursor` tells where it starts.
 */
function parseText(parser: Papa.Parser, text: string, final: boolean): { rows: ParsedRow[]; cursor: number } {
	const result = parser.parse(text, 0, !final) as {
		data: string[][];
		errors: { code: string; row: number }[];
		meta: { cursor: number };
	};
	const rows: ParsedRow[] = result.data.map((values) => ({ values }));
	for (const error of result.errors) {
		// Errors about the unfinished row left out (row index past the data) are not problems yet.
		const row = rows[error.row];
		if (!row) continue;
		if (error.code === 'MissingQuotes') row.problem = UNCLOSED_QUOTE;
		// papaparse reads a quote followed by anything but a delimiter or line break as text and keeps the field
		// open up to a later quote, so an opening quote that never closes swallows the rows up to the next quoted
		// field and, with the right field count, would load as one message holding them.
		else if (error.code === 'InvalidQuotes') row.problem ??= STRAY_QUOTE;
	}
	return { rows, cursor: final ? text.length : result.meta.cursor };
}

/**
 * Streams the records of a CSV file in batches of about `CSV_BATCH`, decoding and parsing piece by piece: the
 * unfinished last row of each piece is carried into the next one. `onBytes` reports bytes read, for progress.
 * Records keep their 1-based number after the header; rows with a wrong field count or an unclosed quote
 * carry `_error`.
 */
export async function* readCsvRecords(
	blob: Blob,
	encoding: EncodingName,
	delimiter: string,
	onBytes?: (bytesDone: number) => void
): AsyncIterable<RawRecord[]> {
	const assembler = new RowAssembler();
	let parser: Papa.Parser | null = null;
	let pending = '';
	// When a piece ended inside one long row, wait until the text has doubled before parsing it again, so a
	// long quoted field costs linear, not quadratic, time.
	let parseAt = 0;
	let batch: RawRecord[] = [];
	for await (const chunk of decodeChunks(blob, encoding, onBytes)) {
		parser ??= new Papa.Parser({ delimiter, newline: guessNewline(chunk) });
		pending += chunk;
		if (pending.length < parseAt) continue;
		const { rows, cursor } = parseText(parser, pending, false);
		parseAt = cursor === 0 ? Math.min(pending.length * 2, MAX_RECORD_CHARS + 1) : 0;
		pending = pending.slice(cursor);
		batch = yield* emit(rows, assembler, batch);
		if (pending.length > MAX_RECORD_CHARS) {
			batch.push(assembler.fail(tooLong()));
			break;
		}
	}
	if (parser && pending !== '' && pending.length <= MAX_RECORD_CHARS) {
		batch = yield* emit(parseText(parser, pending, true).rows, assembler, batch);
	}
	if (batch.length > 0) yield batch;
}

/** Adds the rows' records to the batch, yielding each full batch; returns the batch still being filled. */
function* emit(rows: ParsedRow[], assembler: RowAssembler, batch: RawRecord[]): Generator<RawRecord[], RawRecord[]> {
	for (const row of rows) {
		const record = assembler.push(row);
		if (!record) continue;
		batch.push(record);
		if (batch.length >= CSV_BATCH) {
			yield batch;
			batch = [];
		}
	}
	return batch;
}

function tooLong(): string {
	const millions = Math.floor(MAX_RECORD_CHARS / 1_000_000);
	return `unclosed quote: a field runs on for more than ${millions} million characters, so the rest of the file was not read`;
}
