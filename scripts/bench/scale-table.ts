/**
 * The scale benchmark's table: one row per figure, one column per size, the growth between sizes, the budget of
 * issue 6 and whether it held. Budgets apply at the size they name (1M messages unless said otherwise); a size
 * that was not run shows "not run", a stage that failed shows "failed" (its reason is listed under the table).
 */
import type { AppJs } from './app-js';
import type { BrowserFigures } from './browser-stages';
import type { CliStages } from './cli-stages';
import type { NativeLoad } from './native-load';

/** Everything measured on one size. */
export interface SizeResult {
	/** Messages asked for (--messages); the generator gives about that many. */
	requested: number;
	conversations: number;
	file: string;
	file_mib: number;
	/** Rows the native reader loaded: the file's messages. */
	messages?: number;
	native?: NativeLoad;
	cli?: CliStages;
	/** `npm run --silent cli -- analyze FILE --json --out /dev/null`: wall time and summed RSS of its node processes. */
	cli_whole?: { wall_ms: number; peak_mib: number; peak_pss_mib: number };
	browser?: BrowserFigures;
	/** Stage -> why it failed or was not measured. */
	failures: Record<string, string>;
}

type Check = (value: number) => boolean;

interface Row {
	label: string;
	unit: string;
	value: (s: SizeResult) => number | undefined;
	/** The stage whose failure explains a missing value. */
	stage: string;
	budget?: { text: string; at: number | 'each'; ok: Check };
	/** A time: 10× the data should take at most 12× the time. */
	growth?: boolean;
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? Math.round((a / b) * 100) / 100 : undefined);
const M = 1_000_000;

