/** The state of one asynchronous result, rendered by QueryState. */
export type QueryResult<T> =
	| { /** Still running. */ status: 'loading' }
	| { /** It failed; `error` is what was thrown. */ status: 'error'; error: unknown }
	| { /** It finished with `value`. */ status: 'ok'; value: T };

export const LOADING: QueryResult<never> = { status: 'loading' };

/** Settles a promise into a QueryResult (never rejects). */
export async function settle<T>(promise: Promise<T>): Promise<QueryResult<T>> {
	try {
		return { status: 'ok', value: await promise };
	} catch (error) {
		return { status: 'error', error };
	}
}
