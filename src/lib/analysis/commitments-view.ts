/**
 * The commitments page of a view (commitments-view-types.ts): over the commitments made in the filtered
 * conversations (view-sql.ts), limited to the chosen departments (the department that made the promise or set the
 * deadline). Needs computeMetrics and computeCommitments.
 */
import { waitsOf } from '$lib/commitments/conflicts';
import type { Commitment, CommitmentMessage } from '$lib/commitments/types';
import type { Db } from '$lib/db/types';
import { commitmentColumns } from './commitments';
import {
	BROKEN_LIMIT, type CommitmentsView, type ConflictRow, type CustomerTimeline, type DeadlineShareRow, type PromiseShareRow, type WaitingPeriod
} from './commitments-view-types';
import { departmentIn, Params, viewWith, type ViewQuery } from './view-sql';

/** How many customers the timeline's choice lists at most. */
const CUSTOMER_LIMIT = 500;

/** The view's commitments as a CTE to append after `viewWith` (with a leading comma). */
function viewCommitmentsCte(view: ViewQuery, p: Params): string {
	return `, view_commitments AS (
		SELECT ${commitmentColumns('k')} FROM commitments k
		WHERE k.conversation_id IN (SELECT conversation_id FROM selected) AND ${departmentIn(view.filters, p, 'k.department')}
	)`;
}

/** The commitments page for `view`; the timeline is `customer`'s, else the first customer's of the list. */
export async function readCommitmentsView(db: Db, view: ViewQuery, customer?: string): Promise<CommitmentsView> {
	const customers = await readCustomers(db, view);
	const chosen = customer ?? (view.filters.customers?.length === 1 ? view.filters.customers[0] : customers[0]?.customer);
	const [{ end }] = await db.query<{ end: number | null }>('SELECT max(sent_at) AS end FROM messages');
	return {
		conflicts: await readConflicts(db, view),
		promises: await readPromiseShares(db, view),
		deadlines: await readDeadlineShares(db, view),
		broken: await readBroken(db, view),
		brokenTotal: await countBroken(db, view),
		customers,
		timeline: chosen === undefined ? null : await readTimeline(db, view, chosen),
		dataEnd: end
	};
}

async function readConflicts(db: Db, view: ViewQuery): Promise<ConflictRow[]> {
	const p = new Params();
	const rows = await db.query<Omit<ConflictRow, 'waiting'> & { waiting: { conversation_id: string; since: number }[] }>(`
		${viewWith(view, p)}${viewCommitmentsCte(view, p)}
		SELECT k.message_id, k.conversation_id, k.department, k.customer, k.phrase, k.due_at, k.status, d.waiting, d.waiting_total
		FROM view_commitments k JOIN commitment_conflict_deadlines d ON d.message_id = k.message_id AND d.due_at = k.due_at AND k.kind = 'deadline'
		ORDER BY k.due_at - d.latest_wait, k.due_at DESC, k.message_id`, p.values);
	const departments = await conversationDepartments(db, rows.flatMap((r) => r.waiting.map((w) => w.conversation_id)));
	return rows.map((r) => ({ ...r, waiting: r.waiting.map((w) => ({ ...w, department: departments.get(w.conversation_id) ?? null })) }));
}

/** The department a conversation is about: its first department (of any message), for naming it in a list. */
async function conversationDepartments(db: Db, ids: string[]): Promise<Map<string, string | null>> {
	if (ids.length === 0) return new Map();
	const p = new Params();
	const rows = await db.query<{ conversation_id: string; department: string | null }>(`
		SELECT conversation_id, arg_min(department, (sent_at, seq)) FILTER (WHERE department IS NOT NULL) AS department
		FROM messages WHERE conversation_id IN (${p.list([...new Set(ids)])}) GROUP BY conversation_id`, p.values);
	return new Map(rows.map((r) => [r.conversation_id, r.department]));
}

async function readPromiseShares(db: Db, view: ViewQuery): Promise<PromiseShareRow[]> {
	const p = new Params();
	return db.query<PromiseShareRow>(`
		${viewWith(view, p)}${viewCommitmentsCte(view, p)}
		SELECT department, count(*) AS promises, count_if(status = 'kept') AS kept, count_if(status = 'missed') AS missed,
			count_if(status = 'open') AS open,
			count_if(status = 'kept') / nullif(count_if(status IN ('kept', 'missed')), 0) AS kept_share
		FROM view_commitments WHERE kind = 'promise'
		GROUP BY department ORDER BY promises DESC, department NULLS LAST`, p.values);
}

