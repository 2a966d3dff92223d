/**
 * The overview page of a view: headline, department table, weekly trend, reply buckets, messages per day.
 * All over the filtered conversations (view-sql.ts); needs computeMetrics on the view's clock.
 */
import type { Db } from '$lib/db/types';
import type { OverviewView } from '$lib/engine/engine';
import { bucketOfSql } from './reply-buckets';
import { departmentIn, Params, shareWithinSql, viewWith, type ViewQuery } from './view-sql';
import { REPLY_BUCKETS, type BucketCount, type DepartmentRow, type Headline, type WeeklyPoint } from './view-types';

/** Columns of the filtered rows the overview's parts read (`viewWith`'s `materialise`): one copy for all of them. */
const OVERVIEW_COLUMNS = {
	conversations: ['conversation_id', 'messages', 'first_response_s', 'first_response_department', 'handoffs', 'started_at', 'ended_at', 'started_local'],
	messages: ['conversation_id', 'response_s', 'is_reply', 'effective_department', 'sent_local']
};

/**
 * Every part of the overview page in one statement: the filtered rows are found and kept once (`OVERVIEW_COLUMNS`),
 * and each part comes back as one column (the headline a struct, the others lists in their order). In DuckDB-WASM
 * at 100k messages this took 40-65 ms for one department, where copying the rows (`selectView`) and five queries
 * took 80-110 ms, with two round trips to DuckDB's worker per statement on top in the browser.
 * `previous`: this page for the same filters and clock with another target (ViewRequests keeps it): only the
 * shares within the target are read again, the rest does not depend on the target.
 */
export async function readOverviewView(db: Db, view: ViewQuery, previous?: OverviewView): Promise<OverviewView> {
	if (previous) return withTargetShares(previous, await readTargetShares(db, view));
	const p = new Params();
	const listOf = (part: Part) => `(SELECT list(x ORDER BY ${part.order}) FROM (${part.sql}) x)`;
	const [row] = await db.query<{
		headline: HeadlineRow; departments: DepartmentRow[] | null; weekly: WeeklyPoint[] | null;
		buckets: BucketCount[] | null; messages_per_day: OverviewView['messagesPerDay'] | null;
	}>(`
		${viewWith(view, p, OVERVIEW_COLUMNS)}
		SELECT (SELECT x FROM (${headlineSql(view, p)}) x) AS headline,
			${listOf(departmentRowsPart(view, p))} AS departments,
			${listOf(weeklyPart(view, p))} AS weekly,
			${listOf(BUCKETS_PART)} AS buckets,
			${listOf(MESSAGES_PER_DAY_PART)} AS messages_per_day`, p.values);
	return {
		headline: toHeadline(row.headline),
		departments: row.departments ?? [],
		weekly: row.weekly ?? [],
		buckets: allBuckets(row.buckets ?? []),
		messagesPerDay: row.messages_per_day ?? []
	};
}

/** A part of the overview: a SELECT over the view's CTEs (`viewWith`) and the order of its rows (output columns). */
interface Part {
	sql: string;
	order: string;
}

/** Runs one part on its own. */
function readPart<T>(db: Db, view: ViewQuery, part: (p: Params) => Part): Promise<T[]> {
	const p = new Params();
	const { sql, order } = part(p);
	return db.query<T>(`${viewWith(view, p)} SELECT * FROM (${sql}) x ORDER BY ${order}`, p.values);
}

type HeadlineRow = Omit<Headline, 'period'> & { period_from: number | null; period_to: number | null };

/** Headline figures of the filtered conversations (all their replies, whatever the department filter). */
export async function readHeadline(db: Db, view: ViewQuery): Promise<Headline> {
	const p = new Params();
	const [row] = await db.query<HeadlineRow>(`${viewWith(view, p)} ${headlineSql(view, p)}`, p.values);
	return toHeadline(row);
}

/**
 * The headline's one row. Two aggregates side by side (each returns exactly one row), one pass over each table:
 * in DuckDB-WASM a scalar subquery per figure took 2-3 times as long.
 */
function headlineSql(view: ViewQuery, p: Params): string {
	return `SELECT c.conversations, c.messages, c.first_response_median_s, m.reply_median_s, m.within_target_share,
			c.handoff_share, c.period_from, c.period_to
		FROM (
			SELECT count(*) AS conversations, coalesce(sum(messages), 0) AS messages,
				round(quantile_cont(first_response_s, 0.5), 3) AS first_response_median_s,
				count_if(handoffs > 0) / nullif(count(*), 0) AS handoff_share,
				min(started_at) AS period_from, max(ended_at) AS period_to
			FROM selected
		) c, (
			SELECT round(quantile_cont(response_s, 0.5), 3) AS reply_median_s,
				${shareWithinSql(p, view.targetS)} AS within_target_share
			FROM selected_messages
		) m`;
}

function toHeadline({ period_from, period_to, ...figures }: HeadlineRow): Headline {
	return { ...figures, period: period_from === null || period_to === null ? null : { from: period_from, to: period_to } };
}

/** The shares within the view's target: of all the view's replies (headline), and per row of the department table. */
export interface TargetShares {
	overall: number | null;
	departments: { department: string | null; within_target_share: number | null }[];
}

