/**
 * The handoffs page of a view: flows between departments, the commonest chains, and how each department
 * passes cases on. Built on the conversations' `departments` lists (METRICS.md "Handoffs") of the filtered
 * conversations; needs computeMetrics on the view's clock.
 */
import type { Db } from '$lib/db/types';
import type { HandoffsView } from '$lib/engine/engine';
import { departmentIn, Params, TRANSFERS_CTE, viewWith, type ViewQuery } from './view-sql';
import type { ChainRow, HandoffFlow, PassingRow } from './view-types';

/** How many chains the page lists. */
const TOP_CHAINS = 20;

/** Every part of the handoffs page. */
export async function readHandoffsView(db: Db, view: ViewQuery): Promise<HandoffsView> {
	return { flows: await readFlows(db, view), chains: await readChains(db, view), passing: await readPassing(db, view) };
}

/**
 * Transfers between consecutive departments of the lists, most transfers first. A ping-pong conversation
 * counts each of its transfers, so `transfers` may exceed `conversations`; all transfers sum to all handoffs.
 */
export async function readFlows(db: Db, view: ViewQuery): Promise<HandoffFlow[]> {
	const p = new Params();
	return db.query<HandoffFlow>(`
		${viewWith(view, p)}${TRANSFERS_CTE}
		SELECT "from", "to", count(DISTINCT conversation_id) AS conversations, count(*) AS transfers
		FROM transfers GROUP BY "from", "to" ORDER BY transfers DESC, "from", "to"`, p.values);
}

/** The commonest lists of two or more departments, with their median duration and ping-pong share. */
export async function readChains(db: Db, view: ViewQuery): Promise<ChainRow[]> {
	const p = new Params();
	return db.query<ChainRow>(`
		${viewWith(view, p)}
		SELECT departments, count(*) AS conversations, round(quantile_cont(duration_s, 0.5), 3) AS duration_median_s,
			avg(CASE WHEN len(list_distinct(departments)) < len(departments) THEN 1 ELSE 0 END) AS ping_pong_share
		FROM selected WHERE len(departments) >= 2
		GROUP BY departments ORDER BY conversations DESC, departments LIMIT ${TOP_CHAINS}`, p.values);
}

/**
 * Per department of the lists (limited to the chosen departments), most cases first.
 *
 * The wait of a case in a department runs from the case's arrival there to the department's first reply
 * (the first reply of its first visit, when it appears twice):
 * - in the conversation's first department, the case arrives with the conversation's first customer message;
 *   if the department replied before the customer wrote anything (it wrote first), the case did not wait and
 *   has no wait;
 * - in a later department, the case arrives with the previous department's last reply before it (the reply
 *   just before, in (sent_at, seq) order, among the replies that have a department).
 * Times are on the metrics' clock (`clock_ms`), so business hours apply here too.
 */
export async function readPassing(db: Db, view: ViewQuery): Promise<PassingRow[]> {
	const p = new Params();
	return db.query<PassingRow>(`
		${viewWith(view, p)},
		appearances AS (
			SELECT conversation_id, departments[i] AS department, i, len(departments) AS n
			FROM (SELECT conversation_id, departments, generate_subscripts(departments, 1) AS i FROM selected)
		),
		counts AS (
			SELECT department, count(DISTINCT conversation_id) AS cases, count_if(i < n) AS passed_on,
				count_if(i = n) AS answered_itself
			FROM appearances GROUP BY department
		),
		replies AS (
			SELECT conversation_id, effective_department AS department, sent_at, seq, clock_ms,
				lag(effective_department) OVER w AS previous_department, lag(clock_ms) OVER w AS previous_clock_ms
			FROM selected_messages WHERE is_reply AND effective_department IS NOT NULL
			WINDOW w AS (PARTITION BY conversation_id ORDER BY sent_at, seq)
		),
		first_customer AS (
			SELECT conversation_id, min((sent_at, seq)) AS at, arg_min(clock_ms, (sent_at, seq)) AS clock_ms
			FROM selected_messages WHERE role = 'customer' GROUP BY conversation_id
		),
		visits AS (
			SELECT r.department,
				row_number() OVER (PARTITION BY r.conversation_id, r.department ORDER BY r.sent_at, r.seq) AS visit,
				CASE
					WHEN r.previous_department IS NOT NULL THEN r.clock_ms - r.previous_clock_ms
					WHEN c.at < (r.sent_at, r.seq) THEN r.clock_ms - c.clock_ms
				END AS wait_ms
			FROM replies r LEFT JOIN first_customer c USING (conversation_id)
			WHERE r.previous_department IS DISTINCT FROM r.department
		),
		waits AS (
			SELECT department, round(quantile_cont(wait_ms / 1000.0, 0.5), 3) AS wait_median_s
			FROM visits WHERE visit = 1 GROUP BY department
		)
		SELECT c.department, c.cases, c.passed_on, c.answered_itself, w.wait_median_s
		FROM counts c LEFT JOIN waits w USING (department)
		WHERE ${departmentIn(view.filters, p, 'c.department')}
		ORDER BY c.cases DESC, c.department`, p.values);
}
