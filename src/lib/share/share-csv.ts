/**
 * The tables of a shared report as CSV files (csv.ts: formula-safe, BOM for Excel). Headers are the report's field
 * names, so a file reads the same whatever the language, and durations stay in seconds for sums and charts.
 */
import { toCsv, type CsvColumn } from './csv';
import type { ShareReport } from './share-report';

/** A column per listed key of the row, headed by the key. */
function columns<T>(...keys: (keyof T & string)[]): CsvColumn<T>[] {
	return keys.map((key) => ({ header: key, value: (row: T) => {
		const v = row[key];
		return Array.isArray(v) ? v.join(' → ') : (v as string | number | boolean | null);
	} }));
}

type Rows<K extends keyof ShareReport> = NonNullable<ShareReport[K]> extends (infer R)[] ? R : never;

/** File name (without extension) -> CSV text, one per table of the report that has rows. */
export function shareCsvFiles(report: ShareReport): Record<string, string> {
	const files: Record<string, string> = {
		departments: toCsv(report.departments, columns<Rows<'departments'>>('department', 'conversations', 'agent_messages',
			'first_response_median_s', 'first_response_p90_s', 'reply_median_s', 'reply_p90_s', 'within_target_share',
			'templated_share', 'off_topic_share', 'handoff_share')),
		reply_buckets: toCsv(report.reply_buckets, columns<Rows<'reply_buckets'>>('bucket', 'replies')),
		weekly: toCsv(report.weekly, columns<Rows<'weekly'>>('week', 'department', 'conversations', 'first_response_median_s')),
		flows: toCsv(report.flows, columns<Rows<'flows'>>('from', 'to', 'conversations', 'transfers')),
		chains: toCsv(report.chains, columns<Rows<'chains'>>('departments', 'conversations', 'duration_median_s', 'ping_pong_share')),
		templates: toCsv(report.templates, columns<Rows<'templates'>>('text', 'uses', 'conversations', 'departments', 'human_copies_bot')),
		agents: toCsv(report.agents, columns<Rows<'agents'>>('agent', 'department', 'role', 'replies', 'reply_median_s', 'reply_p90_s'))
	};
	if (report.off_topic_examples?.length) {
		files.off_topic_examples = toCsv(report.off_topic_examples,
			columns<Rows<'off_topic_examples'>>('department', 'question', 'answer', 'relevance'));
	}
	return files;
}
