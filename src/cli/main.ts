import { writeFile } from 'node:fs/promises';
import { openNodeDb } from '$lib/db/node';
import { analyze, InputError, shareHtml } from './analyze';
import { parseAnalyzeArgs, USAGE, UsageError } from './args';

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
	const db = await openNodeDb();
	try {
		const args = parseAnalyzeArgs(argv);
		const report = await analyze(db, args, log);
		if (args.html) {
			const html = await shareHtml(db, report, args);
			await writeFile(args.html, html);
			log(`wrote ${args.html} (${Math.ceil(Buffer.byteLength(html) / 1024)} KB, ${args.share.anonymise ? 'anonymised' : 'NOT anonymised'})`);
		}
		const json = `${JSON.stringify(report, null, 2)}\n`;
		if (args.out) await writeFile(args.out, json);
		else if (args.json) await writeStdout(json);
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

/** Resolves when the whole text is handed to the OS (large reports, piped output). */
function writeStdout(text: string): Promise<void> {
	return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		process.stderr.write(`replyscope: unexpected error: ${(error as Error).message ?? error}\n`);
		process.exitCode = 1;
	}
);
