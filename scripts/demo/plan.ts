/**
 * Who writes when: the pickup points and their owners, how many conversations each day gets, and the
 * queue that hands conversations to the simulation in the order of their first message.
 */
import { DAY, HOUR, SECOND, dayOfMonth, parseWallClock, wallClock, weekdayOf } from './clock';
import { FEMALE_NAMES, FEMALE_SHARE, MALE_NAMES, PATRONYMICS, REGIONS, REGION_WEIGHTS, SURNAMES } from './data/people';
import { STORY, STORY_POINT } from './data/story';
import { TOPICS } from './data/topics';
import { WeightedTable, type Rng } from './random';
import type { ConversationSpec, Point, Region } from './types';

/** 1 March - 30 June 2024. */
export const PERIOD_START = wallClock(2024, 3, 1);
export const PERIOD_DAYS = 122;

/** Owners write from early morning to late evening, most around opening time; a few at night. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 3, 6, 9, 10, 10, 9, 8, 8, 8, 8, 8, 7, 7, 7, 6, 4, 2];
/** Sunday .. Saturday. */
const WEEKDAY_WEIGHTS = [0.55, 1.15, 1.05, 1, 1, 0.95, 0.7];
const STORY_TOPIC = TOPICS.find((topic) => topic.key === 'rebranding')!;
/** While her story runs, the story's owner opens no random conversations that could contradict it. */
const STORY_QUIET = { from: wallClock(2024, 5, 1), to: wallClock(2024, 6, 16) };
/** Payout questions crowd the first ten days of a month, when the acts come out. */
const EARLY_MONTH_BOOST: Record<string, number> = { payout: 2.5, tariff: 1.5 };

export function buildPoints(rng: Rng, count: number): Point[] {
	const points: Point[] = [STORY_POINT];
	const ids = new Set([STORY_POINT.id]);
	const regions = new WeightedTable(REGIONS, (_, i) => REGION_WEIGHTS[i]);
	// Numbers up to 2999 in each region, more when there are that many points (the demo's 60 draw as they always did).
	const numbers = Math.max(2999, count);
	while (points.length < count) {
		const region = regions.draw(rng);
		const id = `ПВЗ-${region.code}-${String(rng.int(1, numbers)).padStart(4, '0')}`;
		if (ids.has(id)) continue;
		ids.add(id);
		points.push(makePoint(rng, id, region));
	}
	return points;
}

function makePoint(rng: Rng, id: string, region: Region): Point {
	const female = rng.chance(FEMALE_SHARE);
	const first = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
	const patronymic = rng.pick(PATRONYMICS)[female ? 0 : 1];
	const surname = rng.pick(SURNAMES) + (female ? 'а' : '');
	const formal = `${first} ${patronymic}`;
	return { id, region, sender: `${surname} ${first}`, female, addresses: [first, formal, formal, 'коллеги'], activity: rng.lognormal(1, 0.8) };
}

/** Conversations per day summing exactly to `total`: busier on Mondays, quieter at weekends, growing slowly. */
export function dailyCounts(total: number): number[] {
	const weights = Array.from({ length: PERIOD_DAYS }, (_, day) => {
		const weekday = weekdayOf(PERIOD_START + day * DAY);
		return WEEKDAY_WEIGHTS[weekday] * (1 + (0.2 * day) / PERIOD_DAYS);
	});
	const sum = weights.reduce((a, b) => a + b, 0);
	let cumulative = 0;
	let assigned = 0;
	return weights.map((weight) => {
		cumulative += weight;
		const upTo = Math.round((total * cumulative) / sum);
		const count = upTo - assigned;
		assigned = upTo;
		return count;
	});
}

/**
 * Hands out conversations in order of their first message, one day at a time (a day of even a
 * million-message run is a couple of thousand specs). Conversations opened because another section
 * sent the owner away are queued in between and take the place of one planned later, so the total stays.
 */
export class StartQueue {
	private readonly counts: number[];
	private readonly pointTable: WeightedTable<Point>;
	private readonly topicTable = new WeightedTable(TOPICS, (t) => t.weight);
	private readonly earlyTopicTable = new WeightedTable(TOPICS, (t) => t.weight * (EARLY_MONTH_BOOST[t.key] ?? 1));
	private readonly hourTable = new WeightedTable(HOUR_WEIGHTS.map((_, h) => h), (h) => HOUR_WEIGHTS[h]);
	private today: ConversationSpec[] = [];
	private todayIndex = 0;
	private nextDay = 0;
	private readonly pending: ConversationSpec[] = [];

	constructor(
		private readonly rng: Rng,
		points: readonly Point[],
		total: number
	) {
		this.counts = dailyCounts(Math.max(0, total - STORY.length));
		this.pointTable = new WeightedTable(points, (p) => p.activity);
	}

	next(): ConversationSpec | undefined {
		while (this.todayIndex >= this.today.length && this.nextDay < PERIOD_DAYS) this.loadDay(this.nextDay++);
		const planned = this.today[this.todayIndex];
		const spawned = this.pending[0];
		if (spawned && (!planned || spawned.start <= planned.start)) return this.pending.shift();
		if (planned) this.todayIndex++;
		return planned;
	}

	/**
	 * Queues a follow-on conversation in place of one planned for a later day, so the total stays;
	 * near the end of the period, with nothing left to replace, the follow-on is not opened.
	 */
	spawn(spec: ConversationSpec): void {
		const from = this.nextDay + this.rng.int(0, 3);
		const later = this.counts.findIndex((count, day) => day >= from && count > 0);
		if (later === -1) return;
		this.counts[later]--;
		const at = this.pending.findIndex((other) => other.start > spec.start);
		this.pending.splice(at === -1 ? this.pending.length : at, 0, spec);
	}

	private loadDay(day: number): void {
		const dayStart = PERIOD_START + day * DAY;
		const specs: ConversationSpec[] = [];
		for (let i = 0; i < this.counts[day]; i++) specs.push(this.plannedSpec(dayStart));
		for (const script of STORY) {
			const start = parseWallClock(script.messages[0].at);
			if (start >= dayStart && start < dayStart + DAY) specs.push({ start, point: STORY_POINT, topic: STORY_TOPIC, section: script.section, script });
		}
		this.today = specs.sort((a, b) => a.start - b.start);
		this.todayIndex = 0;
	}

	private plannedSpec(dayStart: number): ConversationSpec {
		const { rng } = this;
		const topic = (dayOfMonth(dayStart) <= 10 ? this.earlyTopicTable : this.topicTable).draw(rng);
		const start = dayStart + this.hourTable.draw(rng) * HOUR + rng.int(0, 3599) * SECOND;
		let point = this.pointTable.draw(rng);
		while (point === STORY_POINT && start >= STORY_QUIET.from && start < STORY_QUIET.to) point = this.pointTable.draw(rng);
		return { start, point, topic, section: rng.weighted(topic.sections) };
	}
}
