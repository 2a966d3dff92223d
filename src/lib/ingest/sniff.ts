import { CSV_BATCH, readCsvRecords, sniffCsv } from './csv';
import { decodeAll, detectEncoding, HEAD_BYTES, stripBom } from './encoding';
import { readJsonRecords } from './json';
import { ERROR_FIELD, WHERE_FIELD } from './record-fields';
import { isTwcsHeader, readTwcsRecords, threadTwcs, TWCS_MAPPING, TWCS_ROLES } from './twcs';
import { UnreadableFileError, type EncodingName, type FileSniff, type RawRecord } from './types';

/** A file as the readers take it: a browser `File`, or a Node `Blob` with a name. */
type NamedBlob = Blob & { readonly name: string };

/** Records kept in a sniff for the preview and for guessing. */
const SAMPLE_RECORDS = 20;
/** Share of control characters above which decoded text is taken for binary data. */
const MAX_CONTROL_SHARE = 0.05;

const BINARY =
	'this is not a text file (it holds binary data, like an image or a program): export the chat as CSV, TSV or JSON';
const NO_MESSAGES = 'no messages found: expected an array of messages, or conversations that hold them';

/**
 * Decides how to read a file from its content: encoding from the first 64 KiB, then JSON (`[` or `{` first),
 * NDJSON or Telegram (by their keys), the Twitter support CSV (by its header), else CSV/TSV with the delimiter
 * found. JSON is parsed whole here, to find its messages and to report a broken document before loading.
 * Throws `UnreadableFileError` when the file cannot be read at all.
 */
export async function sniffFile(file: NamedBlob): Promise<FileSniff> {
	if (file.size === 0) throw new UnreadableFileError(file.name, 'the file is empty');
	const head = await readBytes(file.slice(0, HEAD_BYTES));
	const encoding = detectEncoding(head);
	const text = stripBom(new TextDecoder(encoding).decode(head, { stream: true }));
	const problem = binaryProblem(head, text, encoding);
	if (problem) throw new UnreadableFileError(file.name, problem);
	if (text.trim() === '') throw new UnreadableFileError(file.name, 'the file is empty');
	const first = text.trimStart()[0];
	if (first === '[' || first === '{') return sniffJson(file, encoding);
	return sniffDelimited(file, encoding, text);
}

/** The bytes of a blob, read through `stream()` (works in Node, browsers and workers alike). */
async function readBytes(blob: Blob): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	let length = 0;
	const reader = blob.stream().getReader();
	for (let r = await reader.read(); !r.done; r = await reader.read()) {
		parts.push(r.value);
		length += r.value.byteLength;
	}
	const bytes = new Uint8Array(length);
	let offset = 0;
	for (const part of parts) {
		bytes.set(part, offset);
		offset += part.byteLength;
	}
	return bytes;
}

/** Why the head is not text, or null: a ZIP (an .xlsx is one), NUL bytes outside UTF-16, or control characters. */
function binaryProblem(head: Uint8Array, text: string, encoding: EncodingName): string | null {
	if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
		return 'this is a ZIP archive or an Excel workbook, not a text export: save the sheet as CSV and load that';
	}
	const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
	let controls = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0 && !utf16) return BINARY;
		if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) controls++;
	}
	return controls > text.length * MAX_CONTROL_SHARE ? BINARY : null;
}

async function sniffJson(file: NamedBlob, encoding: EncodingName): Promise<FileSniff> {
	const { format, records, presetMapping, presetRoles } = readJsonRecords(await decodeAll(file, encoding), file.name);
	if (records.length === 0) {
		throw new UnreadableFileError(file.name, NO_MESSAGES);
	}
	const sample = records.slice(0, SAMPLE_RECORDS);
	return { format, encoding, columns: columnsOf(sample), sample, presetMapping, presetRoles };
}

/** Keys of the sample records in first-seen order, without the reader's bookkeeping (`_error`, `_where`). */
function columnsOf(sample: RawRecord[]): string[] {
	const columns = new Set<string>();
	for (const record of sample) for (const key of Object.keys(record.fields)) columns.add(key);
	columns.delete(ERROR_FIELD);
	columns.delete(WHERE_FIELD);
	return [...columns];
}

function sniffDelimited(file: NamedBlob, encoding: EncodingName, text: string): FileSniff {
	const wholeFile = file.size <= HEAD_BYTES;
	const { delimiter, columns, sample } = sniffCsv(text, wholeFile);
	if (columns.length === 0) throw new UnreadableFileError(file.name, 'the file is empty');
	if (wholeFile && sample.length === 0) throw new UnreadableFileError(file.name, 'only a header row, no messages');
	if (!isTwcsHeader(columns)) return { format: 'csv', encoding, delimiter, columns, sample };
	// Threads in the sample are rebuilt from the sample alone: enough for the preview, exact when loading.
	return {
		format: 'twcs',
		encoding,
		delimiter,
		columns: [...columns, '_conversation', '_department', '_customer'],
		sample: threadTwcs(sample),
		presetMapping: TWCS_MAPPING,
		presetRoles: TWCS_ROLES
	};
}

/**
 * Streams every record of a sniffed file in batches, whatever its format. CSV is parsed as it is read;
 * twcs needs all rows before its threads are known; JSON formats are decoded and parsed whole.
 */
export async function* readFileRecords(
	file: NamedBlob,
	sniff: FileSniff,
	onBytes?: (bytesDone: number) => void
): AsyncIterable<RawRecord[]> {
	if (sniff.format === 'csv') {
		yield* readCsvRecords(file, sniff.encoding, sniff.delimiter ?? ',', onBytes);
	} else if (sniff.format === 'twcs') {
		yield* readTwcsRecords(file, sniff.encoding, sniff.delimiter ?? ',', onBytes);
	} else {
		const { records } = readJsonRecords(await decodeAll(file, sniff.encoding, onBytes), file.name);
		for (let i = 0; i < records.length; i += CSV_BATCH) yield records.slice(i, i + CSV_BATCH);
	}
}
