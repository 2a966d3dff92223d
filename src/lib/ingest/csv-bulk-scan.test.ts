import { describe, expect, it } from 'vitest';
import { prepareCsv } from './csv-bulk-scan';

const MB = 1024 * 1024;

/** A UTF-8 CSV of about `megabytes` MB whose last line has text after a closing quote (the readers disagree there). */
function csvWithBrokenEnd(megabytes: number): Blob {
	const line = 'c1;2024-05-10 09:00;customer;"Здравствуйте; где макет?"\n';
	const body = line.repeat(Math.ceil((megabytes * MB) / new TextEncoder().encode(line).length));
	return new Blob([`conversation;time;role;text\n${body}c2;2024-05-10 09:01;agent;"закрыто"и дальше\n`]);
}

describe('prepareCsv on a UTF-8 file', () => {
	it('finds text after a closing quote in the last line, reading to the end', async () => {
		// the problem is in the last of three 8 MB chunks: found only by reading them all
		const prepared = await prepareCsv(csvWithBrokenEnd(20), 'utf-8', ';');
		expect(prepared.problem).toBe('text after a closing quote');
	});

	it('stops after the chunk in which it is told to (DuckDB already refused the file), missing that problem', async () => {
		const read: number[] = [];
		const prepared = await prepareCsv(csvWithBrokenEnd(20), 'utf-8', ';', (bytes) => read.push(bytes), () => read.length > 0);
		expect(prepared.problem).toBeNull();
		expect(read).toHaveLength(1);
	});
});
