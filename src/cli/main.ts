import { open, rename, rm, writeFile } from 'node:fs/promises';
import type { Db } from '$lib/db/types';
import type { InputSummary } from '$lib/engine/protocol';
import { writeReport } from '$lib/report/write-report';
import { analyze, InputError, shareHtml } from './analyze';
import { parseAnalyzeArgs, USAGE, UsageError } from './args';
import { openCliDb } from './cli-db';

/**
 * `npm run --silent cli -- analyze FILE... --json`: the report JSON on standard output and nothing else;
 * progress and warnings on standard error. `--html FILE` also writes the shareable HTML report (and, without
 * --json, prints nothing on standard output). Exit 0 when the report was written, 2 when nothing could be read.
 */
async function main(argv: string[]): Promise<number> {
	const log = (line: string) => process.stderr.write(`${line}\n`);
	if (argv.includes('--help') || argv.includes('-h')) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const db = await openCliDb();
	try {
		const args = parseAnalyzeArgs(argv);
		const input = await analyze(db, args, log);
		if (args.html) {
			const html = await shareHtml(db, input, args);
			await writeFile(args.html, html);
			log(`wrote ${args.html} (${Math.ceil(Buffer.byteLength(html) / 1024)} KB, ${args.share.anonymise ? 'anonymised' : 'NOT anonymised'})`);
		}
		if (args.out) await writeReportFile(db, input, args.out);
		else if (args.json) await writeReport(db, input, writeStdout);
		return 0;
	} catch (error) {
		if (error instanceof UsageError) log(`replyscope: ${error.message}\n${USAGE}`);
		else if (error instanceof InputError) log(`replyscope: ${error.message}`);
		else throw error;
		return 2;
	} finally {
		await db.close();
	}
}

/**
 * Writes the report JSON to the file at `path` (replacing it), piece by piece as writeReport reads it, into a file
 * beside it that takes its name only once complete: a run that fails halfway leaves the old report, not half a new one.
 */
async function writeReportFile(db: Db, input: InputSummary, path: string): Promise<void> {
	const partial = `${path}.partial-${process.pid}`;
	const file = await open(partial, 'w');
	try {
		// Each piece is written before the next is read, so the report is never held in memory whole.
		await writeReport(db, input, async (text) => {
			await file.write(text);
		});
		await file.close();
		await rename(partial, path);
	} catch (error) {
		await file.close().catch(() => undefined);
		await rm(partial, { force: true });
		throw error;
	}
}

/**
 * Resolves when the text is handed to the OS (large reports, piped output): waiting for each piece keeps a slow
 * reader of the pipe from making the report pile up in memory.
 */
function writeStdout(text: string): Promise<void> {
	return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

// Interrupted (Ctrl-C) or stopped: exit through process.exit, so that DuckDB's spill folder is removed (node.ts).
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		process.stderr.write(`replyscope: unexpected error: ${(error as Error).message ?? error}\n`);
		process.exitCode = 1;
	}
);
