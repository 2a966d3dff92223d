import type { EncodingName } from './types';

/** How many bytes `sniffFile` looks at to decide encoding and format. */
export const HEAD_BYTES = 64 * 1024;

/** Largest piece of bytes decoded at once. */
const PIECE_BYTES = 64 * 1024;
/** Share of byte pairs that must hold a zero byte before text is taken for BOM-less UTF-16. */
const UTF16_MIN_ZERO_SHARE = 0.05;
/** Share of the zero bytes that must sit on the same parity (odd = LE, even = BE). */
const UTF16_SAME_PARITY = 0.9;

/**
 * Guesses the text encoding from the first bytes of a file: a byte order mark first, then the zero bytes
 * that ASCII characters (delimiters, digits, line breaks) leave in UTF-16, then strict UTF-8; anything else is
 * taken for windows-1251, the encoding Russian Excel and 1C save "CSV" in.
 */
export function detectEncoding(head: Uint8Array): EncodingName {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	const utf16 = utf16ByZeros(head);
	if (utf16) return utf16;
	return isValidUtf8(head) ? 'utf-8' : 'windows-1251';
}

/** UTF-16 without a BOM: zero bytes, nearly all on odd offsets (LE) or all on even ones (BE). */
function utf16ByZeros(head: Uint8Array): EncodingName | null {
	let even = 0;
	let odd = 0;
	for (let i = 0; i < head.length; i++) {
		if (head[i] !== 0) continue;
		if (i % 2 === 0) even++;
		else odd++;
	}
	const zeros = even + odd;
	if (zeros === 0 || zeros < (head.length / 2) * UTF16_MIN_ZERO_SHARE) return null;
	if (odd >= zeros * UTF16_SAME_PARITY) return 'utf-16le';
	if (even >= zeros * UTF16_SAME_PARITY) return 'utf-16be';
	return null;
}

/** Strict UTF-8 check; `stream: true` tolerates a multi-byte character cut at the end of the head. */
function isValidUtf8(head: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		return true;
	} catch {
		return false;
	}
}

/**
 * Decodes a file piece by piece as it is read, so a large file is never one string. The decoder keeps a
 * character split between two pieces until the next one arrives; a leading BOM is dropped.
 * `onBytes` is told how many bytes have been read so far, for progress.
 */
export async function* decodeChunks(
	blob: Blob,
	encoding: EncodingName,
	onBytes?: (bytesDone: number) => void
): AsyncIterable<string> {
	const decoder = new TextDecoder(encoding);
	const reader = blob.stream().getReader();
	let bytesDone = 0;
	let first = true;
	let finished = false;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			// Node streams an in-memory Blob as one piece: cut it so no piece of text is larger than this.
			for (let start = 0; start < value.byteLength; start += PIECE_BYTES) {
				const bytes = value.subarray(start, start + PIECE_BYTES);
				bytesDone += bytes.byteLength;
				let text = decoder.decode(bytes, { stream: true });
				if (first && text !== '') {
					// TextDecoder drops one BOM; files re-saved by some editors carry a second one.
					text = stripBom(text);
					first = false;
				}
				onBytes?.(bytesDone);
				if (text !== '') yield text;
			}
		}
		finished = true;
		const tail = decoder.decode();
		if (tail !== '') yield first ? stripBom(tail) : tail;
	} finally {
		// The consumer stopped early: release the file instead of reading it to the end.
		if (!finished) await reader.cancel().catch(() => undefined);
		reader.releaseLock();
	}
}

/** Removes a leading U+FEFF. */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes a whole file into one string (JSON formats, which are parsed in one piece). */
export async function decodeAll(
	blob: Blob,
	encoding: EncodingName,
	onBytes?: (bytesDone: number) => void
): Promise<string> {
	const parts: string[] = [];
	for await (const text of decodeChunks(blob, encoding, onBytes)) parts.push(text);
	return parts.join('');
}
