import type { MessageKey } from '$lib/i18n/messages.ru';

/**
 * The sentences the engine writes for errors it recognises, by their key in the UI catalogues (messages.*.ts hold
 * the same keys; the English there is the same text, a test checks it). The worker writes English, which the
 * report and the command line keep; the page says them in its language with `localizeError`.
 */
export const ENGINE_SENTENCES = {
	'engine.error.outOfMemory':
		'The browser ran out of memory for this data. Try fewer files, or the command line for large exports (see README, "Command line").',
	'engine.error.storageFull':
		'The data was loaded, but the browser has no room left to keep it after a reload. Free some site storage or keep this tab open.',
	'engine.error.appFiles': 'Part of the app could not be loaded from this computer. Reload the page.',
	'engine.error.stopped':
		'The data engine stopped unexpectedly (the browser may have run out of memory), so this was not finished. The engine was restarted: try again.',
	'engine.error.notKept':
		'The browser has no room left to keep this data, so the data loaded before it is back. Free some site storage and import again.',
	'engine.error.notKeptNone':
		'The browser has no room left to keep this data, so it was not loaded. Free some site storage and import again.',
	'engine.error.textStopped':
		'The text analysis stopped unexpectedly (the browser may have run out of memory). The other figures still work; run it again.'
} as const satisfies Partial<Record<MessageKey, string>>;

/** A catalogue key of one of the engine's own error sentences. */
export type EngineErrorKey = keyof typeof ENGINE_SENTENCES;

/** What a pending call hears when the engine's worker crashed (a real out-of-memory kill arrives this way too). */
export const WORKER_STOPPED = ENGINE_SENTENCES['engine.error.stopped'];

/**
 * Turns an engine or parser error into one sentence a person can act on. Known DuckDB and browser
 * messages get a plain explanation; anything else keeps its own first line (never a stack trace).
 */
export function describeError(error: unknown): string {
	if ((error as { name?: unknown } | null)?.name === 'QuotaExceededError') return ENGINE_SENTENCES['engine.error.storageFull'];
	const message = firstLine(error instanceof Error ? error.message : String(error));
	for (const [pattern, key] of KNOWN) if (pattern.test(message)) return ENGINE_SENTENCES[key];
	return message || 'unknown error';
}

/** Says one of the engine's sentences in the UI language (`say` looks its key up); any other text stays as it is. */
export function localizeError(sentence: string, say?: (key: EngineErrorKey) => string): string {
	const key = (Object.keys(ENGINE_SENTENCES) as EngineErrorKey[]).find((k) => ENGINE_SENTENCES[k] === sentence);
	return key && say ? say(key) : sentence;
}

// DuckDB-WASM runs out of memory in several ways: DuckDB's own "Out of Memory Error", a failed malloc in its
// wasm heap ("malloc of size 1073741824 failed", duckdb/duckdb-wasm#706), the wasm memory refusing to grow, or
// "memory access out of bounds" (duckdb/duckdb-wasm#1477).
const KNOWN: [RegExp, EngineErrorKey][] = [
	[/out of memory|memory access out of bounds|Array buffer allocation failed|malloc of size \d+ failed|Maximum memory size exceeded|Cannot enlarge memory/i,
		'engine.error.outOfMemory'],
	[/QuotaExceededError|quota/i, 'engine.error.storageFull'],
	[/Failed to fetch|NetworkError|Loading chunk|Failed to load/i, 'engine.error.appFiles']
];

function firstLine(text: string): string {
	return text.split('\n', 1)[0].trim();
}
