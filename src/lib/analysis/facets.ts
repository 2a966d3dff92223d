/** Values for the filter controls. Needs computeMetrics. */
import type { Db } from '$lib/db/types';
import type { Facets } from './view-types';

/**
 * The values the filters compare with (view-sql.ts): effective departments and authors of replies, the
 * conversations' customers, sorted; and the first and last local day with a message.
 */
export async function readFacets(db: Db): Promise<Facets> {
	const values = async (sql: string) => (await db.query<{ v: string }>(sql)).map((r) => r.v);
	const [days] = await db.query<{ first: string | null; last: string | null }>(`
		SELECT strftime(min(sent_local), '%Y-%m-%d') AS first, strftime(max(sent_local), '%Y-%m-%d') AS last FROM messages`);
	return {
		departments: await values(`SELECT DISTINCT effective_department AS v FROM message_metrics
			WHERE is_reply AND effective_department IS NOT NULL ORDER BY v`),
		agents: await values('SELECT DISTINCT author AS v FROM message_metrics WHERE is_reply AND author IS NOT NULL ORDER BY v'),
		customers: await values('SELECT DISTINCT customer AS v FROM conversation_metrics WHERE customer IS NOT NULL ORDER BY v'),
		firstDay: days?.first ?? null,
		lastDay: days?.last ?? null
	};
}
