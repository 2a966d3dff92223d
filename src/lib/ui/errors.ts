/**
 * One sentence for a person from whatever was thrown. Engine errors already arrive as sentences (the worker
 * translates DuckDB and parser errors); anything else falls back to its message or its text.
 */
export function errorMessage(error: unknown): string {
	if (error instanceof Error) return error.message || error.name;
	if (typeof error === 'string') return error;
	if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
	return String(error);
}
