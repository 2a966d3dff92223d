/**
 * The text flags of the report (REPORT-SCHEMA.md `template_id`, `off_topic`, `relevance`, `templates[]`,
 * `templated_share`, `off_topic_share`), read from the tables the detectors stored (analysis/reply-flags.ts).
 */
import { EFFECTIVE_FLAGS_SQL } from '$lib/analysis/reply-flags';
import type { Db } from '$lib/db/types';
import type { ReportDepartment, ReportMessage, ReportTemplate } from './types';

/** The text flags of one agent/bot reply (REPORT-SCHEMA.md `messages[]`); null where the analysis gives none. */
export type MessageTextFlags = Pick<ReportMessage, 'template_id' | 'off_topic' | 'relevance'>;

/** Per department: `templated_share` over its agent/bot replies, `off_topic_share` over the judged ones. */
export type DepartmentTextShares = Pick<ReportDepartment, 'templated_share' | 'off_topic_share'>;

export interface TextFlags {
	/** agent/bot message_id -> its flags; customer and system messages are absent. */
	byMessage: Map<string, MessageTextFlags>;
	/** Templates by uses, as REPORT-SCHEMA.md `templates[]`. */
	templates: ReportTemplate[];
	/** Department -> shares; departments without agent/bot replies are absent. */
	departments: Map<string | null, DepartmentTextShares>;
}

/**
 * The text flags for the report (REPORT-SCHEMA.md), read from the tables `computeReplyFlags` stored, with the
 * user's marks applied (the browser's report leaves out what the user marked wrong; the command line has no marks).
 */
export async function readTextFlags(db: Db): Promise<TextFlags> {
	const flags = await db.query<MessageTextFlags & { message_id: string }>(`
		WITH effective_flags AS (${EFFECTIVE_FLAGS_SQL})
		SELECT message_id, template_id, off_topic, relevance FROM effective_flags`);
	// Shares per effective department of the replies, rounded as the report's other shares (3 decimals).
	const shares = await db.query<DepartmentTextShares & { department: string | null }>(`
		WITH effective_flags AS (${EFFECTIVE_FLAGS_SQL})
		SELECT m.effective_department AS department,
			round(count(f.template_id) / count(*), 3) AS templated_share,
			round(count_if(f.off_topic) / nullif(count(f.off_topic), 0), 3) AS off_topic_share
		FROM effective_flags f JOIN message_metrics m USING (message_id)
		GROUP BY m.effective_department`);
	const templates = await db.query<ReportTemplate>(`
		SELECT template_id, messages, conversations, text, departments, authors, roles FROM templates
		ORDER BY CAST(substr(template_id, 2) AS INTEGER)`);
	return {
		byMessage: new Map(flags.map(({ message_id, ...f }) => [message_id, f])),
		templates,
		departments: new Map(shares.map(({ department, ...s }) => [department, s]))
	};
}
