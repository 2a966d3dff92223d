/**
 * The SQL of the bulk CSV path (csv-bulk.ts): the rules of makeNormalizer (normalize.ts) and parseTimestamp
 * (timestamps.ts) written for DuckDB, so that every row gets the value or the rejection the TS path gives it.
 * Column names and numbers are generated here; the file name, a user value, goes in as a parameter ($1).
 * Everything runs on DuckDB-WASM too: no ICU, no JSON extension, regular expressions in RE2 syntax.
 */
import type { ImportPlan, TimestampFormat } from './types';

/** Temp tables of one bulk read. */
export const RAW = 'bulk_csv_raw';
export const ROLES = 'bulk_csv_roles';
export const BLANKS = 'bulk_csv_blanks';

/**
 * The characters JavaScript's `trim()` and `\s` treat as white space (the same set), listed by asking the engine:
 * DuckDB's plain `trim` removes only spaces.
 */
const JS_SPACE: number[] = [];
for (let c = 0; c < 0x10000; c++) if (String.fromCharCode(c).trim() === '') JS_SPACE.push(c);

/** The JS white space as a SQL string (built with chr(), so no control character sits in the SQL text). */
const SPACE_SQL = `(${JS_SPACE.map((c) => `chr(${c})`).join(' || ')})`;
/** The JS `\s` as an RE2 class. */
const S = `[${JS_SPACE.map((c) => `\\x{${c.toString(16)}}`).join('')}]`;

/** DuckDB column name of the field at `index` (the reader's columns are named by position). */
export function col(index: number): string {
	return `c${index}`;
}

/** Any character but JS white space, as an RE2 class. */
const NOT_S = `[^${S.slice(1)}`;

/**
 * A code point that is certainly not JS white space: printable ASCII and U+00A1-U+167F (Latin, Cyrillic, ...). A
 * cheap test that spares most values the set-trim and the regular expressions, each several times slower in DuckDB.
 */
function printable(codePoint: string): string {
	return `(${codePoint} BETWEEN 33 AND 159 OR ${codePoint} BETWEEN 161 AND 5759)`;
}

/** JS `value.trim()`, empty -> NULL: normalize.ts's `valueOf`. */
export function valueSql(expr: string): string {
	return `nullif(CASE WHEN ${printable(`unicode(${expr})`)} AND ${printable(`unicode(right(${expr}, 1))`)} THEN ${expr}
		ELSE trim(${expr}, ${SPACE_SQL}) END, '')`;
}

/** A row with no content (csv-rows.ts `isBlank`): every field empty or white space. */
export function blankSql(width: number): string {
	return Array.from({ length: width }, (_, i) =>
		`NOT (coalesce(${printable(`unicode(${col(i)})`)}, false) OR regexp_matches(coalesce(${col(i)}, ''), '${NOT_S}'))`
	).join(' AND ');
}

