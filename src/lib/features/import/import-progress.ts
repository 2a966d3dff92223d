import type { Progress } from '$lib/engine/protocol';

/**
 * The fraction of the whole import: while reading, files count equally and the current file's own fraction
 * fills its share; later phases have no measure (null: the bar shows activity without a number).
 */
export function overallFraction(progress: Progress, fileNames: readonly string[]): number | null {
	if (progress.phase !== 'reading' || progress.fraction === undefined) return null;
	const count = Math.max(1, fileNames.length);
	const index = progress.file === undefined ? 0 : Math.max(0, fileNames.indexOf(progress.file));
	return Math.min(1, (index + Math.min(1, Math.max(0, progress.fraction))) / count);
}

/**
 * Rows read per file so far: `Progress.rows` counts within the current file, so the totals of the files already
 * read are kept to show one growing number for the whole import.
 */
export function recordRows(rowsByFile: Readonly<Record<string, number>>, progress: Progress): Record<string, number> {
	if (progress.rows === undefined) return { ...rowsByFile };
	return { ...rowsByFile, [progress.file ?? '']: progress.rows };
}

/** The rows read in all files so far. */
export function totalRows(rowsByFile: Readonly<Record<string, number>>): number {
	return Object.values(rowsByFile).reduce((sum, rows) => sum + rows, 0);
}
