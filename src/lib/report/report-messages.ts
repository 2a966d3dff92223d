/**
 * The report's `messages[]` (REPORT-SCHEMA.md): every loaded message's figures with the text flags of the
 * agent/bot replies joined in SQL, so a range of messages needs only its own flags, never a map of all of them.
 */
import { messageFiguresSql } from '$lib/analysis/figures';
import { EFFECTIVE_FLAGS_SQL } from '$lib/analysis/reply-flags';
import { ALL_ROWS, rangeParams, type RowRange } from '$lib/analysis/row-range';
import { readPackedRows, type PackedColumns } from '$lib/db/packed-rows';
import type { Db } from '$lib/db/types';
import type { ReportMessage } from './types';

/**
 * Messages in input order, the rows of `range` (keyed by message_id); customer and system messages, which have
 * no flags, get nulls. Needs computeMetrics and computeReplyFlags.
 */
export async function readReportMessages(db: Db, range: RowRange = ALL_ROWS): Promise<ReportMessage[]> {
	const source = `(
		WITH page AS (${messageFiguresSql(range)}), effective_flags AS (${EFFECTIVE_FLAGS_SQL})
		SELECT p.*, f.template_id, f.off_topic, f.relevance
		FROM page p LEFT JOIN effective_flags f ON f.message_id = p.message_id)`;
	return readPackedRows(db, source, REPORT_MESSAGE_COLUMNS, 'seq', { params: rangeParams(range) });
}

/**
 * The `messages[]` fields, read through packed strings (packed-rows.ts): value by value, reading them took 660 ms at
 * 100,604 messages (native, of which the statements ~90 ms); packed, 380 ms.
 */
const REPORT_MESSAGE_COLUMNS: PackedColumns<ReportMessage> = {
	message_id: 'string',
	conversation_id: 'string',
	role: 'string',
	department: 'string',
	response_s: 'number',
	template_id: 'string',
	off_topic: 'boolean',
	relevance: 'number'
};
