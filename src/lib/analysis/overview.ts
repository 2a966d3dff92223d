import type { Db } from '$lib/db/types';
import type { Overview } from '$lib/engine/protocol';
import { readSummary } from './figures';

/** Figures and series of the first overview screen. Needs computeMetrics. */
export async function readOverview(db: Db): Promise<Overview> {
	const [period] = await db.query<{ from: number | null; to: number | null }>(
		'SELECT min(sent_at) AS "from", max(sent_at) AS "to" FROM messages'
	);
	return {
		summary: await readSummary(db),
		// Days in the dataset's time zone: sent_local is the wall clock there.
		messagesPerDay: await db.query<{ day: string; messages: number }>(`
			SELECT strftime(sent_local, '%Y-%m-%d') AS day, count(*) AS messages
			FROM messages GROUP BY day ORDER BY day`),
		conversationsPerDepartment: await db.query<{ department: string | null; conversations: number }>(`
			SELECT effective_department AS department, count(DISTINCT conversation_id) AS conversations
			FROM message_metrics WHERE is_reply GROUP BY effective_department
			ORDER BY conversations DESC, department NULLS LAST`),
		firstResponseByDepartment: await db.query<Overview['firstResponseByDepartment'][number]>(`
			SELECT first_response_department AS department, count(*) AS conversations,
				round(quantile_cont(first_response_s, 0.5), 3) AS median_s, round(quantile_cont(first_response_s, 0.9), 3) AS p90_s
			FROM conversation_metrics WHERE first_response_s IS NOT NULL
			GROUP BY first_response_department ORDER BY median_s DESC`),
		period: period?.from == null || period.to == null ? null : { from: period.from, to: period.to }
	};
}
