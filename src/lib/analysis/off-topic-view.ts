/**
 * The off-topic screen of a view: the replies judged not to address the customer (marks applied), surest first,
 * each with the customer text it was scored against, and the replies the user marked as wrongly flagged.
 * Replies of the chosen departments only, as the overview's tables. Needs computeMetrics and computeReplyFlags.
 */
import type { Db } from '$lib/db/types';
import { EFFECTIVE_FLAGS_SQL } from './reply-flags';
import type { OffTopicReply, OffTopicView } from './text-view-types';
import { departmentIn, Params, TEXT_JOIN, viewWith, type ViewQuery } from './view-sql';

/** Every part of the off-topic screen; `limit` caps the listed replies (not `total`). */
export async function readOffTopicView(db: Db, view: ViewQuery, limit = 200): Promise<OffTopicView> {
	const [counts] = await readCounts(db, view);
	return {
		replies: await readReplies(db, view, 'f.off_topic', limit),
		total: counts?.total ?? 0,
		judged: counts?.judged ?? 0,
		marked: await readReplies(db, view, `list_contains(f.marked, 'off_topic')`, limit)
	};
}

/** The view's agent/bot replies of the chosen departments with their effective flags, as `replies`. */
function repliesCte(view: ViewQuery, p: Params): string {
	return `, effective_flags AS (${EFFECTIVE_FLAGS_SQL}),
	replies AS (
		SELECT m.message_id, m.conversation_id, m.effective_department AS department, m.author, m.sent_at, m.seq,
			t.text, f.off_topic, f.relevance, f.matched, f.marked
		FROM selected_messages m ${TEXT_JOIN} JOIN effective_flags f ON f.message_id = m.message_id
		WHERE m.is_reply AND ${departmentIn(view.filters, p, 'm.effective_department')}
	)`;
}

async function readCounts(db: Db, view: ViewQuery) {
	const p = new Params();
	return db.query<{ total: number; judged: number }>(`
		${viewWith(view, p)}${repliesCte(view, p)}
		SELECT count(*) FILTER (WHERE off_topic) AS total, count(off_topic) AS judged FROM replies`, p.values);
}

/**
 * Replies meeting `condition` (on the effective flags `f`), surest first. `question` is every customer message
 * before the reply in its conversation, in order: relevance.ts scores a reply against all of them, not only
 * those since the previous reply.
 */
async function readReplies(db: Db, view: ViewQuery, condition: string, limit: number): Promise<OffTopicReply[]> {
	const p = new Params();
	return db.query<OffTopicReply>(`
		${viewWith(view, p)}${repliesCte(view, p)},
		listed AS (
			SELECT * FROM replies f WHERE ${condition}
			ORDER BY relevance NULLS LAST, sent_at, seq LIMIT ${p.add(limit)}
		)
		SELECT l.message_id, l.conversation_id, l.department, l.author, l.sent_at,
			coalesce((SELECT string_agg(c.text, '\n' ORDER BY c.sent_at, c.seq) FROM messages c
				WHERE c.conversation_id = l.conversation_id AND c.role = 'customer' AND (c.sent_at, c.seq) < (l.sent_at, l.seq)), '') AS question,
			l.text AS answer, l.relevance, l.matched
		FROM listed l ORDER BY l.relevance NULLS LAST, l.sent_at, l.seq`, p.values);
}
