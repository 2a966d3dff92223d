import type { Db } from '$lib/db/types';
import type { Summary } from '$lib/engine/protocol';
import type { ConversationFigures, DepartmentFigures, MessageFigures } from '$lib/report/types';
import { clockMsSql } from './business-hours';
import { ALL_ROWS, limitSql, rangeParams, startSql, type RowRange } from './row-range';
import { CONVERSATION_METRICS_SQL, messageMetricsSql } from './response-times.sql';
import type { BusinessHours } from './view-types';

/**
 * Builds the `message_metrics` and `conversation_metrics` tables for the current `messages` table. Durations
 * (response_s, first_response_s, first_human_response_s, duration_s) count calendar time, or only the time
 * inside `businessHours` when given.
 */
export async function computeMetrics(db: Db, businessHours: BusinessHours | null = null): Promise<void> {
	await db.exec(messageMetricsSql(clockMsSql(businessHours)));
	await db.exec(CONVERSATION_METRICS_SQL);
}

/** Headline figures. Needs computeMetrics. */
export async function readSummary(db: Db): Promise<Summary> {
	const [row] = await db.query<Summary>(`
		SELECT
			(SELECT count(*) FROM conversation_metrics) AS conversations,
			(SELECT count(*) FROM message_metrics) AS messages,
			(SELECT round(quantile_cont(first_response_s, 0.5), 3) FROM conversation_metrics) AS first_response_median_s,
			(SELECT round(quantile_cont(response_s, 0.5), 3) FROM message_metrics) AS reply_median_s`);
	return row;
}

/** Per-department figures, most conversations first. Needs computeMetrics. */
export async function readDepartments(db: Db): Promise<DepartmentFigures[]> {
	return db.query<DepartmentFigures>(`
		WITH replies AS (
			SELECT effective_department AS department, count(DISTINCT conversation_id) AS conversations,
				count(*) AS agent_messages,
				round(quantile_cont(response_s, 0.5), 3) AS reply_median_s, round(quantile_cont(response_s, 0.9), 3) AS reply_p90_s
			FROM message_metrics WHERE is_reply GROUP BY effective_department
		),
		firsts AS (
			SELECT first_response_department AS department,
				round(quantile_cont(first_response_s, 0.5), 3) AS first_response_median_s,
				round(quantile_cont(first_response_s, 0.9), 3) AS first_response_p90_s
			FROM conversation_metrics WHERE first_response_s IS NOT NULL GROUP BY first_response_department
		)
		SELECT r.department, r.conversations, r.agent_messages,
			f.first_response_median_s, f.first_response_p90_s, r.reply_median_s, r.reply_p90_s
		FROM replies r LEFT JOIN firsts f ON r.department IS NOT DISTINCT FROM f.department
		ORDER BY r.conversations DESC, r.department NULLS LAST`);
}

/** Per-conversation figures in start order, the rows of `range` (keyed by conversation_id). Needs computeMetrics. */
export async function readConversations(db: Db, range: RowRange = ALL_ROWS): Promise<ConversationFigures[]> {
	const start = '(started_at, conversation_id) > (SELECT (started_at, conversation_id) FROM conversation_metrics WHERE conversation_id = $1)';
	return db.query<ConversationFigures>(`
		SELECT conversation_id, departments, handoffs, first_response_s, first_human_response_s, duration_s
		FROM conversation_metrics WHERE ${startSql(range, start)}
		ORDER BY started_at, conversation_id ${limitSql(range)}`, rangeParams(range));
}

/**
 * Per-message figures in input order with their `seq`, the rows of `range` (keyed by message_id, unique once
 * imported); its parameters are `rangeParams(range)`. Needs computeMetrics.
 */
export function messageFiguresSql(range: RowRange): string {
	return `
		SELECT seq, message_id, conversation_id, role,
			CASE WHEN is_reply THEN effective_department ELSE department END AS department, response_s
		FROM message_metrics WHERE ${startSql(range, 'seq > (SELECT seq FROM message_metrics WHERE message_id = $1)')}
		ORDER BY seq ${limitSql(range)}`;
}

/** Per-message figures in input order. Needs computeMetrics. */
export async function readMessages(db: Db): Promise<MessageFigures[]> {
	return db.query<MessageFigures>(`SELECT * EXCLUDE (seq) FROM (${messageFiguresSql(ALL_ROWS)}) ORDER BY seq`);
}
