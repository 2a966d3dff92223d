import type { RedirectRow } from '$lib/analysis/text-view-types';
import { formatNumber, formatPercent } from '$lib/format';
import type { Column } from '$lib/ui/data-table';
import { departmentLabel, type ChartTexts } from '../labels';

/**
 * The redirects table: the department that replied, the one it sent the customer to, how many replies and
 * conversations, and in how many of those the export's department column never shows the department sent to.
 */
export function redirectColumns(texts: ChartTexts): Column<RedirectRow>[] {
	const count = (v: number | string | null) => formatNumber(Number(v), texts.locale, 0);
	return [
		{ id: 'from', label: texts.t('redirects.from'), value: (r) => departmentLabel(r.from, texts) },
		{ id: 'to', label: texts.t('redirects.to'), value: (r) => (r.to?.trim() ? r.to : texts.t('redirects.unnamed')) },
		{ id: 'replies', label: texts.t('redirects.replies'), numeric: true, value: (r) => r.replies, format: count },
		{ id: 'conversations', label: texts.t('redirects.conversations'), numeric: true, value: (r) => r.conversations, format: count },
		{
			id: 'outside',
			label: texts.t('redirects.outside'),
			numeric: true,
			value: (r) => r.outside_export,
			format: (v, r) => (r.conversations > 0 && Number(v) > 0 ? `${count(v)} (${formatPercent(Number(v) / r.conversations, texts.locale, 0)})` : count(v))
		}
	];
}
