/**
 * The geometry of a customer's commitments timeline (pure, tested in Node): the time scale, the day ticks on the
 * dataset's wall clock, which conversations get a lane, and where each wait, commitment and conflict is drawn.
 * The component only turns these numbers into SVG and adds the texts.
 */
import type { CustomerTimeline } from '$lib/analysis/commitments-view-types';
import type { Commitment } from '$lib/commitments/types';
import { localToUtc, utcToLocalMs } from '$lib/ingest/time-zone';

const DAY_MS = 86_400_000;

/** A linear map from instants (epoch ms) to x pixels. */
export interface TimeScale {
	/** x of an instant (not clamped). */
	x: (at: number) => number;
	/** The instants at the two ends of the plot. */
	domain: [number, number];
	/** The plot's left and right x. */
	range: [number, number];
}

/** A scale that maps `domain` onto `range`; a domain of one instant is widened to a day around it. */
export function timeScale(domain: [number, number], range: [number, number]): TimeScale {
	let [d0, d1] = domain;
	if (!(d1 > d0)) [d0, d1] = [d0 - DAY_MS / 2, d0 + DAY_MS / 2];
	const [r0, r1] = range;
	const k = (r1 - r0) / (d1 - d0);
	return { x: (at) => r0 + (at - d0) * k, domain: [d0, d1], range: [r0, r1] };
}

/** 'YYYY-MM-DD' of an instant on the wall clock of `timeZone`. */
export function dayIn(at: number, timeZone: string): string {
	return new Date(utcToLocalMs(at, timeZone)).toISOString().slice(0, 10);
}

/** The instant the day 'YYYY-MM-DD' starts in `timeZone` (its local midnight). */
export function startOfDay(day: string, timeZone: string): number {
	const [y, m, d] = day.split('-').map(Number);
	return localToUtc(y, m, d, 0, 0, 0, 0, timeZone);
}

