import type { ReplyKindRow, TemplateRow, TemplateShareRow, TemplatesView, TemplateWeekPoint } from '$lib/analysis/text-view-types';
import { formatDay, formatNumber, formatPercent } from '$lib/format';
import { categoryColor, SERIES_COLORS, type ChartSpec } from '$lib/ui/chart-config';
import type { Column } from '$lib/ui/data-table';
import { departmentLabel, type ChartTexts } from '../labels';
import { fillWeeks } from '../overview/overview-charts';

/** The headline of the templates page. */
export interface TemplatesHeadline {
	/** Agent/bot replies in the view. */
	replies: number;
	/** Of those, replies that use a template. */
	templated: number;
	/** templated / replies; null without replies. */
	share: number | null;
	/** Templates used in the view (the list holds at most 100). */
	templates: number;
}

/** Most templates the engine lists for a view; a full list means there may be more. */
export const TEMPLATE_LIST_LIMIT = 100;

/** The page's headline figures, summed over the departments. */
export function templatesHeadline(view: TemplatesView): TemplatesHeadline {
	const replies = view.departments.reduce((sum, d) => sum + d.replies, 0);
	const templated = view.departments.reduce((sum, d) => sum + d.templated, 0);
	return { replies, templated, share: replies > 0 ? templated / replies : null, templates: view.templates.length };
}

/**
 * Shares are drawn as percentages (0-100) rather than fractions: the value axis rounds its ticks to whole numbers,
 * which would leave a 0-1 axis with two ticks.
 */
const asPercent = (share: number) => Math.round(share * 1000) / 10;
const percentFormatter = (texts: ChartTexts) => (value: number) => formatPercent(value / 100, texts.locale, 0);

/** The templated share of each department's replies, highest first (horizontal bars, %). */
export function departmentShareSpec(departments: readonly TemplateShareRow[], texts: ChartTexts): ChartSpec {
	const rows = departments.filter((d) => d.replies > 0).sort((a, b) => b.templated_share - a.templated_share);
	return {
		type: 'bar',
		horizontal: true,
		categories: rows.map((r) => departmentLabel(r.department, texts)),
		series: [{ label: texts.t('templates.byDepartment.series'), values: rows.map((r) => asPercent(r.templated_share)), color: SERIES_COLORS[0] }],
		categoryTitle: texts.t('templates.byDepartment.axisY'),
		valueTitle: texts.t('templates.byDepartment.axisX'),
		formatValue: percentFormatter(texts),
		valueStep: 10,
		tooltipTitles: rows.map((r) =>
			texts.t('templates.byDepartment.tooltip', {
				department: departmentLabel(r.department, texts),
				templated: formatNumber(r.templated, texts.locale, 0),
				replies: formatNumber(r.replies, texts.locale, 0)
			})
		)
	};
}

/**
 * The templated share per week, one line per department (most replies first, so the legend starts with the busiest);
 * a week without replies of a department is a gap, not a zero.
 */
export function weeklyShareSpec(weekly: readonly TemplateWeekPoint[], texts: ChartTexts): ChartSpec {
	const weeks = fillWeeks([...new Set(weekly.map((p) => p.week))]);
	const totals = new Map<string | null, number>();
	for (const p of weekly) totals.set(p.department, (totals.get(p.department) ?? 0) + p.replies);
	const departments = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)!);
	const byKey = new Map(weekly.map((p) => [`${p.department}\u0000${p.week}`, p]));
	const years = new Set(weeks.map((w) => w.slice(0, 4)));
	return {
		type: 'line',
		categories: weeks.map((w) => formatDay(w, texts.locale, years.size > 1)),
		series: departments.map((department, i) => ({
			label: departmentLabel(department, texts),
			values: weeks.map((w) => {
				const point = byKey.get(`${department}\u0000${w}`);
				return point && point.replies > 0 ? asPercent(point.templated_share) : null;
			}),
			color: categoryColor(i)
		})),
		categoryTitle: texts.t('templates.weekly.axisX'),
		valueTitle: texts.t('templates.weekly.axisY'),
		formatValue: percentFormatter(texts),
		valueStep: 10,
		tooltipTitles: weeks.map((w) => texts.t('templates.weekly.tooltipTitle', { week: formatDay(w, texts.locale, true) }))
	};
}

/** A count with its share of the department's replies: "12 (4 %)". */
function countWithShare(count: number, replies: number, texts: ChartTexts): string {
	const n = formatNumber(count, texts.locale, 0);
	return replies > 0 && count > 0 ? `${n} (${formatPercent(count / replies, texts.locale, 0)})` : n;
}

/** The reply-kinds table: per department, its replies and how many are generic, stalling or redirects. */
export function kindColumns(texts: ChartTexts): Column<ReplyKindRow>[] {
	const kind = (id: 'generic' | 'stalling' | 'redirect'): Column<ReplyKindRow> => ({
		id,
		label: texts.t(`templates.kinds.${id}`),
		numeric: true,
		value: (r) => r[id],
		format: (v, r) => countWithShare(Number(v), r.replies, texts)
	});
	return [
		{ id: 'department', label: texts.t('templates.kinds.department'), value: (r) => departmentLabel(r.department, texts) },
		{ id: 'replies', label: texts.t('templates.kinds.replies'), numeric: true, value: (r) => r.replies, format: (v) => formatNumber(Number(v), texts.locale, 0) },
		kind('generic'),
		kind('stalling'),
		kind('redirect')
	];
}

/** Who sent a template: a bot, people, or people copying the bot's text (the strongest signal). */
export type TemplateSource = 'copies' | 'bot' | 'human';

/** The badge of a template's source. */
export function templateSource(row: Pick<TemplateRow, 'used_by_bot' | 'used_by_human' | 'human_copies_bot'>): TemplateSource {
	if (row.human_copies_bot || (row.used_by_bot && row.used_by_human)) return 'copies';
	return row.used_by_bot ? 'bot' : 'human';
}
