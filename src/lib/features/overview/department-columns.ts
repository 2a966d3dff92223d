import type { DepartmentRow } from '$lib/analysis/view-types';
import { formatDuration, formatNumber, formatPercent } from '$lib/format';
import type { MessageKey } from '$lib/i18n/locale.svelte';
import type { Column } from '$lib/ui/data-table';
import { departmentLabel, type ChartTexts } from '../labels';

/**
 * The columns of the department table: conversations and replies, first response and reply (median and 90th
 * percentile), and the share of replies within the target. With `onPick`, a department's name lists its conversations.
 */
export function departmentColumns(texts: ChartTexts, targetS: number, onPick?: (row: DepartmentRow) => void): Column<DepartmentRow>[] {
	const duration = (v: string | number | null) => formatDuration(v === null ? null : Number(v), texts.locale);
	const count = (v: string | number | null) => formatNumber(v === null ? null : Number(v), texts.locale, 0);
	const time = (id: string, key: keyof DepartmentRow, label: MessageKey): Column<DepartmentRow> => ({
		id,
		label: texts.t(label),
		numeric: true,
		value: (r) => r[key] as number | null,
		format: duration
	});
	return [
		{ id: 'department', label: texts.t('departments.department'), value: (r) => departmentLabel(r.department, texts), action: onPick },
		{ id: 'conversations', label: texts.t('departments.conversations'), numeric: true, value: (r) => r.conversations, format: count },
		{ id: 'replies', label: texts.t('departments.replies'), numeric: true, value: (r) => r.agent_messages, format: count },
		time('first-median', 'first_response_median_s', 'departments.firstMedian'),
		time('first-p90', 'first_response_p90_s', 'departments.firstP90'),
		time('reply-median', 'reply_median_s', 'departments.replyMedian'),
		time('reply-p90', 'reply_p90_s', 'departments.replyP90'),
		{
			id: 'within',
			label: texts.t('departments.withinTarget', { target: formatDuration(targetS, texts.locale) }),
			numeric: true,
			value: (r) => r.within_target_share,
			format: (v) => formatPercent(v === null ? null : Number(v), texts.locale, 0)
		}
	];
}
