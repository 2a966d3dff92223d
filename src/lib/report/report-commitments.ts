/**
 * The commitments part of the report JSON (REPORT-SCHEMA.md `commitments`, `conflicts` and the departments'
 * `promises_kept_share`), read from the tables analysis/commitments.ts fills.
 */
import { commitmentColumns } from '$lib/analysis/commitments';
import type { Commitment } from '$lib/commitments/types';
import type { Db } from '$lib/db/types';
import { formatIsoWithOffset } from '$lib/ingest/time-zone';
import type { ReportCommitment, ReportConflict } from './types';

export interface CommitmentsPart {
	commitments: ReportCommitment[];
	conflicts: ReportConflict[];
	/** Per department that made promises: kept / (kept + missed), null while none has a known outcome. */
	promisesKept: Map<string | null, number | null>;
}

/** The report's commitments (in message order), conflicts, and kept shares; times in the dataset's zone. */
export async function readCommitmentsPart(db: Db, timeZone: string): Promise<CommitmentsPart> {
	const rows = await db.query<Commitment>(`
		SELECT ${commitmentColumns('c')} FROM commitments c JOIN messages m ON m.message_id = c.message_id
		ORDER BY m.seq, c.due_at, c.phrase`);
	const conflicts = await db.query<ReportConflict>(`
		SELECT f.message_id, any_value(f.conversation_id) AS conversation_id,
			list(f.waiting_conversation_id ORDER BY f.waiting_conversation_id) AS waiting_conversation_ids
		FROM commitment_conflicts f JOIN messages m ON m.message_id = f.message_id
		GROUP BY f.message_id ORDER BY min(m.seq)`);
	const shares = await db.query<{ department: string | null; kept_share: number | null }>(`
		SELECT department, count_if(status = 'kept') / nullif(count_if(status IN ('kept', 'missed')), 0) AS kept_share
		FROM commitments WHERE kind = 'promise' GROUP BY department`);
	return {
		commitments: rows.map((c) => ({
			message_id: c.message_id, conversation_id: c.conversation_id, kind: c.kind, department: c.department,
			due_at: formatIsoWithOffset(c.due_at, timeZone), status: c.status, phrase: c.phrase
		})),
		conflicts,
		promisesKept: new Map(shares.map((s) => [s.department, s.kept_share]))
	};
}