export const ROWS: Row[] = [
	{ label: 'messages (native read_csv rows)', unit: '', stage: 'native', value: (s) => s.messages },
	{ label: 'native DuckDB load (yardstick, median of 3)', unit: 'ms', stage: 'native', value: (s) => s.native?.load_ms, growth: true },
	{ label: 'browser: propose (file set → mapping shown)', unit: 'ms', stage: 'browser', value: (s) => s.browser?.propose_ms, growth: true },
	{ label: 'browser: import to queryable (confirm → summary)', unit: 'ms', stage: 'browser', value: (s) => s.browser?.import_ms, growth: true },
	{
		label: 'browser: import ÷ native load', unit: '×', stage: 'browser', value: (s) => ratio(s.browser?.import_ms, s.native?.load_ms),
		budget: { text: '≤ 2 at 1M', at: M, ok: (v) => v <= 2 }
	},
	{ label: 'browser: metrics (import phase "Считаем показатели")', unit: 'ms', stage: 'browser', value: (s) => s.browser?.metrics_ms, growth: true },
	{ label: 'browser: text detection (summary → template list)', unit: 'ms', stage: 'browser', value: (s) => s.browser?.text_detection_ms, growth: true },
	{
		label: 'browser: full analysis (metrics + text detection)', unit: 'ms', stage: 'browser', value: (s) => s.browser?.analysis_ms, growth: true,
		budget: { text: '≤ 30 000 at 1M', at: M, ok: (v) => v <= 30_000 }
	},
	{ label: 'browser: import + analysis (confirm → template list)', unit: 'ms', stage: 'browser', value: (s) => s.browser?.import_and_analysis_ms, growth: true },
	{
		label: 'browser: overview after a filter change (in page)', unit: 'ms', stage: 'browser', value: (s) => s.browser?.filter_change_ms, growth: true,
		budget: { text: '≤ 250 at 100k', at: 100_000, ok: (v) => v <= 250 }
	},
	{ label: 'browser: commitments page (link → conflicts shown, found on first visit)', unit: 'ms', stage: 'browser', value: (s) => s.browser?.commitments_page_ms, growth: true },
	{
		label: 'browser: peak memory (summed RSS, Chromium tree)', unit: 'MiB', stage: 'browser', value: (s) => s.browser?.memory?.peak_mib,
		budget: { text: '≤ 1536 (1.5 GiB) at 1M', at: M, ok: (v) => v <= 1536 }
	},
	{ label: 'browser: peak memory (summed PSS, Chromium tree)', unit: 'MiB', stage: 'browser', value: (s) => s.browser?.memory?.peak_pss_mib },
	{
		label: 'browser: longest main-thread task, import', unit: 'ms', stage: 'browser', value: (s) => s.browser?.long_tasks?.import.longest_ms,
		budget: { text: '≤ 100 at each size', at: 'each', ok: (v) => v <= 100 }
	},
	{
		label: 'browser: longest main-thread task, analysis', unit: 'ms', stage: 'browser', value: (s) => s.browser?.long_tasks?.analysis.longest_ms,
		budget: { text: '≤ 100 at each size', at: 'each', ok: (v) => v <= 100 }
	},
	{ label: 'browser: tasks over 100 ms, import + analysis', unit: '', stage: 'browser', value: (s) => sumDefined(s.browser?.long_tasks?.import.over_limit, s.browser?.long_tasks?.analysis.over_limit) },
	{ label: 'cli: propose', unit: 'ms', stage: 'cli', value: (s) => s.cli?.propose_ms, growth: true },
	{ label: 'cli: import', unit: 'ms', stage: 'cli', value: (s) => s.cli?.import_ms, growth: true },
	{ label: 'cli: import ÷ native load', unit: '×', stage: 'cli', value: (s) => ratio(s.cli?.import_ms, s.native?.load_ms) },
	{ label: 'cli: metrics', unit: 'ms', stage: 'cli', value: (s) => s.cli?.metrics_ms, growth: true },
	{ label: 'cli: text detection', unit: 'ms', stage: 'cli', value: (s) => s.cli?.text_detection_ms, growth: true },
	{ label: 'cli: commitments (issue 8, in buildReport)', unit: 'ms', stage: 'cli', value: (s) => s.cli?.commitments_ms, growth: true },
	{ label: 'cli: report (read tables + JSON.stringify)', unit: 'ms', stage: 'cli', value: (s) => s.cli?.report_ms, growth: true },
	{
		label: 'cli: full analysis (metrics + detection + commitments + report)', unit: 'ms', stage: 'cli', growth: true,
		value: (s) => sumDefined(s.cli?.metrics_ms, s.cli?.text_detection_ms, s.cli?.commitments_ms, s.cli?.report_ms),
		budget: { text: '≤ 20 000 at 1M', at: M, ok: (v) => v <= 20_000 }
	},
	{ label: 'cli: whole `cli analyze --json --out /dev/null`, wall', unit: 'ms', stage: 'cli whole', value: (s) => s.cli_whole?.wall_ms, growth: true },
	{ label: 'cli: whole run, peak summed RSS (its node processes)', unit: 'MiB', stage: 'cli whole', value: (s) => s.cli_whole?.peak_mib },
	{ label: 'cli: whole run, peak summed PSS (its node processes)', unit: 'MiB', stage: 'cli whole', value: (s) => s.cli_whole?.peak_pss_mib }
];

function sumDefined(...values: (number | undefined)[]): number | undefined {
	return values.every((v) => v !== undefined) ? Math.round((values as number[]).reduce((a, b) => a + b, 0) * 10) / 10 : undefined;
}

/** A table row as printed and as written to JSON. */
export interface TableRow {
	stage: string;
	unit: string;
	values: Record<string, number | 'skipped' | 'failed' | 'not measured'>;
	growth: Record<string, number>;
	budget: string;
	verdict: string;
	growth_verdict: string;
}

const short = (n: number) => (n >= M ? `${n / M}M` : n >= 1000 ? `${n / 1000}k` : String(n));