/** The shares within the target alone, as readHeadline and readDepartmentRows compute them, in one statement. */
export async function readTargetShares(db: Db, view: ViewQuery): Promise<TargetShares> {
	const p = new Params();
	const rows = await db.query<{ overall: boolean; department: string | null; within_target_share: number | null }>(`
		${viewWith(view, p, OVERVIEW_COLUMNS)}
		SELECT TRUE AS overall, NULL::VARCHAR AS department, ${shareWithinSql(p, view.targetS)} AS within_target_share
		FROM selected_messages
		UNION ALL
		SELECT FALSE, effective_department, ${shareWithinSql(p, view.targetS)}
		FROM selected_messages WHERE is_reply AND ${departmentIn(view.filters, p, 'effective_department')}
		GROUP BY effective_department`, p.values);
	return {
		overall: rows.find((r) => r.overall)?.within_target_share ?? null,
		departments: rows.filter((r) => !r.overall).map(({ department, within_target_share }) => ({ department, within_target_share }))
	};
}

/** `page` with its shares within the target replaced by `shares` (same filters and clock, another target). */
function withTargetShares(page: OverviewView, shares: TargetShares): OverviewView {
	const byDepartment = new Map(shares.departments.map((d) => [d.department, d.within_target_share]));
	return {
		...page,
		headline: { ...page.headline, within_target_share: shares.overall },
		departments: page.departments.map((row) => ({ ...row, within_target_share: byDepartment.get(row.department) ?? null }))
	};
}

/**
 * Per department (effective department of replies), most conversations first, limited to the chosen
 * departments. First-response figures go to the department that gave the first response (METRICS.md).
 */
export function readDepartmentRows(db: Db, view: ViewQuery): Promise<DepartmentRow[]> {
	return readPart(db, view, (p) => departmentRowsPart(view, p));
}

function departmentRowsPart(view: ViewQuery, p: Params): Part {
	return {
		sql: `SELECT r.department, r.conversations, r.agent_messages, f.first_response_median_s, f.first_response_p90_s,
				r.reply_median_s, r.reply_p90_s, r.within_target_share
			FROM (
				SELECT effective_department AS department, count(DISTINCT conversation_id) AS conversations,
					count(*) AS agent_messages,
					round(quantile_cont(response_s, 0.5), 3) AS reply_median_s, round(quantile_cont(response_s, 0.9), 3) AS reply_p90_s,
					${shareWithinSql(p, view.targetS)} AS within_target_share
				FROM selected_messages WHERE is_reply AND ${departmentIn(view.filters, p, 'effective_department')}
				GROUP BY effective_department
			) r LEFT JOIN (
				SELECT first_response_department AS department,
					round(quantile_cont(first_response_s, 0.5), 3) AS first_response_median_s,
					round(quantile_cont(first_response_s, 0.9), 3) AS first_response_p90_s
				FROM selected WHERE first_response_s IS NOT NULL GROUP BY first_response_department
			) f ON r.department IS NOT DISTINCT FROM f.department`,
		order: 'conversations DESC, department NULLS LAST'
	};
}

/** SQL for the week of a conversation: the Monday (ISO week) of its first message's local day. */
export const WEEK_OF_START_SQL = `strftime(date_trunc('week', started_local), '%Y-%m-%d')`;

/** Median first response of the conversations started in each week, per department that answered first. */
export function readWeekly(db: Db, view: ViewQuery): Promise<WeeklyPoint[]> {
	return readPart(db, view, (p) => weeklyPart(view, p));
}

function weeklyPart(view: ViewQuery, p: Params): Part {
	return {
		sql: `SELECT ${WEEK_OF_START_SQL} AS week, first_response_department AS department, count(*) AS conversations,
				round(quantile_cont(first_response_s, 0.5), 3) AS first_response_median_s
			FROM selected
			WHERE first_response_s IS NOT NULL AND ${departmentIn(view.filters, p, 'first_response_department')}
			GROUP BY week, department`,
		order: 'week, department NULLS LAST'
	};
}

/** How many replies (with a response_s) of the filtered conversations fall in each bucket; all 7 present. */
export async function readBuckets(db: Db, view: ViewQuery): Promise<BucketCount[]> {
	return allBuckets(await readPart<BucketCount>(db, view, () => BUCKETS_PART));
}

const BUCKETS_PART: Part = {
	sql: `SELECT ${bucketOfSql('response_s')} AS bucket, count(*) AS replies
		FROM selected_messages WHERE response_s IS NOT NULL GROUP BY bucket`,
	order: 'bucket'
};

/** Every bucket in order, with the count found for it or 0. */
function allBuckets(rows: readonly BucketCount[]): BucketCount[] {
	const counts = new Map(rows.map((r) => [r.bucket, r.replies]));
	return REPLY_BUCKETS.map((bucket) => ({ bucket, replies: counts.get(bucket) ?? 0 }));
}

/** Messages of the filtered conversations per local day (dataset time zone); days without messages omitted. */
export function readMessagesPerDay(db: Db, view: ViewQuery): Promise<OverviewView['messagesPerDay']> {
	return readPart(db, view, () => MESSAGES_PER_DAY_PART);
}

/** Grouped by the DATE, formatted per day: formatting every message took 3-4 times as long (DuckDB-WASM, 100k). */
const MESSAGES_PER_DAY_PART: Part = {
	sql: `SELECT strftime(day, '%Y-%m-%d') AS day, messages
		FROM (SELECT sent_local::DATE AS day, count(*) AS messages FROM selected_messages GROUP BY 1)`,
	order: 'day'
};
