/**
 * Redirect replies of a view («обратитесь к бренд-менеджеру», "contact billing") grouped by where they send the
 * customer. A redirect is a handoff the export's department column may never show: the customer goes to the other
 * department themselves. `outside_export` counts those conversations. Redirects from the chosen departments only,
 * as the overview's tables. Needs computeMetrics and computeReplyFlags.
 */
import type { Db } from '$lib/db/types';
import { EFFECTIVE_FLAGS_SQL } from './reply-flags';
import type { RedirectRow } from './text-view-types';
import { departmentIn, Params, viewWith, type ViewQuery } from './view-sql';

/**
 * Redirects grouped by (from, to), most replies first. Department names are compared without case: the
 * detector names departments as the demo data spells them, an export may spell them otherwise. A redirect that
 * names no department (`to` null) is never counted outside the export.
 */
export async function readRedirects(db: Db, view: ViewQuery): Promise<RedirectRow[]> {
	const p = new Params();
	return db.query<RedirectRow>(`
		${viewWith(view, p)}, effective_flags AS (${EFFECTIVE_FLAGS_SQL}),
		redirects AS (
			SELECT m.conversation_id, m.effective_department AS "from", f.redirect_department AS "to",
				f.redirect_department IS NOT NULL
					AND NOT EXISTS (SELECT 1 FROM (SELECT unnest(s.departments) AS d) WHERE lower(d) = lower(f.redirect_department)) AS outside
			FROM selected_messages m JOIN effective_flags f USING (message_id) JOIN selected s ON s.conversation_id = m.conversation_id
			WHERE m.is_reply AND f.reply_kind = 'redirect' AND ${departmentIn(view.filters, p, 'm.effective_department')}
				AND (f.redirect_department IS NULL OR m.effective_department IS NULL
					OR lower(f.redirect_department) <> lower(m.effective_department))
		)
		SELECT "from", "to", count(*) AS replies, count(DISTINCT conversation_id) AS conversations,
			count(DISTINCT conversation_id) FILTER (WHERE outside) AS outside_export
		FROM redirects GROUP BY "from", "to"
		ORDER BY replies DESC, "from" NULLS LAST, "to" NULLS LAST`, p.values);
}