async function readDeadlineShares(db: Db, view: ViewQuery): Promise<DeadlineShareRow[]> {
	const p = new Params();
	return db.query<DeadlineShareRow>(`
		${viewWith(view, p)}${viewCommitmentsCte(view, p)}
		SELECT department, count(*) AS deadlines, count_if(status = 'met') AS met, count_if(status = 'passed') AS passed,
			count_if(status = 'unknown') AS unknown, count_if(status = 'open') AS open
		FROM view_commitments WHERE kind = 'deadline'
		GROUP BY department ORDER BY deadlines DESC, department NULLS LAST`, p.values);
}

async function readBroken(db: Db, view: ViewQuery): Promise<Commitment[]> {
	const p = new Params();
	return db.query<Commitment>(`
		${viewWith(view, p)}${viewCommitmentsCte(view, p)}
		SELECT * FROM view_commitments WHERE status IN ('missed', 'passed')
		ORDER BY due_at DESC, message_id LIMIT ${BROKEN_LIMIT}`, p.values);
}

async function countBroken(db: Db, view: ViewQuery): Promise<number> {
	const p = new Params();
	const [{ n }] = await db.query<{ n: number }>(`
		${viewWith(view, p)}${viewCommitmentsCte(view, p)}
		SELECT count(*) AS n FROM view_commitments WHERE status IN ('missed', 'passed')`, p.values);
	return n;
}

async function readCustomers(db: Db, view: ViewQuery): Promise<CommitmentsView['customers']> {
	const p = new Params();
	return db.query(`
		${viewWith(view, p)}${viewCommitmentsCte(view, p)}
		SELECT k.customer, count(*) AS commitments,
			count(DISTINCT k.message_id) FILTER (WHERE k.message_id IN (SELECT message_id FROM commitment_conflict_messages)) AS conflicts
		FROM view_commitments k WHERE k.customer IS NOT NULL
		GROUP BY k.customer ORDER BY conflicts DESC, commitments DESC, k.customer LIMIT ${CUSTOMER_LIMIT}`, p.values);
}

/** One customer's conversations in the view, their commitments and waits (all of them, whatever the department filter). */
async function readTimeline(db: Db, view: ViewQuery, customer: string): Promise<CustomerTimeline> {
	const p = new Params();
	const conversations = await db.query<CustomerTimeline['conversations'][number]>(`
		${viewWith(view, p)}
		SELECT s.conversation_id, s.started_at, s.ended_at,
			(SELECT arg_min(m.department, (m.sent_at, m.seq)) FILTER (WHERE m.department IS NOT NULL)
				FROM messages m WHERE m.conversation_id = s.conversation_id) AS department
		FROM selected s WHERE s.customer = ${p.add(customer)}
		ORDER BY s.started_at, s.conversation_id`, p.values);
	const ids = conversations.map((c) => c.conversation_id);
	if (ids.length === 0) return { customer, conversations, commitments: [], waiting: [], conflicts: [] };
	const q = new Params();
	const inList = q.list(ids);
	const commitments = await db.query<Commitment>(`
		SELECT ${commitmentColumns('k')} FROM commitments k WHERE k.conversation_id IN (${inList}) ORDER BY due_at, message_id`, q.values);
	const conflicts = await db.query<{ message_id: string }>(`
		SELECT message_id FROM commitment_conflict_messages WHERE conversation_id IN (${inList}) ORDER BY message_id`, q.values);
	const messages = await db.query<CommitmentMessage>(`
		SELECT conversation_id, message_id, role, department, customer, text, sent_at
		FROM messages WHERE conversation_id IN (${inList}) ORDER BY conversation_id, sent_at, seq`, q.values);
	const department = new Map(conversations.map((c) => [c.conversation_id, c.department]));
	const waiting: WaitingPeriod[] = [];
	for (const [id, thread] of waitsOf(messages)) {
		for (let i = 0; i < thread.waiting.length; i += 2) {
			const to = thread.waiting[i + 1];
			waiting.push({ conversation_id: id, department: department.get(id) ?? null, from: thread.waiting[i], to: Number.isFinite(to) ? to : null });
		}
	}
	waiting.sort((a, b) => a.from - b.from);
	return { customer, conversations, commitments, waiting, conflicts: conflicts.map((c) => c.message_id) };
}
