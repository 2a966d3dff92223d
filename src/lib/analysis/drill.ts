/**
 * The conversations behind a chart element (view-types.ts `Drill`), within the view's filters. Each drill
 * selects exactly the conversations the element counted, so a list never disagrees with its chart.
 */
import type { Db } from '$lib/db/types';
import { WEEK_OF_START_SQL } from './overview-view';
import { inBucketSql } from './reply-buckets';
import { CONVERSATION_ROW_COLUMNS, departmentIn, Params, TRANSFERS_CTE, viewWith, type ViewQuery } from './view-sql';
import type { ConversationRow, Drill, Filters } from './view-types';

/** Conversations a drill lists when no limit is given. */
export const DEFAULT_DRILL_LIMIT = 200;

/** The filtered conversations behind `drill`, slowest first response first (unanswered last); at most `limit`. */
export async function listConversations(db: Db, view: ViewQuery, drill: Drill, limit = DEFAULT_DRILL_LIMIT): Promise<ConversationRow[]> {
	const p = new Params();
	const prefix = viewWith(view, p) + (drill.kind === 'flow' ? TRANSFERS_CTE : '');
	const condition = drillCondition(drill, view.filters, p);
	return db.query<ConversationRow>(`
		${prefix}
		SELECT ${CONVERSATION_ROW_COLUMNS} FROM selected WHERE ${condition}
		ORDER BY first_response_s DESC NULLS LAST, conversation_id LIMIT ${p.add(Math.max(0, Math.floor(limit)))}`, p.values);
}

/** SQL condition on a `selected` row for the drill (the same rule as the figure it drills into). */
function drillCondition(drill: Drill, filters: Filters, p: Params): string {
	const withMessage = (condition: string) =>
		`conversation_id IN (SELECT conversation_id FROM selected_messages WHERE ${condition})`;
	switch (drill.kind) {
		case 'department': // DepartmentRow.conversations: the department sent a reply
			return withMessage(`is_reply AND effective_department IS NOT DISTINCT FROM ${p.add(drill.department)}`);
		case 'agent': // AgentRow: the author's replies in the chosen departments
			return withMessage(`is_reply AND author = ${p.add(drill.author)} AND ${departmentIn(filters, p, 'effective_department')}`);
		case 'week': // WeeklyPoint: started that week, first answered by the department
			return `first_response_s IS NOT NULL AND ${WEEK_OF_START_SQL} = ${p.add(drill.week)}
				AND first_response_department IS NOT DISTINCT FROM ${p.add(drill.department)}`;
		case 'bucket': { // a reply (of the department, when given) with its response_s in the bucket
			const department = drill.department === undefined ? '' : ` AND effective_department IS NOT DISTINCT FROM ${p.add(drill.department)}`;
			return withMessage(`${inBucketSql(drill.bucket, 'response_s')}${department}`);
		}
		case 'flow':
			return `conversation_id IN (SELECT conversation_id FROM transfers WHERE "from" = ${p.add(drill.from)} AND "to" = ${p.add(drill.to)})`;
		case 'chain':
			return `departments = [${p.list(drill.departments)}]::VARCHAR[]`;
		case 'day': // a message on that local day
			return withMessage(`sent_local >= CAST(${p.add(drill.day)} AS DATE) AND sent_local < CAST(${p.add(drill.day)} AS DATE) + INTERVAL 1 DAY`);
	}
}
