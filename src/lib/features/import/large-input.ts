/**
 * When the chosen files are too big for a comfortable import in the browser, the mapping step says so and gives
 * the command line that reads them from disk instead (issue 6). Measured on the 2-core reference machine
 * (README, "Large datasets"): about 26 MB (100,000 messages) load and are analysed in the browser in well under a
 * minute, while 385 MB (1,000,000 messages) took about 14 minutes and over 6 GB of memory; past 100 MB the wait
 * and the memory grow into minutes and gigabytes, so the advice starts there. It is advice, not a limit.
 */

/** From this many bytes in all, the command line is suggested. */
export const LARGE_INPUT_BYTES = 100 * 1024 * 1024;

/** What the mapping step says about a large input: its size in bytes and the command to run instead. */
export interface LargeInputAdvice {
	bytes: number;
	command: string;
}

/** Quotes a file name for a POSIX shell when it needs it. */
function shellQuote(name: string): string {
	return /^[\w./-]+$/.test(name) ? name : `'${name.replaceAll("'", `'\\''`)}'`;
}

/**
 * The advice for `files` read in `timeZone`, or null when they are small enough. The command names the files as
 * chosen (the browser does not know their folder): run it where they are, or put their path in front.
 */
export function largeInputAdvice(files: readonly { name: string; size: number }[], timeZone: string): LargeInputAdvice | null {
	const bytes = files.reduce((sum, f) => sum + f.size, 0);
	if (bytes < LARGE_INPUT_BYTES) return null;
	const names = files.map((f) => shellQuote(f.name)).join(' ');
	return {
		bytes,
		command: `npm run --silent cli -- analyze ${names} --tz ${shellQuote(timeZone)} --json --out report.json`
	};
}
