/** File name endings the picker offers; the content decides the format, the ending only filters what is offered. */
export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.json', '.ndjson', '.jsonl'] as const;

/** The `accept` attribute of the file input. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

/** Splits dropped files into those with an accepted ending and the names of the others. */
export function splitAccepted<T extends { name: string }>(files: readonly T[]): { accepted: T[]; skipped: string[] } {
	const accepted: T[] = [];
	const skipped: string[] = [];
	for (const file of files) {
		const name = file.name.toLowerCase();
		if (ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext))) accepted.push(file);
		else skipped.push(file.name);
	}
	return { accepted, skipped };
}