/** The day `n` days after 'YYYY-MM-DD' (calendar arithmetic, no zone). */
export function addDays(day: string, n: number): string {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** A tick of the time axis: a local midnight. */
export interface DayTick {
	/** The instant (local midnight in the dataset's zone). */
	at: number;
	/** Its day, 'YYYY-MM-DD' on the dataset's wall clock (the component writes it in the UI language). */
	day: string;
}

/** Steps between ticks, in days; 7 and 14 start on Mondays so that a week reads as a week. */
const DAY_STEPS = [1, 2, 3, 7, 14] as const;
/** Beyond two weeks: steps of whole months, ticks on the 1st. */
const MONTH_STEPS = [1, 2, 3, 6, 12] as const;

/** Whether 'YYYY-MM-DD' is a Monday. */
function isMonday(day: string): boolean {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 1;
}

/** Every local midnight in [from, to], each day of the span (the candidates ticks are chosen from). */
function midnights(from: number, to: number, timeZone: string): DayTick[] {
	const out: DayTick[] = [];
	for (let day = dayIn(from, timeZone); ; day = addDays(day, 1)) {
		const at = startOfDay(day, timeZone);
		if (at > to) break;
		if (at >= from) out.push({ at, day });
		if (out.length > 20_000) break; // centuries: no chart shows that many days
	}
	return out;
}

/**
 * Ticks at local midnights of `timeZone` between `from` and `to`, at most `maxTicks` of them: every day when they
 * fit, else every 2 or 3 days, every Monday, every other Monday, then the 1st of every 1, 2, 3, 6 or 12 months.
 * Ticks are days on the wall clock, so a DST change does not shift them off midnight.
 */
export function dayTicks(from: number, to: number, timeZone: string, maxTicks: number): DayTick[] {
	if (!(to >= from) || maxTicks < 1) return [];
	const all = midnights(from, to, timeZone);
	for (const step of DAY_STEPS) {
		const ticks = step < 7 ? all.filter((_, i) => i % step === 0) : all.filter((t) => isMonday(t.day)).filter((_, i) => i % (step / 7) === 0);
		if (ticks.length <= maxTicks && (step < 7 || ticks.length > 0)) return ticks;
	}
	const firsts = all.filter((t) => t.day.endsWith('-01'));
	for (const step of MONTH_STEPS) {
		const ticks = firsts.filter((t) => (Number(t.day.slice(5, 7)) - 1) % step === 0);
		if (ticks.length <= maxTicks) return ticks;
	}
	return firsts.filter((t) => t.day.slice(5, 7) === '01').slice(0, maxTicks);
}

/**
 * The instants the timeline must show: its conversations, waits and when commitments were made, up to the end of the
 * data. Due times are left out: a promise "within 30 days" made on the last day (or a date read into next year)
 * would stretch the axis far past the data; such marks are drawn at the right edge instead (`beyond`).
 */
export function timelineExtent(timeline: CustomerTimeline, dataEnd: number | null): [number, number] | null {
	const times: number[] = [];
	for (const c of timeline.conversations) times.push(c.started_at, c.ended_at);
	for (const w of timeline.waiting) times.push(w.from, w.to ?? dataEnd ?? w.from);
	for (const c of timeline.commitments) times.push(c.sent_at);
	const finite = times.filter(Number.isFinite);
	if (!finite.length) return null;
	const end = Math.max(...finite, dataEnd ?? Number.NEGATIVE_INFINITY);
	// Due times within the data count (a deadline set before the first message of the lane, due inside it).
	const dues = timeline.commitments.map((c) => c.due_at).filter((at) => Number.isFinite(at) && at <= end);
	return [Math.min(...finite, ...dues), end];
}

/** A conversation's lane. */
export interface Lane {
	conversation_id: string;
	department: string | null;
	/** Index from the top. */
	index: number;
	/** Centre line of the lane. */
	y: number;
}

/**
 * The conversations that get a lane, at most `limit`, in the timeline's order (first started first). When there
 * are more, those with a conflict come first, then those where the customer waited at a conflict's due time, then
 * those with commitments, then the rest: the lanes that tell the story are never the ones left out.
 */
export function chooseLanes(timeline: CustomerTimeline, limit: number): string[] {
	const ids = timeline.conversations.map((c) => c.conversation_id);
	if (ids.length <= limit) return ids;
	const conflictIds = new Set(timeline.conflicts);
	const conflicts = timeline.commitments.filter((c) => conflictIds.has(c.message_id));
	const rank = (id: string): number => {
		if (conflicts.some((c) => c.conversation_id === id)) return 0;
		const waitedThen = timeline.waiting.some(
			(w) => w.conversation_id === id && conflicts.some((c) => w.from <= c.due_at && (w.to === null || c.due_at < w.to))
		);
		if (waitedThen) return 1;
		if (timeline.commitments.some((c) => c.conversation_id === id)) return 2;
		return 3;
	};
	const kept = new Set(
		ids
			.map((id, order) => ({ id, order, rank: rank(id) }))
			.sort((a, b) => a.rank - b.rank || a.order - b.order)
			.slice(0, limit)
			.map((e) => e.id)
	);
	return ids.filter((id) => kept.has(id));
}

/** Sizes of the drawing, in CSS pixels. */
export interface TimelineSize {
	/** Total width. */
	width: number;
	/** Left column with the lane labels. */
	gutter: number;
	/** Height of one lane. */
	laneHeight: number;
	/** Band above the lanes (conflict labels). */
	top: number;
	/** Band under the lanes (the time axis). */
	bottom: number;
	/** Space kept right of the plot (the last tick's label). */
	right: number;
	/** Least space between two tick labels. */
	tickSpacing: number;
}

export const DEFAULT_SIZE: Omit<TimelineSize, 'width'> = { gutter: 220, laneHeight: 40, top: 26, bottom: 52, right: 36, tickSpacing: 64 };

/** A wait drawn as a bar. */
export interface WaitBar {
	conversation_id: string;
	lane: number;
	x: number;
	/** At least 2 px, so that a wait of minutes still shows on a chart of months. */
	width: number;
	from: number;
	/** null: no answer before the end of the data (the bar runs to the end). */
	to: number | null;
}

/** A commitment drawn at its due time, with a thin line back to when it was made. */
export interface CommitmentMark {
	commitment: Commitment;
	lane: number;
	x: number;
	/** x of `sent_at`. */
	sentX: number;
	/** It is a deadline in conflict. */
	conflict: boolean;
	/** Due after the end of the plot: drawn at its right edge, pointing on. */
	beyond: boolean;
}

/** A conflict's due time, a vertical line across the lanes. */
export interface ConflictLine {
	message_id: string;
	x: number;
	at: number;
	/** The label at the top is drawn (it does not run into the one before). */
	labelled: boolean;
}

/** Everything the SVG draws. */
export interface TimelineLayout {
	width: number;
	height: number;
	/** Plot area: x from `plot[0]` to `plot[1]`, lanes from `laneTop` to `laneBottom`. */
	plot: [number, number];
	/** The instants at the plot's two ends. */
	domain: [number, number];
	laneTop: number;
	laneBottom: number;
	lanes: Lane[];
	/** The conversations' spans (first to last message). */
	spans: { conversation_id: string; lane: number; x: number; width: number }[];
	waits: WaitBar[];
	marks: CommitmentMark[];
	conflicts: ConflictLine[];
	/** Ticks with the x of their line (midnight) and of their label: mid-day when every day has a tick, so the label
	 * sits in the day it names (a deadline at 23:59 falls at the end of its day's label, not under the next one). */
	ticks: (DayTick & { x: number; labelX: number })[];
	/** The plot spans more than one calendar year: tick labels carry the year (and are spaced for it). */
	multiYear: boolean;
	/** How many conversations have no lane (over the limit). */
	hidden: number;
}

/**
 * Lays out `timeline` at `size.width`: one lane per chosen conversation (see `chooseLanes`), the time scale over
 * everything drawn plus a little margin, day ticks that keep `tickSpacing` between them, and the marks.
 */
export function layoutTimeline(
	timeline: CustomerTimeline,
	dataEnd: number | null,
	timeZone: string,
	size: TimelineSize,
	laneLimit = Number.POSITIVE_INFINITY,
	window?: [number, number]
): TimelineLayout {
	// Zoomed in, only the conversations that were open during the window get a lane.
	const visible: CustomerTimeline = window
		? { ...timeline, conversations: timeline.conversations.filter((c) => c.started_at <= window[1] && lastActivity(timeline, c.conversation_id, c.ended_at, dataEnd) >= window[0]) }
		: timeline;
	const shown = chooseLanes(visible, laneLimit);
	const laneOf = new Map(shown.map((id, i) => [id, i]));
	const laneTop = size.top;
	const laneBottom = laneTop + shown.length * size.laneHeight;
	const plot: [number, number] = [size.gutter, Math.max(size.gutter + 40, size.width - size.right)];
	const extent = timelineExtent(timeline, dataEnd) ?? [0, DAY_MS];
	const pad = Math.max((extent[1] - extent[0]) * 0.02, 3_600_000);
	const scale = timeScale(window ?? [extent[0] - pad, extent[1] + pad], plot);
	const [start, end] = scale.domain;
	const laneY = (lane: number) => laneTop + lane * size.laneHeight + size.laneHeight / 2;
	// A bar cut to the plot; null when it lies wholly outside it (zoomed in).
	const span = (from: number, to: number, min: number) => {
		if (to < start || from > end) return null;
		const x = scale.x(Math.max(from, start));
		return { x, width: Math.max(min, scale.x(Math.min(to, end)) - x) };
	};

	const lanes: Lane[] = shown.map((id, index) => {
		const c = timeline.conversations.find((conv) => conv.conversation_id === id)!;
		return { conversation_id: id, department: c.department, index, y: laneY(index) };
	});
	const spans = timeline.conversations.flatMap((c) => {
		const bar = laneOf.has(c.conversation_id) ? span(c.started_at, c.ended_at, 1) : null;
		return bar ? [{ conversation_id: c.conversation_id, lane: laneOf.get(c.conversation_id)!, ...bar }] : [];
	});
	const waits: WaitBar[] = timeline.waiting.flatMap((w) => {
		const bar = laneOf.has(w.conversation_id) ? span(w.from, w.to ?? dataEnd ?? end, 2) : null;
		return bar ? [{ conversation_id: w.conversation_id, lane: laneOf.get(w.conversation_id)!, from: w.from, to: w.to, ...bar }] : [];
	});
	const conflictIds = new Set(timeline.conflicts);
	const marks: CommitmentMark[] = timeline.commitments
		.filter((c) => laneOf.has(c.conversation_id) && c.due_at >= start && c.sent_at <= end)
		.map((c) => {
			const beyond = c.due_at > end;
			const sentX = scale.x(Math.max(c.sent_at, start));
			return { commitment: c, lane: laneOf.get(c.conversation_id)!, x: beyond ? plot[1] : scale.x(c.due_at), sentX, conflict: conflictIds.has(c.message_id), beyond };
		});
	// One line per due time: two deadlines of one message falling at once are one moment on the drawing.
	const conflictAt = new Map(
		timeline.commitments
			.filter((c) => conflictIds.has(c.message_id) && c.due_at >= start && c.due_at <= end)
			.map((c) => [`${c.message_id}|${c.due_at}`, c])
	);
	const conflicts = conflictLines(
		[...conflictAt.values()].map((c) => ({ message_id: c.message_id, at: c.due_at, x: scale.x(c.due_at) })),
		size.tickSpacing * 1.5
	);
	const multiYear = dayIn(scale.domain[0], timeZone).slice(0, 4) !== dayIn(scale.domain[1], timeZone).slice(0, 4);
	// "1 мар. 2024 г." is about half as long again as "1 мар.".
	const spacing = size.tickSpacing * (multiYear ? 1.7 : 1);
	const maxTicks = Math.max(1, Math.floor((plot[1] - plot[0]) / spacing));
	const days = dayTicks(scale.domain[0], scale.domain[1], timeZone, maxTicks);
	const daily = days.length > 1 && days[1].at - days[0].at <= DAY_MS + 3_600_000;
	const ticks = days
		.map((t) => ({ ...t, x: scale.x(t.at), labelX: daily ? scale.x(startOfDay(addDays(t.day, 1), timeZone) / 2 + t.at / 2) : scale.x(t.at) }))
		.filter((t) => t.labelX <= plot[1]);
	return {
		width: size.width,
		height: laneBottom + size.bottom,
		plot,
		domain: scale.domain,
		laneTop,
		laneBottom,
		lanes,
		spans,
		waits,
		marks,
		conflicts,
		ticks,
		multiYear,
		hidden: visible.conversations.length - shown.length
	};
}

/** The last instant a conversation shows anything: its last message, or the end of a wait that ran past it. */
function lastActivity(timeline: CustomerTimeline, id: string, endedAt: number, dataEnd: number | null): number {
	let last = endedAt;
	for (const w of timeline.waiting) if (w.conversation_id === id) last = Math.max(last, w.to ?? dataEnd ?? Number.POSITIVE_INFINITY);
	return last;
}

/** A conflict the timeline can zoom in on. */
export interface ConflictZoom {
	/** Stable key (message and due time). */
	key: string;
	commitment: Commitment;
	/** The span to show, around the deadline (see `conflictZooms`). */
	window: [number, number];
}

/** Three weeks: how far back a zoom reaches for the start of a wait. */
const ZOOM_BACK_MS = 21 * DAY_MS;

/**
 * The conflicts of a timeline, first due first, each with a window around it: from a day before the deadline was set
 * or the latest wait it fell in began, whichever is first (at least three days, at most three weeks back), to four
 * days after it.
 */
export function conflictZooms(timeline: CustomerTimeline): ConflictZoom[] {
	const ids = new Set(timeline.conflicts);
	const seen = new Set<string>();
	const zooms: ConflictZoom[] = [];
	for (const c of [...timeline.commitments].sort((a, b) => a.due_at - b.due_at)) {
		const key = `${c.message_id}|${c.due_at}`;
		if (!ids.has(c.message_id) || seen.has(key)) continue;
		seen.add(key);
		// The latest wait rather than the earliest: an old unanswered "?" in another chat would stretch the window to
		// weeks; older waits still show, as bars that run in from the left edge.
		const latestWait = timeline.waiting
			.filter((w) => w.conversation_id !== c.conversation_id && w.from <= c.due_at && (w.to === null || c.due_at < w.to))
			.reduce((max, w) => Math.max(max, w.from), Number.NEGATIVE_INFINITY);
		const opened = Math.min(c.sent_at, latestWait, c.due_at - 3 * DAY_MS);
		const from = Math.max(opened, c.due_at - ZOOM_BACK_MS) - DAY_MS;
		zooms.push({ key, commitment: c, window: [from, c.due_at + 4 * DAY_MS] });
	}
	return zooms;
}

/** Conflict lines left to right; a label is drawn only when the last drawn one is at least `gap` px to the left. */
export function conflictLines(lines: readonly { message_id: string; at: number; x: number }[], gap: number): ConflictLine[] {
	let lastLabel = Number.NEGATIVE_INFINITY;
	return [...lines]
		.sort((a, b) => a.x - b.x)
		.map((line) => {
			const labelled = line.x - lastLabel >= gap;
			if (labelled) lastLabel = line.x;
			return { ...line, labelled };
		});
}

/** A short form of a conversation id for a lane label: long ids keep their last 8 characters ("…30422179"). */
export function shortId(id: string, keep = 8): string {
	return id.length <= keep + 1 ? id : `…${id.slice(-keep)}`;
}

/** `text` cut to `maxChars` with "…" (a lane label must stay inside its column). */
export function fitText(text: string, maxChars: number): string {
	return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}
