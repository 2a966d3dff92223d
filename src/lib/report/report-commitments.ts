/**
 * The commitments part of the report JSON (REPORT-SCHEMA.md `commitments`, `conflicts` and the departments'
 * `promises_kept_share`), read from the tables analysis/commitments.ts fills.
 */
import { commitmentColumns } from '$lib/analysis/commitments';
import { ALL_ROWS, limitOf, rangeParams, startSql, type RowRange } from '$lib/analysis/row-range';
import type { Commitment } from '$lib/commitments/types';
import type { Db } from '$lib/db/types';
import { packStringsSql, unpackStrings } from '$lib/db/packed-rows';
import { formatIsoWithOffset } from '$lib/ingest/time-zone';
import type { ReportCommitment, ReportConflict } from './types';

/**
 * The messages of `range` among those with rows in `table` (`seq`, `message_id`), in input order, up to the one whose
 * rows of `table` reach `limit` (at least one message). A message's rows are never split between two ranges, and a
 * range stays near `limit` rows even where one conflict waits on thousands of conversations.
 */
function messagesWithRowsSql(table: string, range: RowRange): string {
	const rowsBefore = 'sum(n_rows) OVER (ORDER BY seq ROWS UNBOUNDED PRECEDING) - n_rows';
	return `
		SELECT seq, message_id FROM (
			SELECT m.seq, m.message_id, count(*) AS n_rows FROM ${table} t JOIN messages m ON m.message_id = t.message_id
			WHERE ${startSql(range, 'm.seq > (SELECT seq FROM messages WHERE message_id = $1)')}
			GROUP BY m.seq, m.message_id)
		${range.limit === null ? '' : `QUALIFY ${rowsBefore} < ${limitOf(range)}`}`;
}

/**
 * Commitments in message order, those of the messages in `range` (at most `limit` commitments), times in the
 * dataset's zone. A promise and a deadline read from the same words of a message are ordered by kind (deadline
 * first): without it the sort left them in any order, and ranges must list them alike in every run.
 */
export async function readCommitments(db: Db, timeZone: string, range: RowRange = ALL_ROWS): Promise<ReportCommitment[]> {
	const rows = await db.query<Commitment>(`
		WITH page AS (${messagesWithRowsSql('commitments', range)})
		SELECT ${commitmentColumns('c')} FROM commitments c JOIN page m ON m.message_id = c.message_id
		ORDER BY m.seq, c.due_at, c.phrase, c.kind`, rangeParams(range));
	return rows.map((c) => ({
		message_id: c.message_id, conversation_id: c.conversation_id, kind: c.kind, department: c.department,
		due_at: formatIsoWithOffset(c.due_at, timeZone), status: c.status, phrase: c.phrase
	}));
}

/**
 * Conflicts in message order (one per deadline message), those of the messages in `range` (at most `limit` waiting
 * ids, at least one message). The range is found in the small per-message table, and the join on `message_seq` lets
 * DuckDB read only the row groups of `commitment_conflicts` that hold it: at 1M messages that table has millions of
 * rows, and a scan of all of it per range made the report take minutes.
 */
export async function readConflicts(db: Db, range: RowRange = ALL_ROWS): Promise<ReportConflict[]> {
	const rowsBefore = 'sum(waiting) OVER (ORDER BY message_seq ROWS UNBOUNDED PRECEDING) - waiting';
	const rows = await db.query<{ message_id: string; conversation_id: string; waiting: string }>(`
		WITH page AS (
			SELECT message_seq, message_id, conversation_id FROM commitment_conflict_messages
			WHERE ${startSql(range, 'message_seq > (SELECT message_seq FROM commitment_conflict_messages WHERE message_id = $1)')}
			${range.limit === null ? '' : `QUALIFY ${rowsBefore} < ${limitOf(range)}`}
		)
		SELECT p.message_id, p.conversation_id, ${packStringsSql('f.waiting_conversation_id', 'f.waiting_conversation_id')} AS waiting
		FROM commitment_conflicts f JOIN page p ON p.message_seq = f.message_seq
		GROUP BY p.message_seq, p.message_id, p.conversation_id ORDER BY p.message_seq`, rangeParams(range));
	return rows.map((r) => ({
		message_id: r.message_id, conversation_id: r.conversation_id, waiting_conversation_ids: unpackStrings(r.waiting)
	}));
}

/** Per department that made promises: kept / (kept + missed), null while none has a known outcome. */
export async function readPromisesKept(db: Db): Promise<Map<string | null, number | null>> {
	const shares = await db.query<{ department: string | null; kept_share: number | null }>(`
		SELECT department, count_if(status = 'kept') / nullif(count_if(status IN ('kept', 'missed')), 0) AS kept_share
		FROM commitments WHERE kind = 'promise' GROUP BY department`);
	return new Map(shares.map((s) => [s.department, s.kept_share]));
}
