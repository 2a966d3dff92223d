/**
 * What the bulk CSV path checks in the bytes before DuckDB reads them, and the transcoding of non-UTF-8 files.
 *
 * DuckDB's CSV reader and papaparse (the TS path, the reference) split records the same way except around quotes:
 * DuckDB takes `a, "b,c"` as a quoted field after a space where papaparse reads a literal ` "b` and splits at the
 * comma, and each treats text after a closing quote in its own way. DuckDB reports most other differences as
 * errors (lone CR, wrong field counts, unclosed quotes, invalid UTF-8), which make the import use the TS path.
 * The scan jumps from quote to quote with `indexOf`, so it costs little more than reading the file.
 */
import type { EncodingName } from './types';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
/** Bytes read at a time. */
const SCAN_CHUNK = 8 * 1024 * 1024;

/** Where the scan is between two chunks. */
interface ScanState {
	/** Inside a quoted field. */
	quoted: boolean;
	/** Inside a quoted field whose last byte so far is a quote: closing, or the first half of `""`. */
	quoteAtEnd: boolean;
	/** Outside quotes: 0 at a field start, 1 after spaces or tabs at a field start, 2 inside a field. */
	place: 0 | 1 | 2;
}

/** A quote pattern on which DuckDB and papaparse may disagree, or null when the bytes are safe for DuckDB. */
export type QuoteProblem = string | null;

/** Checks quotes chunk by chunk; `push` each piece of the UTF-8 bytes in order, then `finish`. */
export class QuoteScanner {
	private state: ScanState = { quoted: false, quoteAtEnd: false, place: 0 };
	private first = true;
	problem: QuoteProblem = null;

	constructor(private readonly delimiter: number) {}

	push(bytes: Uint8Array): void {
		if (this.problem) return;
		let i = 0;
		if (this.first) {
			this.first = false;
			if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
		}
		this.problem = this.scan(bytes, i);
	}

	private isEnd(byte: number): boolean {
		return byte === this.delimiter || byte === LF || byte === CR;
	}

	private scan(bytes: Uint8Array, from: number): QuoteProblem {
		const s = this.state;
		let i = from;
		if (s.quoteAtEnd && bytes.length > 0) {
			s.quoteAtEnd = false;
			if (bytes[0] === QUOTE) i = 1;
			else {
				if (!this.isEnd(bytes[0])) return 'text after a closing quote';
				s.quoted = false;
				s.place = 0;
			}
		}
		while (i < bytes.length) {
			const j = bytes.indexOf(QUOTE, i);
			if (s.quoted) {
				if (j < 0) return null;
				if (j === bytes.length - 1) {
					s.quoteAtEnd = true;
					return null;
				}
				if (bytes[j + 1] === QUOTE) {
					i = j + 2;
					continue;
				}
				if (!this.isEnd(bytes[j + 1])) return 'text after a closing quote';
				s.quoted = false;
				s.place = 0;
				i = j + 1;
				continue;
			}
			const end = j < 0 ? bytes.length : j;
			const place = placeBefore(bytes, i, end, s.place, this.delimiter);
			if (j < 0) {
				s.place = place;
				return null;
			}
			if (place === 1) return 'a quote after spaces at the start of a field';
			if (place === 0) s.quoted = true;
			else s.place = 2; // a quote inside an unquoted field is text to both readers
			i = j + 1;
		}
		return null;
	}
}

/** The place (see ScanState) at `end`, given the unquoted bytes [from, end) and the place at `from`. */
function placeBefore(bytes: Uint8Array, from: number, end: number, placeAtFrom: 0 | 1 | 2, delimiter: number): 0 | 1 | 2 {
	let k = end - 1;
	while (k >= from && (bytes[k] === SPACE || bytes[k] === TAB)) k--;
	const spaces = k < end - 1;
	let place: 0 | 1 | 2;
	if (k < from) place = placeAtFrom;
	else {
		const b = bytes[k];
		place = b === delimiter || b === LF || b === CR ? 0 : 2;
	}
	if (spaces && place === 0) return 1;
	return place;
}

/** A file as UTF-8 bytes for DuckDB, and what the quote scan found. */
export interface PreparedCsv {
	/** The file itself (UTF-8), or its UTF-8 transcoding. */
	blob: Blob;
	problem: QuoteProblem;
}

/**
 * Reads the file once: scans its quotes and, unless it is UTF-8 already, transcodes it to UTF-8 with a streaming
 * TextDecoder (which drops a BOM, as the TS path's decoder does). `onBytes` reports progress. A UTF-8 scan stops
 * early once `stop()` says its answer is no longer needed (DuckDB already refused the file).
 */
export async function prepareCsv(
	file: Blob,
	encoding: EncodingName,
	delimiter: string,
	onBytes?: (bytes: number) => void,
	stop?: () => boolean
): Promise<PreparedCsv> {
	const scanner = new QuoteScanner(delimiter.charCodeAt(0));
	const decoder = encoding === 'utf-8' ? null : new TextDecoder(encoding);
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	for (let start = 0; start < file.size; start += SCAN_CHUNK) {
		const bytes = new Uint8Array(await file.slice(start, start + SCAN_CHUNK).arrayBuffer());
		const utf8 = decoder ? encoder.encode(decoder.decode(bytes, { stream: true })) : bytes;
		scanner.push(utf8);
		if (decoder) parts.push(utf8);
		else if (scanner.problem || stop?.()) break;
		onBytes?.(Math.min(file.size, start + SCAN_CHUNK));
	}
	if (decoder) {
		const tail = encoder.encode(decoder.decode());
		scanner.push(tail);
		parts.push(tail);
	}
	return { blob: decoder ? new Blob(parts as BlobPart[]) : file, problem: scanner.problem };
}
