/**
 * Turns an engine or parser error into one sentence a person can act on. Known DuckDB and browser
 * messages get a plain explanation; anything else keeps its own first line (never a stack trace).
 */
export function describeError(error: unknown): string {
	const message = firstLine(error instanceof Error ? error.message : String(error));
	for (const [pattern, sentence] of KNOWN) if (pattern.test(message)) return sentence;
	return message || 'unknown error';
}

const KNOWN: [RegExp, string][] = [
	[/out of memory|Out of Memory|memory access out of bounds|Array buffer allocation failed/i,
		'The browser ran out of memory for this data. Try fewer files, or the command line for large exports (see README, "Command line").'],
	[/QuotaExceededError|quota/i,
		'The data was loaded, but the browser has no room left to keep it after a reload. Free some site storage or keep this tab open.'],
	[/Failed to fetch|NetworkError|Loading chunk|Failed to load/i,
		'Part of the app could not be loaded from this computer. Reload the page.']
];

function firstLine(text: string): string {
	return text.split('\n', 1)[0].trim();
}
