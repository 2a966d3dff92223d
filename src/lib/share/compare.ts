/**
 * The group comparison (issue 5): several owners' shared reports, department by department, with the group's
 * median beside them. Departments are matched by name whatever the case and spacing ("Техподдержка",
 * "техподдержка "), and replies without a department match each other (each report names them in its own language).
 */
import type { ShareDepartment, ShareReport } from './share-report';

/** The figures compared, by their ShareDepartment names. */
export const COMPARED = ['first_response_median_s', 'reply_median_s', 'templated_share', 'off_topic_share', 'handoff_share'] as const;
export type ComparedFigure = (typeof COMPARED)[number];

/** One report in the comparison. */
export interface ComparedOwner {
	/** Name shown in the table's head and the chart's legend. */
	name: string;
	report: ShareReport;
}

/** A figure per compared measure; null where the owner's report has none. */
export type Figures = Record<ComparedFigure, number | null>;

/** One department across the owners. */
export interface CompareRow {
	/** Its name as the first report that has it spells it; null for replies without a department. */
	department: string | null;
	/** A figure set per owner, in the owners' order; null when the owner's report has no such department. */
	owners: (Figures | null)[];
	/** The median of the owners that have a figure (null when none has). */
	group: Figures;
}

/** How departments are matched: case, surrounding and repeated spaces, and ё/е do not matter. */
export function departmentKey(department: string | null): string {
	return department === null ? '\u0000none' : department.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

/** The median of the numbers (nulls left out); null when there are none. */
export function median(values: readonly (number | null)[]): number | null {
	const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function figuresOf(d: ShareDepartment): Figures {
	return Object.fromEntries(COMPARED.map((key) => [key, d[key]])) as Figures;
}

/**
 * The departments of all owners, side by side: departments in the order of their total conversations across the
 * reports (busiest first), the department-less row last.
 */
export function compareDepartments(owners: readonly ComparedOwner[]): CompareRow[] {
	const rows = new Map<string, { department: string | null; conversations: number; owners: (Figures | null)[] }>();
	owners.forEach(({ report }, i) => {
		for (const d of report.departments) {
			const key = departmentKey(d.department);
			let row = rows.get(key);
			if (!row) rows.set(key, (row = { department: d.department?.trim() ?? null, conversations: 0, owners: owners.map(() => null) }));
			row.conversations += d.conversations;
			// Two spellings of one department in one report (unlikely) keep the busier one.
			if (!row.owners[i]) row.owners[i] = figuresOf(d);
		}
	});
	return [...rows.values()]
		.sort((a, b) => Number(a.department === null) - Number(b.department === null) || b.conversations - a.conversations)
		.map(({ department, owners: figures }) => ({
			department,
			owners: figures,
			group: Object.fromEntries(COMPARED.map((key) => [key, median(figures.map((f) => f?.[key] ?? null))])) as Figures
		}));
}

/**
 * A name per report: the owner's own (`owner` field) or `numbered(n)` ("Владелец 2") by its place in the list;
 * a name given twice gets " (2)", " (3)"… so each column can be told apart.
 */
export function ownerNames(reports: readonly ShareReport[], numbered: (n: number) => string): string[] {
	const seen = new Map<string, number>();
	return reports.map((report, i) => {
		const name = report.owner?.trim() || numbered(i + 1);
		const times = (seen.get(name) ?? 0) + 1;
		seen.set(name, times);
		return times === 1 ? name : `${name} (${times})`;
	});
}
