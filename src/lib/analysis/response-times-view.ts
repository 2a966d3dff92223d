/**
 * The response-times page of a view: departments, agents, bot vs human, slowest conversations.
 * Over the filtered conversations (view-sql.ts); needs computeMetrics on the view's clock.
 */
import type { Db } from '$lib/db/types';
import type { ResponseTimesView } from '$lib/engine/engine';
import { readDepartmentRows } from './overview-view';
import { agentIn, CONVERSATION_ROW_COLUMNS, departmentIn, Params, shareWithinSql, viewWith, type ViewQuery } from './view-sql';
import type { AgentRow, BotHumanRow, ConversationRow } from './view-types';

/** How many conversations the "slowest" list shows. */
const SLOWEST = 20;

/** Every part of the response-times page. */
export async function readResponseTimesView(db: Db, view: ViewQuery): Promise<ResponseTimesView> {
	return {
		departments: await readDepartmentRows(db, view),
		agents: await readAgents(db, view),
		botHuman: await readBotHuman(db, view),
		slowest: await readSlowest(db, view)
	};
}

/**
 * Per author of agent/bot replies in the filtered conversations, most replies first. Limited to the chosen
 * agents, and to their replies in the chosen departments (so a department filter shows that department's
 * people and their work there). Replies without an author are left out: there is no one to name.
 */
export async function readAgents(db: Db, view: ViewQuery): Promise<AgentRow[]> {
	const p = new Params();
	return db.query<AgentRow>(`
		${viewWith(view, p)},
		replies AS (
			SELECT * FROM selected_messages
			WHERE is_reply AND author IS NOT NULL AND ${agentIn(view.filters, p, 'author')}
				AND ${departmentIn(view.filters, p, 'effective_department')}
		),
		main_department AS (
			SELECT author, first(department ORDER BY n DESC, department NULLS LAST) AS department
			FROM (SELECT author, effective_department AS department, count(*) AS n FROM replies GROUP BY ALL)
			GROUP BY author
		)
		SELECT r.author, any_value(d.department) AS department,
			CASE WHEN bool_and(r.role = 'bot') THEN 'bot' ELSE 'agent' END AS role,
			count(*) AS replies, count(DISTINCT r.conversation_id) AS conversations,
			round(quantile_cont(r.response_s, 0.5), 3) AS reply_median_s, round(quantile_cont(r.response_s, 0.9), 3) AS reply_p90_s,
			${shareWithinSql(p, view.targetS, 'r.response_s')} AS within_target_share
		FROM replies r JOIN main_department d USING (author)
		GROUP BY r.author ORDER BY replies DESC, r.author`, p.values);
}

/** Per department that answered first: median first response (bot or agent) vs median first human response. */
export async function readBotHuman(db: Db, view: ViewQuery): Promise<BotHumanRow[]> {
	const p = new Params();
	return db.query<BotHumanRow>(`
		${viewWith(view, p)}
		SELECT first_response_department AS department, count(*) AS conversations,
			round(quantile_cont(first_response_s, 0.5), 3) AS first_response_median_s,
			round(quantile_cont(first_human_response_s, 0.5), 3) AS first_human_response_median_s
		FROM selected
		WHERE first_response_s IS NOT NULL AND ${departmentIn(view.filters, p, 'first_response_department')}
		GROUP BY first_response_department ORDER BY conversations DESC, department NULLS LAST`, p.values);
}

/** The filtered conversations with the longest first response (unanswered ones are not in it). */
export async function readSlowest(db: Db, view: ViewQuery): Promise<ConversationRow[]> {
	const p = new Params();
	return db.query<ConversationRow>(`
		${viewWith(view, p)}
		SELECT ${CONVERSATION_ROW_COLUMNS} FROM selected WHERE first_response_s IS NOT NULL
		ORDER BY first_response_s DESC, conversation_id LIMIT ${SLOWEST}`, p.values);
}
