/**
 * The templates screen of a view: templates used in the filtered conversations, templated share per department
 * and per week, and how many replies are generic, stalling or redirects. Marks apply (EFFECTIVE_FLAGS_SQL): a reply
 * marked "not a template" counts as not templated everywhere here. Per-department rows keep only the chosen
 * departments, as the overview's tables do. Needs computeMetrics and computeReplyFlags.
 */
import type { Db } from '$lib/db/types';
import { WEEK_OF_START_SQL } from './overview-view';
import { EFFECTIVE_FLAGS_SQL } from './reply-flags';
import type { ReplyKindRow, TemplateRow, TemplateShareRow, TemplatesView, TemplateWeekPoint } from './text-view-types';
import { departmentIn, Params, TEXT_JOIN, viewWith, type ViewQuery } from './view-sql';

/** How many templates the screen lists. */
const TOP_TEMPLATES = 100;
/** How many raw texts of a template it shows. */
const TOP_VARIANTS = 3;

/** Every part of the templates screen. */
export async function readTemplatesView(db: Db, view: ViewQuery): Promise<TemplatesView> {
	return {
		templates: await readTemplates(db, view),
		departments: await readTemplateShares(db, view),
		weekly: await readTemplateWeeks(db, view),
		kinds: await readReplyKinds(db, view)
	};
}

/**
 * `replies`: the view's agent/bot replies of the chosen departments with their effective flags
 * (a CTE to append after `viewWith`, with a leading comma).
 */
function repliesCte(view: ViewQuery, p: Params): string {
	return `, effective_flags AS (${EFFECTIVE_FLAGS_SQL}),
	replies AS (
		SELECT m.message_id, m.conversation_id, m.effective_department AS department, m.author, m.role, t.text,
			f.template_id, f.reply_kind
		FROM selected_messages m ${TEXT_JOIN} JOIN effective_flags f ON f.message_id = m.message_id
		WHERE m.is_reply AND ${departmentIn(view.filters, p, 'm.effective_department')}
	)`;
}

/** Templates by uses in the view, with their three commonest raw texts there. */
export async function readTemplates(db: Db, view: ViewQuery): Promise<TemplateRow[]> {
	const p = new Params();
	return db.query<TemplateRow>(`
		${viewWith(view, p)}${repliesCte(view, p)},
		variants AS (
			SELECT template_id, text, count(*) AS uses,
				row_number() OVER (PARTITION BY template_id ORDER BY count(*) DESC, text) AS rank
			FROM replies WHERE template_id IS NOT NULL GROUP BY template_id, text
		),
		uses AS (
			SELECT template_id, count(*) AS uses, count(DISTINCT conversation_id) AS conversations,
				list_sort(list(DISTINCT department) FILTER (WHERE department IS NOT NULL)) AS departments,
				count(DISTINCT author) AS agents, bool_or(role = 'bot') AS used_by_bot, bool_or(role = 'agent') AS used_by_human
			FROM replies WHERE template_id IS NOT NULL GROUP BY template_id
		)
		SELECT u.template_id, t.text, u.uses, u.conversations, coalesce(u.departments, []::VARCHAR[]) AS departments,
			u.agents, u.used_by_bot, u.used_by_human, u.used_by_bot AND u.used_by_human AS human_copies_bot,
			(SELECT list({ 'text': v.text, 'uses': v.uses } ORDER BY v.rank) FROM variants v
				WHERE v.template_id = u.template_id AND v.rank <= ${TOP_VARIANTS}) AS variants
		FROM uses u JOIN templates t USING (template_id)
		ORDER BY u.uses DESC, u.conversations DESC, u.template_id
		LIMIT ${TOP_TEMPLATES}`, p.values);
}

/** Templated share of each department's replies, most replies first. */
export async function readTemplateShares(db: Db, view: ViewQuery): Promise<TemplateShareRow[]> {
	const p = new Params();
	return db.query<TemplateShareRow>(`
		${viewWith(view, p)}${repliesCte(view, p)}
		SELECT department, count(*) AS replies, count(template_id) AS templated,
			round(count(template_id) / count(*), 3) AS templated_share
		FROM replies GROUP BY department ORDER BY replies DESC, department NULLS LAST`, p.values);
}

/** Templated share per week of the conversations' start (Monday, local) and department. */
export async function readTemplateWeeks(db: Db, view: ViewQuery): Promise<TemplateWeekPoint[]> {
	const p = new Params();
	return db.query<TemplateWeekPoint>(`
		${viewWith(view, p)}${repliesCte(view, p)}
		SELECT ${WEEK_OF_START_SQL} AS week, r.department, count(*) AS replies, count(r.template_id) AS templated,
			round(count(r.template_id) / count(*), 3) AS templated_share
		FROM replies r JOIN selected USING (conversation_id)
		GROUP BY week, r.department ORDER BY week, r.department NULLS LAST`, p.values);
}

/** Generic, stalling and redirect replies per department, most replies first. */
export async function readReplyKinds(db: Db, view: ViewQuery): Promise<ReplyKindRow[]> {
	const p = new Params();
	return db.query<ReplyKindRow>(`
		${viewWith(view, p)}${repliesCte(view, p)}
		SELECT department, count(*) AS replies, count(*) FILTER (WHERE reply_kind = 'generic') AS generic,
			count(*) FILTER (WHERE reply_kind = 'stalling') AS stalling, count(*) FILTER (WHERE reply_kind = 'redirect') AS redirect
		FROM replies GROUP BY department ORDER BY replies DESC, department NULLS LAST`, p.values);
}
