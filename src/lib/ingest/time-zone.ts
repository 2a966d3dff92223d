/**
 * Time-zone arithmetic without a time-zone library: the offsets come from Intl.DateTimeFormat (the browser's
 * and Node's ICU data) and are cached, because formatToParts costs microseconds and an import converts
 * every row. DuckDB-WASM has no ICU data, so this is the only place zones are applied (STYLE.md).
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Cache entries kept per zone before the cache is emptied (about 11 years of hours). */
const MAX_CACHED_HOURS = 100_000;

/** Cached offsets of one zone. */
interface ZoneCache {
	/** Formats an instant as wall-clock parts in the zone. */
	format: Intl.DateTimeFormat;
	/** UTC hour index -> offset (ms) valid for the whole hour. */
	byUtcHour: Map<number, number>;
	/** Local (wall-clock) hour index -> offset (ms) valid for every wall time in that hour. */
	byLocalHour: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();
// The last zone used: an import converts a million rows in the same zone, so skip even the Map lookup.
let lastZone = '';
let lastCache: ZoneCache | null = null;

/** The zone this browser or process runs in, or 'UTC' when it cannot be told. */
export function defaultTimeZone(): string {
	try {
		const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
		return zone && isValidTimeZone(zone) ? zone : 'UTC';
	} catch {
		return 'UTC';
	}
}

/** Whether `timeZone` is an IANA zone (or alias such as 'UTC') that Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
	if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

function zoneCache(timeZone: string): ZoneCache {
	if (timeZone === lastZone && lastCache) return lastCache;
	let cache = zones.get(timeZone);
	if (!cache) {
		cache = { format: makeFormat(timeZone), byUtcHour: new Map(), byLocalHour: new Map() };
		zones.set(timeZone, cache);
	}
	lastZone = timeZone;
	lastCache = cache;
	return cache;
}

function makeFormat(timeZone: string): Intl.DateTimeFormat {
	try {
		return new Intl.DateTimeFormat('en-US', {
			timeZone,
			// h23: with hour12 false some engines print midnight as 24.
			hourCycle: 'h23',
			era: 'short',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
	} catch {
		throw new RangeError(`unknown time zone '${timeZone}'`);
	}
}

/** Date.UTC, but years 0-99 are not read as 1900-1999. */
export function utcFromFields(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
	const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	if (y >= 100 || y < 0) return t;
	const date = new Date(t);
	date.setUTCFullYear(y);
	return date.getTime();
}

/** Offset (ms) of the zone at `utcMs`, straight from Intl (second precision, which is all tzdb has). */
function computeOffset(format: Intl.DateTimeFormat, utcMs: number): number {
	const whole = Math.floor(utcMs / 1000) * 1000;
	let y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0, bc = false;
	for (const part of format.formatToParts(whole)) {
		const n = Number(part.value);
		switch (part.type) {
			case 'year': y = n; break;
			case 'month': mo = n; break;
			case 'day': d = n; break;
			case 'hour': h = n; break;
			case 'minute': mi = n; break;
			case 'second': s = n; break;
			case 'era': bc = part.value.startsWith('B'); break;
		}
	}
	return utcFromFields(bc ? 1 - y : y, mo, d, h, mi, s, 0) - whole;
}

/** Offset (ms) at `utcMs`, cached per UTC hour when the offset holds for the whole hour. */
function offsetMs(cache: ZoneCache, utcMs: number): number {
	if (!Number.isFinite(utcMs)) return NaN;
	const hour = Math.floor(utcMs / HOUR);
	const cached = cache.byUtcHour.get(hour);
	if (cached !== undefined) return cached;
	const start = computeOffset(cache.format, hour * HOUR);
	const end = computeOffset(cache.format, hour * HOUR + HOUR - 1000);
	// An hour with a transition inside it (old local-mean-time changes are not on the hour) is not cached.
	if (start !== end) return computeOffset(cache.format, utcMs);
	if (cache.byUtcHour.size >= MAX_CACHED_HOURS) cache.byUtcHour.clear();
	cache.byUtcHour.set(hour, start);
	return start;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in minutes (Moscow: 180, New York in winter: -300). */
export function offsetMinutes(utcMs: number, timeZone: string): number {
	return offsetMs(zoneCache(timeZone), utcMs) / MINUTE;
}

/** The instant `utcMs` as wall-clock time in `timeZone`, expressed as epoch ms of that wall clock read as UTC. */
export function utcToLocalMs(utcMs: number, timeZone: string): number {
	if (timeZone === 'UTC') return utcMs;
	return utcMs + offsetMs(zoneCache(timeZone), utcMs);
}

/**
 * Wall-clock time in an IANA zone -> epoch ms UTC. Month is 1-12. Fields are not validated (Date.UTC rolls
 * them over); the caller checks them. A wall time skipped by a DST change (02:30 on a spring-forward night)
 * is moved forward by the gap (03:30 new time); one that occurs twice (autumn) takes the earlier instant.
 * These are the rules of java.time, Temporal's 'compatible' disambiguation and most chat servers.
 */
export function localToUtc(
	y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, timeZone: string
): number {
	const wall = utcFromFields(y, mo, d, h, mi, s, ms);
	if (timeZone === 'UTC' || Number.isNaN(wall)) return wall;
	const cache = zoneCache(timeZone);
	const localHour = Math.floor(wall / HOUR);
	const cached = cache.byLocalHour.get(localHour);
	if (cached !== undefined) return wall - cached;
	const steady = steadyOffset(cache, localHour * HOUR);
	if (steady === null) return resolveWall(cache, wall);
	if (cache.byLocalHour.size >= MAX_CACHED_HOURS) cache.byLocalHour.clear();
	cache.byLocalHour.set(localHour, steady);
	return wall - steady;
}

/**
 * The offset every wall time of the local hour starting at `wallHour` has, or null when a transition is near.
 * Offsets stay within ±1 day of any wall time, and tzdb never has two changes within two days of each
 * other, so equal offsets a day either side mean no change in between.
 */
function steadyOffset(cache: ZoneCache, wallHour: number): number | null {
	const before = offsetMs(cache, wallHour - DAY);
	const after = offsetMs(cache, wallHour + HOUR + DAY);
	return before === after ? before : null;
}

/** Resolves one wall time near a transition: see localToUtc for the rules. */
function resolveWall(cache: ZoneCache, wall: number): number {
	const before = offsetMs(cache, wall - DAY);
	const after = offsetMs(cache, wall + DAY);
	const early = wall - before;
	const late = wall - after;
	const candidates = [early, late].filter((t) => offsetMs(cache, t) === wall - t);
	if (candidates.length > 0) return Math.min(...candidates);
	// In the gap: read the wall time with the offset in force before the change, which lands after it.
	return early;
}

/** The instant as ISO 8601 wall time with the zone's offset: `2024-05-10T12:15:00+03:00` (`.250` only when non-zero). */
export function formatIsoWithOffset(utcMs: number, timeZone: string): string {
	if (!Number.isFinite(utcMs)) throw new RangeError(`${utcMs} is not an instant`);
	const offset = offsetMs(zoneCache(timeZone), utcMs);
	const local = new Date(utcMs + offset);
	const year = local.getUTCFullYear();
	const date = `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)}`;
	const time = `${pad(local.getUTCHours(), 2)}:${pad(local.getUTCMinutes(), 2)}:${pad(local.getUTCSeconds(), 2)}`;
	const ms = local.getUTCMilliseconds();
	return `${date}T${time}${ms ? '.' + pad(ms, 3) : ''}${formatOffset(offset)}`;
}

function formatOffset(offset: number): string {
	const sign = offset < 0 ? '-' : '+';
	const total = Math.abs(offset) / 1000;
	const hh = Math.floor(total / 3600);
	const mm = Math.floor((total % 3600) / 60);
	const ss = total % 60;
	// Only pre-1900 local mean times have seconds in their offset; ISO has no field for them, RFC 9557 does.
	return `${sign}${pad(hh, 2)}:${pad(mm, 2)}${ss ? ':' + pad(ss, 2) : ''}`;
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}
