/** One conversation's figures and timeline. Needs computeMetrics (times on the clock it was computed with). */
import type { Db } from '$lib/db/types';
import { CONVERSATION_ROW_COLUMNS, TEXT_JOIN } from './view-sql';
import type { ConversationDetail, ConversationRow, TimelineMessage } from './view-types';

/** The conversation `id` with its messages in order, or null when there is no such conversation. */
export async function readConversation(db: Db, id: string): Promise<ConversationDetail | null> {
	const [figures] = await db.query<ConversationRow>(
		`SELECT ${CONVERSATION_ROW_COLUMNS} FROM conversation_metrics WHERE conversation_id = $1`, [id]);
	if (!figures) return null;
	// department_changed marks where the department list (METRICS.md "Handoffs") moves on: a reply whose
	// effective department differs from the previous reply's. The first reply with a department is not a
	// handoff, so the markers number exactly `handoffs`.
	const messages = await db.query<TimelineMessage>(`
		SELECT message_id, sent_at, role, author,
			CASE WHEN is_reply THEN effective_department ELSE department END AS department, text, response_s,
			coalesce(is_reply AND previous_department IS NOT NULL AND effective_department <> previous_department, false) AS department_changed
		FROM (
			SELECT m.*, t.text, last_value(CASE WHEN m.is_reply THEN m.effective_department END IGNORE NULLS) OVER (
				ORDER BY m.sent_at, m.seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_department
			FROM message_metrics m ${TEXT_JOIN} WHERE m.conversation_id = $1
		)
		ORDER BY sent_at, seq`, [id]);
	return { figures, messages };
}