/** The rows, evaluated on the sizes run (ascending). */
export function buildTable(sizes: SizeResult[]): TableRow[] {
	return ROWS.map((row) => {
		const values: TableRow['values'] = {};
		const growth: Record<string, number> = {};
		const growthFails: string[] = [];
		sizes.forEach((s, i) => {
			const v = row.value(s);
			values[short(s.requested)] = v ?? missing(s, row.stage);
			const prev = i > 0 ? row.value(sizes[i - 1]) : undefined;
			if (i === 0 || v === undefined || prev === undefined || !prev) return;
			const key = `${short(sizes[i - 1].requested)}→${short(s.requested)}`;
			growth[key] = Math.round((v / prev) * 10) / 10;
			const dataRatio = s.requested / sizes[i - 1].requested;
			if (row.growth && growth[key] > 1.2 * dataRatio) growthFails.push(`${key} ×${growth[key]} for ×${dataRatio} data`);
		});
		return {
			stage: row.label, unit: row.unit, values, growth, budget: row.budget?.text ?? '',
			verdict: row.budget ? verdict(row, sizes) : '',
			growth_verdict: !row.growth || Object.keys(growth).length === 0 ? '' : growthFails.length ? `FAIL: ${growthFails.join('; ')}` : 'pass'
		};
	});
}

/** Why a value is missing: its stage was skipped, failed (reason under the table), or never produced it. */
function missing(s: SizeResult, stage: string): 'skipped' | 'failed' | 'not measured' {
	const failure = s.failures[stage];
	return failure === undefined ? 'not measured' : failure.startsWith('skipped') ? 'skipped' : 'failed';
}

function verdict(row: Row, sizes: SizeResult[]): string {
	const budget = row.budget!;
	const applicable = budget.at === 'each' ? sizes : sizes.filter((s) => s.requested === budget.at);
	if (applicable.length === 0) return `not run at ${short(budget.at as number)}`;
	const results = applicable.map((s) => {
		const v = row.value(s);
		if (v === undefined) return `${short(s.requested)} ${missing(s, row.stage)}`;
		return budget.ok(v) ? 'pass' : `FAIL at ${short(s.requested)}`;
	});
	const bad = results.filter((r) => r !== 'pass');
	return bad.length ? bad.join(', ') : 'pass';
}

/** The app-JS budget (size-independent): ≤ 300 KB gzipped before DuckDB's wasm. */
export function appJsLines(appJs: AppJs | undefined, failure: string | undefined): string[] {
	if (!appJs) return [`app JS: not measured${failure ? ` (${failure})` : ''}`];
	const judge = (kib: number) => (kib <= 300 ? 'pass' : 'FAIL');
	return [
		`app JS fetched by the start page, gzipped (DuckDB files excluded): ${appJs.start_page_gzip_kib} KiB in ${appJs.start_page_files.length} files`
			+ ` — budget ≤ 300 KB: ${judge(appJs.start_page_gzip_kib)}; DuckDB/wasm files fetched by the start page: ${appJs.start_page_duckdb_files.length}`,
		`all build/_app/**/*.js except DuckDB's, gzipped: ${appJs.build_gzip_kib} KiB in ${appJs.build_files} files — budget ≤ 300 KB: ${judge(appJs.build_gzip_kib)}`
	];
}

/** The table as aligned text. */
export function formatTable(rows: TableRow[]): string {
	const sizeKeys = Object.keys(rows[0]?.values ?? {});
	const growthKeys = [...new Set(rows.flatMap((r) => Object.keys(r.growth)))];
	const header = ['stage', 'unit', ...sizeKeys, ...growthKeys.map((k) => `growth ${k}`), 'budget', 'verdict', 'growth ≤ 1.2× data'];
	const body = rows.map((r) => [
		r.stage, r.unit, ...sizeKeys.map((k) => String(r.values[k])), ...growthKeys.map((k) => (r.growth[k] === undefined ? '' : `×${r.growth[k]}`)),
		r.budget, r.verdict, r.growth_verdict
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i].length)));
	const numeric = (i: number) => i >= 2 && i < 2 + sizeKeys.length + growthKeys.length;
	const render = (line: string[]) => line.map((cell, i) => (numeric(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
	return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(render)].join('\n');
}
