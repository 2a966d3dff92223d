/** A sortable value of a cell: numbers sort as numbers, text by the locale's collation, null always last. */
export type CellValue = string | number | null;

/** One column of a DataTable. */
export interface Column<T> {
	/** Stable identifier (sorting state, keys). */
	id: string;
	/** Header text; include the unit ("Rows", "Median, time"). */
	label: string;
	/** The value the column sorts by. */
	value: (row: T) => CellValue;
	/** How the value is shown; the value as text when absent. */
	format?: (value: CellValue, row: T) => string;
	/** Right-aligned with tabular digits. */
	numeric?: boolean;
	/** Kept on one line (dates, ids such as "ПВЗ-77-2308" that would break at a hyphen). */
	nowrap?: boolean;
	/** Makes the cell a link to this address (a conversation's page), when it gives one. */
	href?: (row: T) => string | null;
	/** Makes the cell a button that does this (list the conversations behind the row). */
	action?: (row: T) => void;
}

export type SortDirection = 'ascending' | 'descending';

/** Which column sorts the table and how. */
export interface SortState {
	column: string;
	direction: SortDirection;
}

/**
 * A sorted copy of `rows` (the input is left as it is). Equal values keep their input order, and null values
 * go last in both directions so that a descending sort shows the largest figures first, not the blanks.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => CellValue, direction: SortDirection, collator: Intl.Collator): T[] {
	const sign = direction === 'ascending' ? 1 : -1;
	return rows
		.map((row, index) => ({ row, index, key: value(row) }))
		.sort((a, b) => {
			if (a.key === null || b.key === null) {
				return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
			}
			const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
			return order === 0 ? a.index - b.index : sign * order;
		})
		.map((entry) => entry.row);
}

/** The sort after a click on `column`: a new column sorts ascending (numbers descending); the same one flips. */
export function nextSort(current: SortState | null, column: string, numeric: boolean): SortState {
	if (current?.column === column) {
		return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
	}
	return { column, direction: numeric ? 'descending' : 'ascending' };
}

/** Text of a cell: the column's format, or the value itself ("" for null). */
export function cellText<T>(column: Column<T>, row: T): string {
	const value = column.value(row);
	if (column.format) return column.format(value, row);
	return value === null ? '' : String(value);
}
