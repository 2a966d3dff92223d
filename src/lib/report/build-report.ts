import { computeMetrics, readConversations, readDepartments, readMessages, readSummary } from '$lib/analysis/figures';
import { computeCommitments } from '$lib/analysis/commitments';
import { computeReplyFlags, type Detector } from '$lib/analysis/detect-flags';
import type { BusinessHours } from '$lib/analysis/view-types';
import type { Db } from '$lib/db/types';
import type { InputSummary } from '$lib/engine/protocol';
import { formatIsoWithOffset } from '$lib/ingest/time-zone';
import { readCommitmentsPart } from './report-commitments';
import { readTextFlags } from './report-flags';
import type { Report } from './types';

/** How `buildReport` computes. */
export interface BuildOptions {
	/** The report's `generated_at`, epoch ms; now when absent. */
	now?: number;
	/** Times count only these hours (the command line's --business-hours); calendar time when absent. */
	businessHours?: BusinessHours | null;
	/** Runs the text detection (the command line's uses threads); in this thread when absent. */
	detect?: Detector;
}

/** The report of the dataset in `messages` (REPORT-SCHEMA.md), computed with the same SQL everywhere. */
export async function buildReport(db: Db, input: InputSummary, options: BuildOptions = {}): Promise<Report> {
	await computeMetrics(db, options.businessHours ?? null);
	await computeReplyFlags(db, { detect: options.detect });
	await computeCommitments(db, input.time_zone);
	return readReport(db, input, options.now);
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
