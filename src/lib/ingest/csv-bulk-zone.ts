/**
 * Zone arithmetic for the bulk CSV path as SQL: DuckDB-WASM has no ICU offline (docs/duckdb-wasm-notes.md), so the
 * offsets of the plan's zone over the data's time range are read here from the same functions the TS path uses
 * (time-zone.ts, Intl underneath) and written into the SQL as a small CASE over the zone's transitions.
 */
import { localToUtc, utcToLocalMs } from './time-zone';

const SECOND = 1000;
const DAY = 86_400_000;
/** More transitions than this (centuries of data) and the bulk path gives way to the TS path. */
const MAX_TRANSITIONS = 1000;

/** One change of the zone's UTC offset. */
export interface Transition {
	/** First whole UTC second (epoch ms) with the new offset. */
	at: number;
	/** Offset (ms) before and from `at` on. */
	before: number;
	after: number;
}

/** The zone's offsets over a UTC range: the one in force at its start and every change inside it. */
export interface ZonePeriods {
	initial: number;
	transitions: Transition[];
}

function offsetAt(utcMs: number, timeZone: string): number {
	return utcToLocalMs(utcMs, timeZone) - utcMs;
}

/**
 * The offsets of `timeZone` over [fromMs, toMs]: sampled once a day (tzdb never changes a zone's offset twice within
 * two days, the same assumption time-zone.ts makes), each change then found to the second by bisection.
 * Null when the range holds more transitions than MAX_TRANSITIONS.
 */
export function zonePeriods(timeZone: string, fromMs: number, toMs: number): ZonePeriods | null {
	const start = Math.floor(fromMs / DAY) * DAY;
	const initial = offsetAt(start, timeZone);
	const transitions: Transition[] = [];
	let previous = initial;
	for (let t = start + DAY; t <= toMs + DAY; t += DAY) {
		const offset = offsetAt(t, timeZone);
		if (offset === previous) continue;
		transitions.push({ at: firstSecondWith(t - DAY, t, previous, timeZone), before: previous, after: offset });
		if (transitions.length > MAX_TRANSITIONS) return null;
		previous = offset;
	}
	return { initial, transitions };
}

/** The first whole second in (lo, hi] whose offset is not `old`; `lo` has `old`, `hi` does not. */
function firstSecondWith(lo: number, hi: number, old: number, timeZone: string): number {
	let a = lo / SECOND;
	let b = hi / SECOND;
	while (b - a > 1) {
		const mid = Math.floor((a + b) / 2);
		if (offsetAt(mid * SECOND, timeZone) === old) a = mid;
		else b = mid;
	}
	return b * SECOND;
}

/**
 * The wall-clock time from which each transition's new offset applies when reading local times (localToUtc): a
 * skipped wall time reads with the old offset and lands after the change; a repeated one takes the earlier instant.
 * Both come to: wall < at + max(before, after) -> before. Checked against localToUtc itself at each boundary;
 * null if it disagrees (then the TS path is used).
 */
export function wallBoundaries(periods: ZonePeriods, timeZone: string): number[] | null {
	const bounds: number[] = [];
	for (const { at, before, after } of periods.transitions) {
		const bound = at + Math.max(before, after);
		if (bounds.length > 0 && bound <= bounds[bounds.length - 1]) return null;
		for (const [wall, offset] of [[bound - 1, before], [bound, after], [bound - DAY / 2, before], [bound + DAY / 2, after]]) {
			if (wallToUtc(wall, timeZone) !== wall - offset) return null;
		}
		bounds.push(bound);
	}
	return bounds;
}

/** localToUtc for a wall time given as epoch ms of that wall clock read as UTC. */
function wallToUtc(wall: number, timeZone: string): number {
	const d = new Date(wall);
	return localToUtc(
		d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(),
		d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds(), timeZone
	);
}

/**
 * A SQL expression: the offset (ms) for `expr` given the ascending `bounds` and the offsets between them
 * (`offsets.length === bounds.length + 1`), as a balanced tree of CASEs so that each row makes log2(n) comparisons.
 */
export function offsetCaseSql(expr: string, bounds: number[], offsets: number[]): string {
	if (bounds.length === 0) return String(offsets[0]);
	const mid = Math.floor(bounds.length / 2);
	const left = offsetCaseSql(expr, bounds.slice(0, mid), offsets.slice(0, mid + 1));
	const right = offsetCaseSql(expr, bounds.slice(mid + 1), offsets.slice(mid + 1));
	return `(CASE WHEN ${expr} < ${bounds[mid]} THEN ${left} ELSE ${right} END)`;
}

/** Offsets in force between the transitions: the initial one, then each `after`. */
export function offsetsOf(periods: ZonePeriods): number[] {
	return [periods.initial, ...periods.transitions.map((t) => t.after)];
}