/** A SQL string literal for text this module generates (paths of registered files). */
export function literal(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Reads every line as text into RAW, the header row included (its names are checked against papaparse's). Strict:
 * any line DuckDB cannot split as the TS path would (wrong field count, unclosed quote, lone CR, invalid UTF-8) is an
 * error, and the file goes to the TS path. A row with extra empty fields at the end loads, as in the TS path.
 */
export function readRawSql(path: string, width: number, delimiter: string): string {
	const columns = Array.from({ length: width }, (_, i) => `'${col(i)}': 'VARCHAR'`).join(', ');
	return `CREATE OR REPLACE TEMP TABLE ${RAW} AS SELECT * FROM read_csv(${literal(path)},
		header = false, auto_detect = false, columns = {${columns}}, delim = ${literal(delimiter)},
		quote = '"', escape = '"', strict_mode = true, null_padding = false, ignore_errors = false)`;
}

/** Which columns feed the fields the SQL reads (null = not in this file). */
export interface BulkColumns {
	conversation_id: string | null;
	message_id: string | null;
	date: string | null;
	time: string | null;
	role: string | null;
	author: string | null;
	department: string | null;
	customer: string | null;
	text: string | null;
}

/** The plan's mapping as DuckDB columns, given the header names (normalize.ts: absent column -> null value). */
export function bulkColumns(plan: ImportPlan, header: string[]): BulkColumns {
	const at = (name: string | undefined) => {
		const index = name === undefined ? -1 : header.indexOf(name);
		return index < 0 ? null : col(index);
	};
	const m = plan.mapping;
	return {
		conversation_id: at(m.conversation_id),
		message_id: at(m.message_id),
		date: at(m.sent_at ?? m.sent_date),
		time: m.sent_at ? null : at(m.sent_time),
		role: at(m.role),
		author: at(m.author),
		department: at(m.department),
		customer: at(m.customer),
		text: at(m.text)
	};
}

/** Formats the SQL reproduces; others (twitter) use the TS path. */
export function bulkFormat(format: TimestampFormat): boolean {
	return format === 'iso' || format === 'dmy' || format === 'mdy' || format === 'unix_s' || format === 'unix_ms';
}

// The regular expressions of timestamps.ts in RE2: `\s` spelled out as JS's set; DAY_FIRST's back-reference `\2`
// becomes a second separator group compared with the first.
const TIME = `(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(?:${S}*([AaPp])\\.?[Mm]\\.?)?`;
const TIME_GROUPS = ['h', 'mi', 's', 'fr', 'ap'];
const DAY_FIRST = `^(\\d{1,2})([./-])(\\d{1,2})([./-])(\\d{4}|\\d{2})(?:(?:${S}*,${S}*|${S}+|T)${TIME})?$`;
const ISO = `^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ]${S}*(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?${S}*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?$`;
const UNIX_S = '^(\\d{10})(?:\\.(\\d{1,9}))?$';
const UNIX_MS = '^\\d{13}(?:\\.\\d+)?$';

const names = (list: string[]) => `[${list.map((n) => `'${n}'`).join(', ')}]`;
const int = (expr: string) => `TRY_CAST(nullif(${expr}, '') AS BIGINT)`;
/** fractionMs: the first three digits, padded ('5' -> 500). */
const fractionMs = (expr: string) => `coalesce(TRY_CAST(nullif(left(${expr} || '00', 3), '00') AS BIGINT), 0)`;
/** setTime's hour: AM/PM hours must be 1-12 (else NULL, which rejects the row). */
const hourSql = (h: string, ap: string) =>
	`CASE WHEN ${ap} = '' THEN ${int(h)} WHEN ${int(h)} BETWEEN 1 AND 12 THEN ${int(h)} % 12 + CASE WHEN ${ap} IN ('p', 'P') THEN 12 ELSE 0 END END`;

/**
 * Epoch days of a proleptic Gregorian date (H. Hinnant's days_from_civil). Years are shifted by 400 so that every
 * operand is non-negative and integer division (`//`) is floor division.
 */
function daysSql(y: string, mo: string, d: string): string {
	const yy = `(${y} - CASE WHEN ${mo} <= 2 THEN 1 ELSE 0 END + 400)`;
	const era = `(${yy} // 400)`;
	const yoe = `(${yy} - ${era} * 400)`;
	const doy = `((153 * ((${mo} + 9) % 12) + 2) // 5 + ${d} - 1)`;
	return `(${era} * 146097 + ${yoe} * 365 + ${yoe} // 4 - ${yoe} // 100 + ${doy} - 719468 - 146097)`;
}

const daysInMonthSql = (y: string, mo: string) =>
	`CASE WHEN ${mo} = 2 THEN CASE WHEN (${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0 THEN 29 ELSE 28 END ` +
	`WHEN ${mo} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;

/**
 * The common fixed-width shapes (`10.05.2024 09:15:00`, `2024-05-10 09:15:00`, `2024-05-10T09:15:00`) read by
 * strptime, several times cheaper than the regular expression: the guard lets through only digits at fixed places
 * between the separators, where the regular expression matches too, and strptime checks the
 * same ranges (day of month, hour, minute); seconds above 59, which strptime might take for a leap second, are left
 * to the full rules. NULL (the full rules decide) for any other value or any date strptime refuses.
 */
function fastWallSql(format: TimestampFormat): string {
	const seconds = `substr(v, 18, 1) <= '5'`;
	// strptime skips spaces before a number (' 1.05.2024' parses): every '_' of the pattern must be a digit.
	const read = (pattern: string, fmt: string) =>
		`WHEN v LIKE '${pattern}' AND translate(v, '0123456789', '') = '${pattern.replaceAll('_', '')}' AND ${seconds}
			THEN epoch_ms(try_strptime(v, '${fmt}'))`;
	if (format === 'dmy') return `CASE ${read('__.__.____ __:__:__', '%d.%m.%Y %H:%M:%S')} END`;
	if (format === 'iso') {
		return `CASE ${read('____-__-__ __:__:__', '%Y-%m-%d %H:%M:%S')} ${read('____-__-__T__:__:__', '%Y-%m-%dT%H:%M:%S')} END`;
	}
	return 'NULL::BIGINT';
}

/**
 * The parsed time of each row of RAW, as columns:
 * - `wall_ms`: a zone-less time as epoch ms of its wall clock read as UTC (the zone is applied later, once the
 *   range of the data is known), or NULL;
 * - `fixed_ms`: the instant (epoch ms) of a value with Z / an offset, or of a unix time, or NULL;
 * - both NULL when the value is empty or not a date (the row is rejected).
 * `v` is the date column's value (JS-trimmed, NULL when empty) and `tv` the separate time column's ('' when
 * empty), as normalize.ts's `timeReader` passes them to parseTimestamp.
 */
export function timeSelectSql(format: TimestampFormat, hasTimeColumn: boolean): string {
	if (format === 'unix_s') {
		return `SELECT *, NULL::BIGINT AS wall_ms,
			${int(`m.n`)} * 1000 + CASE WHEN m.fr = '' THEN 0 ELSE ${fractionMs('m.fr')} END AS fixed_ms
			FROM (SELECT *, regexp_extract(v, '${UNIX_S}', ${names(['n', 'fr'])}) AS m FROM src)`;
	}
	if (format === 'unix_ms') {
		return `SELECT *, NULL::BIGINT AS wall_ms,
			CASE WHEN regexp_full_match(v, '${UNIX_MS}') THEN floor(CAST(v AS DOUBLE))::BIGINT END AS fixed_ms FROM src`;
	}
	const iso = format === 'iso';
	const groups = iso
		? ['y', 'mo', 'd', 'h', 'mi', 's', 'fr', 'off']
		: ['a', 'sep1', 'b', 'sep2', 'yr', ...TIME_GROUPS];
	const matched = iso ? `m.y <> ''` : `m.a <> '' AND m.sep1 = m.sep2`;
	const y = iso ? int('m.y') : `CASE WHEN length(m.yr) = 2 THEN 2000 + ${int('m.yr')} ELSE ${int('m.yr')} END`;
	const mo = iso ? int('m.mo') : format === 'mdy' ? int('m.a') : int('m.b');
	const d = iso ? int('m.d') : format === 'mdy' ? int('m.b') : int('m.a');
	const h0 = iso ? `coalesce(${int('m.h')}, 0)` : `CASE WHEN m.h = '' THEN 0 ELSE ${hourSql('m.h', 'm.ap')} END`;
	const fields = `SELECT *, ${matched} AS matched, ${y} AS y, ${mo} AS mo, ${d} AS d, m.h <> '' AS has_time,
		${h0} AS h0, coalesce(${int('m.mi')}, 0) AS mi0, coalesce(${int('m.s')}, 0) AS s0, ${fractionMs('m.fr')} AS ms0,
		${iso ? `m.off` : `''`} AS off
		FROM (SELECT *, regexp_extract(CASE WHEN fast_ms IS NULL THEN v END, '${iso ? ISO : DAY_FIRST}', ${names(groups)}) AS m
			${hasTimeColumn ? `, regexp_extract(trim(tv, ${SPACE_SQL}), '^${TIME}$', ${names(TIME_GROUPS)}) AS mt` : ''}
			FROM (SELECT *, ${hasTimeColumn ? 'NULL::BIGINT' : fastWallSql(format)} AS fast_ms FROM src))`;
	// readTimeColumn: the date's own time must be midnight; the time column then sets the time of day.
	const time = hasTimeColumn
		? {
				ok: `NOT (has_time AND (h0 <> 0 OR mi0 <> 0 OR s0 <> 0 OR ms0 <> 0)) AND mt.h <> ''`,
				h: hourSql('mt.h', 'mt.ap'),
				mi: int('mt.mi'),
				s: `coalesce(${int('mt.s')}, 0)`,
				ms: fractionMs('mt.fr')
			}
		: { ok: 'true', h: 'h0', mi: 'mi0', s: 's0', ms: 'ms0' };
	const offsetMin = `CASE WHEN off IN ('Z', 'z', 'UTC', 'GMT') THEN 0 ELSE
		(CASE WHEN left(off, 1) = '-' THEN -1 ELSE 1 END) * (${int('substr(off, 2, 2)')} * 60 + CASE WHEN length(off) > 3 THEN ${int('right(off, 2)')} ELSE 0 END) END`;
	const offsetOk = `(off IN ('', 'Z', 'z', 'UTC', 'GMT') OR (${int('substr(off, 2, 2)')} <= 18 AND (length(off) <= 3 OR ${int('right(off, 2)')} <= 59)))`;
	const valid = `matched AND (${time.ok}) AND hh IS NOT NULL AND ${offsetOk} AND mo BETWEEN 1 AND 12
		AND d BETWEEN 1 AND ${daysInMonthSql('y', 'mo')} AND hh <= 23 AND mm <= 59 AND ss <= 59`;
	const wall = `${daysSql('y', 'mo', 'd')} * 86400000 + hh * 3600000 + mm * 60000 + ss * 1000 + mss`;
	return `SELECT * EXCLUDE (m${hasTimeColumn ? ', mt' : ''}, fast_ms, matched, y, mo, d, has_time, h0, mi0, s0, ms0, off, hh, mm, ss, mss),
			coalesce(fast_ms, CASE WHEN (${valid}) AND off = '' THEN ${wall} END) AS wall_ms,
			CASE WHEN (${valid}) AND off <> '' THEN ${wall} - (${offsetMin}) * 60000 END AS fixed_ms
		FROM (SELECT *, ${time.h === 'h0' ? 'h0' : `CASE WHEN mt.h = '' THEN NULL ELSE ${time.h} END`} AS hh,
			${time.mi} AS mm, ${time.s} AS ss, ${time.ms} AS mss FROM (${fields}))`;
}

/**
 * `WITH src, parsed, bulk_rows`: every data row of RAW (header and blank rows left out) with its raw fields, its row
 * number (1-based, blank rows not counted, as csv-rows.ts numbers them), its parsed time (timeSelectSql) and its
 * role (NULL: rejected). `headerRid` is the rowid of the header row; BLANKS lists the blank rows after it, if any.
 * The statements below each read RAW once through it: no table of intermediate results, no join on rowid.
 */
export function rowsCte(columns: BulkColumns, format: TimestampFormat, width: number, headerRid: number, blanks: boolean): string {
	const row = blanks
		? `rowid - ${headerRid} - coalesce((SELECT count(*) FROM ${BLANKS} b WHERE b.rid < r.rowid), 0)`
		: `rowid - ${headerRid}`;
	const v = columns.date ? valueSql(columns.date) : 'NULL::VARCHAR';
	const tv = columns.time ? `coalesce(${columns.time}, '')` : `''`;
	const hasTimeColumn = columns.time !== null && (format === 'iso' || format === 'dmy' || format === 'mdy');
	const fields = Array.from({ length: width }, (_, i) => col(i)).join(', ');
	const src = `SELECT ${row} AS rn, ${v} AS v, ${tv} AS tv, ${columns.role ?? 'NULL::VARCHAR'} AS role_raw, ${fields}
		FROM ${RAW} r WHERE rowid > ${headerRid}${blanks ? ` AND rowid NOT IN (SELECT rid FROM ${BLANKS})` : ''}`;
	return `WITH src AS (${src}), parsed AS (${timeSelectSql(format, hasTimeColumn)}),
		bulk_rows AS (SELECT p.*, roles.role FROM parsed p LEFT JOIN ${ROLES} roles ON roles.raw = p.role_raw)`;
}

/** Rows that load: a role and a time. */
const LOADS = '(role IS NOT NULL AND (wall_ms IS NOT NULL OR fixed_ms IS NOT NULL))';

/**
 * Appends the accepted rows to `table` in MESSAGES_COLUMNS order (normalize.ts's Message): $1 is the file name.
 * `wallOffset` / `utcOffset` are SQL (csv-bulk-zone.ts) for the zone's offset of `wall_ms` and of `utc_ms`; NULL
 * outside the range they were built for, which the NOT NULL columns turn into an error (then csv-bulk.ts retries
 * with the data's own range).
 */
export function insertSql(table: string, cte: string, columns: BulkColumns, base: number, wallOffset: string, utcOffset: string): string {
	const value = (c: string | null) => (c ? valueSql(c) : 'NULL::VARCHAR');
	return `INSERT INTO ${table} ${cte}
		SELECT coalesce(${value(columns.conversation_id)}, $1),
			coalesce(${value(columns.message_id)}, $1 || '#' || rn),
			epoch_ms(utc_ms), role,
			${value(columns.author)}, ${value(columns.department)}, ${value(columns.customer)},
			${columns.text ? `coalesce(${columns.text}, '')` : `''`},
			$1 || ' row ' || rn,
			${base} + rn - 1,
			epoch_ms(utc_ms + ${utcOffset})
		FROM (SELECT *, coalesce(fixed_ms, wall_ms - ${wallOffset}) AS utc_ms FROM bulk_rows WHERE ${LOADS})`;
}

/** The rejected rows with every raw field, so that normalize.ts itself can word the reason. */
export function rejectedSql(cte: string, width: number): string {
	const fields = Array.from({ length: width }, (_, i) => col(i)).join(', ');
	return `${cte} SELECT rn, ${fields} FROM bulk_rows WHERE NOT ${LOADS} ORDER BY rn`;
}

/** The time range of the data, for the zone table when the first guess did not cover it. */
export function rangeSql(cte: string): string {
	return `${cte} SELECT min(wall_ms) AS wall_min, max(wall_ms) AS wall_max, min(fixed_ms) AS fixed_min,
		max(fixed_ms) AS fixed_max FROM bulk_rows`;
}
