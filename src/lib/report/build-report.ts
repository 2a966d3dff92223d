import { computeMetrics, readConversations, readDepartments, readMessages, readSummary } from '$lib/analysis/figures';
import { computeCommitments } from '$lib/analysis/commitments';
import { computeReplyFlags } from '$lib/analysis/detect-flags';
import type { BusinessHours } from '$lib/analysis/view-types';
import type { Db } from '$lib/db/types';
import type { InputSummary } from '$lib/engine/protocol';
import { formatIsoWithOffset } from '$lib/ingest/time-zone';
import { readCommitmentsPart } from './report-commitments';
import { readTextFlags } from './report-flags';
import type { Report } from './types';

/**
 * The report of the dataset in `messages` (REPORT-SCHEMA.md), computed with the same SQL everywhere. Times
 * count only the hours of `businessHours` when given (the command line's --business-hours).
 */
export async function buildReport(
	db: Db, input: InputSummary, now = Date.now(), businessHours: BusinessHours | null = null
): Promise<Report> {
	await computeMetrics(db, businessHours);
	await computeReplyFlags(db);
	await computeCommitments(db, input.time_zone);
	return readReport(db, input, now);
}

const NO_FLAGS = { template_id: null, off_topic: null, relevance: null };
const NO_SHARES = { templated_share: null, off_topic_share: null };

/**
 * The report from the tables already computed: metrics (computeMetrics, on whatever clock they were built), text
 * flags (computeReplyFlags) and commitments (computeCommitments).
 */
export async function readReport(db: Db, input: InputSummary, now = Date.now()): Promise<Report> {
	const { time_zone, imported_at: _importedAt, ...schemaInput } = input;
	const flags = await readTextFlags(db);
	const commitments = await readCommitmentsPart(db, time_zone);
	return {
		schema: 'replyscope.report/1',
		generated_at: formatIsoWithOffset(Math.floor(now / 1000) * 1000, time_zone),
		time_zone,
		input: schemaInput,
		summary: await readSummary(db),
		departments: (await readDepartments(db)).map((d) => ({
			...d, ...(flags.departments.get(d.department) ?? NO_SHARES), promises_kept_share: commitments.promisesKept.get(d.department) ?? null
		})),
		conversations: await readConversations(db),
		messages: (await readMessages(db)).map((m) => ({ ...m, ...(flags.byMessage.get(m.message_id) ?? NO_FLAGS) })),
		templates: flags.templates,
		commitments: commitments.commitments,
		conflicts: commitments.conflicts
	};
}
