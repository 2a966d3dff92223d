/**
 * Writes CSV the way Russian spreadsheet exports look: UTF-8 with a BOM (so Excel picks the encoding),
 * `;` between fields, CRLF line ends, and a field quoted only when it holds `;`, `"`, a line break
 * or edge spaces. Rows are buffered and written in chunks, waiting for `drain`, so a million rows
 * never become one giant string.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;
const CHUNK_CHARS = 1 << 16;

export function quoteField(value: string): string {
	return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export class CsvWriter {
	private chunk: string[] = [];
	private chunkChars = 0;
	rows = 0;

	private constructor(private readonly out: WriteStream) {}

	static open(path: string, header: readonly string[]): CsvWriter {
		const writer = new CsvWriter(createWriteStream(path, { encoding: 'utf8' }));
		writer.append('\uFEFF' + header.map(quoteField).join(';') + '\r\n');
		return writer;
	}

	writeRow(fields: readonly string[]): void {
		this.append(fields.map(quoteField).join(';') + '\r\n');
		this.rows++;
	}

	/** Hands the buffered rows to the stream; resolves once the stream can take more. */
	async flush(): Promise<void> {
		if (this.chunk.length === 0) return;
		const text = this.chunk.join('');
		this.chunk = [];
		this.chunkChars = 0;
		if (!this.out.write(text)) await once(this.out, 'drain');
	}

	/** Call between rows now and then; flushes only when a chunk is full. */
	async flushIfFull(): Promise<void> {
		if (this.chunkChars >= CHUNK_CHARS) await this.flush();
	}

	/** Bytes written so far: the file size once closed. */
	get bytes(): number {
		return this.out.bytesWritten;
	}

	async close(): Promise<void> {
		await this.flush();
		this.out.end();
		await finished(this.out);
	}

	private append(line: string): void {
		this.chunk.push(line);
		this.chunkChars += line.length;
	}
}
