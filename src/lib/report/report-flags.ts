/**
 * The text flags of the report (REPORT-SCHEMA.md `templates[]`, `templated_share`, `off_topic_share`), read from the
 * tables the detectors stored (analysis/reply-flags.ts), with the user's marks applied (the browser's report leaves
 * out what the user marked wrong; the command line has no marks). The messages' own flags: report-messages.ts.
 */
import { EFFECTIVE_FLAGS_SQL } from '$lib/analysis/reply-flags';
import { ALL_ROWS, limitSql, rangeParams, startSql, type RowRange } from '$lib/analysis/row-range';
import type { Db } from '$lib/db/types';
import type { ReportDepartment, ReportTemplate } from './types';

/** Per department: `templated_share` over its agent/bot replies, `off_topic_share` over the judged ones. */
export type DepartmentTextShares = Pick<ReportDepartment, 'templated_share' | 'off_topic_share'>;

/** Department -> its shares of templated and off-topic replies; departments without agent/bot replies are absent. */
export async function readDepartmentTextShares(db: Db): Promise<Map<string | null, DepartmentTextShares>> {
	// Shares per effective department of the replies, rounded as the report's other shares (3 decimals).
	const shares = await db.query<DepartmentTextShares & { department: string | null }>(`
		WITH effective_flags AS (${EFFECTIVE_FLAGS_SQL})
		SELECT m.effective_department AS department,
			round(count(f.template_id) / count(*), 3) AS templated_share,
			round(count_if(f.off_topic) / nullif(count(f.off_topic), 0), 3) AS off_topic_share
		FROM effective_flags f JOIN message_metrics m USING (message_id)
		GROUP BY m.effective_department`);
	return new Map(shares.map(({ department, ...s }) => [department, s]));
}

/** Templates by number (t1, t2, ...), the rows of `range` keyed by template_id, as REPORT-SCHEMA.md `templates[]`. */
export async function readTemplates(db: Db, range: RowRange = ALL_ROWS): Promise<ReportTemplate[]> {
	const start = 'CAST(substr(template_id, 2) AS INTEGER) > CAST(substr($1, 2) AS INTEGER)';
	return db.query<ReportTemplate>(`
		SELECT template_id, messages, conversations, text, departments, authors, roles FROM templates
		WHERE ${startSql(range, start)}
		ORDER BY CAST(substr(template_id, 2) AS INTEGER) ${limitSql(range)}`, rangeParams(range));
}
