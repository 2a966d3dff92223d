import type { DeadlineShareRow, PromiseShareRow } from '$lib/analysis/commitments-view-types';
import type { Commitment } from '$lib/commitments/types';
import { formatDateTime, formatDuration, formatNumber, formatPercent } from '$lib/format';
import { SERIES_COLORS, type ChartSpec } from '$lib/ui/chart-config';
import type { CellValue, Column } from '$lib/ui/data-table';
import { departmentLabel, type ChartTexts } from '../labels';

/**
 * Shares are drawn as percentages (0-100), as on the templates page: the value axis rounds its ticks to whole
 * numbers, which would leave a 0-1 axis with two ticks.
 */
const asPercent = (share: number) => Math.round(share * 1000) / 10;

/**
 * The kept share of each department's promises (horizontal bars, %), highest first; departments whose promises
 * are all still open have no share yet and are left out of the chart (the table lists them).
 */
export function keptShareSpec(promises: readonly PromiseShareRow[], texts: ChartTexts): ChartSpec {
	const rows = promises.filter((p) => p.kept_share !== null).sort((a, b) => b.kept_share! - a.kept_share! || b.promises - a.promises);
	return {
		type: 'bar',
		horizontal: true,
		categories: rows.map((r) => departmentLabel(r.department, texts)),
		series: [{ label: texts.t('commitments.promises.series'), values: rows.map((r) => asPercent(r.kept_share!)), color: SERIES_COLORS[2] }],
		categoryTitle: texts.t('commitments.promises.axisY'),
		valueTitle: texts.t('commitments.promises.axisX'),
		formatValue: (value) => formatPercent(value / 100, texts.locale, 0),
		valueStep: 10,
		tooltipTitles: rows.map((r) =>
			texts.t('commitments.promises.tooltip', {
				department: departmentLabel(r.department, texts),
				kept: formatNumber(r.kept, texts.locale, 0),
				known: formatNumber(r.kept + r.missed, texts.locale, 0)
			})
		)
	};
}

const count = (texts: ChartTexts) => (v: CellValue) => formatNumber(v === null ? null : Number(v), texts.locale, 0);

/** A numeric column of counts. */
function countColumn<T>(id: string, label: string, value: (row: T) => number, texts: ChartTexts): Column<T> {
	return { id, label, numeric: true, value, format: count(texts) };
}

/** The promises table: per department, its promises and how many were kept, missed or are still open. */
export function promiseColumns(texts: ChartTexts): Column<PromiseShareRow>[] {
	const t = texts.t;
	return [
		{ id: 'department', label: t('commitments.col.department'), value: (r) => departmentLabel(r.department, texts) },
		countColumn('promises', t('commitments.promises.col.promises'), (r) => r.promises, texts),
		countColumn('kept', t('commitments.promises.col.kept'), (r) => r.kept, texts),
		countColumn('missed', t('commitments.promises.col.missed'), (r) => r.missed, texts),
		countColumn('open', t('commitments.promises.col.open'), (r) => r.open, texts),
		{
			id: 'share',
			label: t('commitments.promises.col.share'),
			numeric: true,
			value: (r) => r.kept_share,
			format: (v) => formatPercent(v === null ? null : Number(v), texts.locale, 0)
		}
	];
}

/** The deadlines table: per department, the deadlines it set and how they went. */
export function deadlineColumns(texts: ChartTexts): Column<DeadlineShareRow>[] {
	const t = texts.t;
	return [
		{ id: 'department', label: t('commitments.col.department'), value: (r) => departmentLabel(r.department, texts) },
		countColumn('deadlines', t('commitments.deadlines.col.deadlines'), (r) => r.deadlines, texts),
		countColumn('met', t('commitments.deadlines.col.met'), (r) => r.met, texts),
		countColumn('passed', t('commitments.deadlines.col.passed'), (r) => r.passed, texts),
		countColumn('unknown', t('commitments.deadlines.col.unknown'), (r) => r.unknown, texts),
		countColumn('open', t('commitments.deadlines.col.open'), (r) => r.open, texts)
	];
}

/**
 * A broken commitment as the list may get it: `answered_at` is when the answer that came too late came (the
 * department's next reply for a promise, the customer's next message for a deadline). `Commitment` does not carry
 * it yet; when the engine adds it, the list shows how late each one was.
 */
export type BrokenCommitment = Commitment & { answered_at?: number | null };

/** How late a broken commitment was answered, in seconds; null when the answer's time is not known. */
export function lateBy(commitment: BrokenCommitment): number | null {
	const answered = commitment.answered_at;
	return typeof answered === 'number' && Number.isFinite(answered) ? Math.max(0, (answered - commitment.due_at) / 1000) : null;
}

/**
 * The list of broken commitments: department, kind, the words that set it, when sent and due (dataset zone), how
 * late, the customer, and its conversation (a link to its page). No status column: the kind says it (a broken
 * promise was missed, a broken deadline passed).
 */
export function brokenColumns(
	texts: ChartTexts,
	timeZone: string,
	hrefOf: (conversationId: string) => string,
	rows: readonly BrokenCommitment[] = []
): Column<BrokenCommitment>[] {
	const t = texts.t;
	const when = (v: CellValue) => formatDateTime(v === null ? null : Number(v), texts.locale, timeZone);
	const columns: Column<BrokenCommitment>[] = [
		{ id: 'department', label: t('commitments.col.department'), value: (r) => departmentLabel(r.department, texts) },
		{ id: 'kind', label: t('commitments.col.kind'), value: (r) => t(`commitments.kind.${r.kind}`) },
		{ id: 'phrase', label: t('commitments.col.phrase'), value: (r) => r.phrase },
		{ id: 'sent', label: t('commitments.col.sent'), nowrap: true, value: (r) => r.sent_at, format: when },
		{ id: 'due', label: t('commitments.col.due'), nowrap: true, value: (r) => r.due_at, format: when },
		{ id: 'late', label: t('commitments.col.late'), numeric: true, value: (r) => lateBy(r), format: (v) => formatDuration(v === null ? null : Number(v), texts.locale) },
		{ id: 'customer', label: t('commitments.col.customer'), nowrap: true, value: (r) => r.customer, format: (v) => (v === null ? '—' : String(v)) },
		{ id: 'conversation', label: t('commitments.col.conversation'), nowrap: true, value: (r) => r.conversation_id, href: (r) => hrefOf(r.conversation_id) }
	];
	// Without the answers' times the column would be a row of dashes: it is left out until the engine gives them.
	return rows.some((r) => lateBy(r) !== null) ? columns : columns.filter((c) => c.id !== 'late');
}
