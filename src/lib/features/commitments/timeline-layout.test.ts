import { describe, expect, it } from 'vitest';
import type { CustomerTimeline } from '$lib/analysis/commitments-view-types';
import { DATA_END, deadline, msk, timeline, ZONE } from './test-timeline';
import {
	addDays,
	chooseLanes,
	conflictZooms,
	conflictLines,
	dayIn,
	dayTicks,
	DEFAULT_SIZE,
	fitText,
	layoutTimeline,
	shortId,
	startOfDay,
	timelineExtent,
	timeScale
} from './timeline-layout';

const DAY = 86_400_000;

describe('timeScale', () => {
	it('maps the ends of the domain onto the ends of the range', () => {
		const scale = timeScale([1_000, 3_000], [100, 500]);
		expect(scale.x(1_000)).toBe(100);
		expect(scale.x(2_000)).toBe(300);
		expect(scale.x(3_000)).toBe(500);
	});

	it('widens a domain of one instant to a day around it', () => {
		const scale = timeScale([DAY, DAY], [0, 100]);
		expect(scale.domain).toEqual([DAY / 2, DAY * 1.5]);
		expect(scale.x(DAY)).toBe(50);
	});
});

describe('days on the dataset clock', () => {
	it('tells the day of an instant in the zone, not in UTC', () => {
		// 23:30 in Moscow on 15 May is 20:30 UTC the same day; 01:00 on 16 May is still 15 May in UTC.
		expect(dayIn(msk('2024-05-16T01:00:00'), ZONE)).toBe('2024-05-16');
		expect(dayIn(msk('2024-05-15T23:59:59.999'), ZONE)).toBe('2024-05-15');
	});

	it('finds local midnight across a DST change', () => {
		expect(new Date(startOfDay('2024-05-15', ZONE)).toISOString()).toBe('2024-05-14T21:00:00.000Z');
		// Los Angeles moves from PST (-8) to PDT (-7) on 10 March 2024.
		expect(new Date(startOfDay('2024-03-10', 'America/Los_Angeles')).toISOString()).toBe('2024-03-10T08:00:00.000Z');
		expect(new Date(startOfDay('2024-03-11', 'America/Los_Angeles')).toISOString()).toBe('2024-03-11T07:00:00.000Z');
	});

	it('adds calendar days across months and years', () => {
		expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
	});
});

describe('dayTicks', () => {
	it('ticks every day when they fit', () => {
		const ticks = dayTicks(msk('2024-05-10T12:00:00'), msk('2024-05-14T12:00:00'), ZONE, 10);
		expect(ticks.map((t) => t.day)).toEqual(['2024-05-11', '2024-05-12', '2024-05-13', '2024-05-14']);
		expect(ticks.every((t) => t.at === startOfDay(t.day, ZONE))).toBe(true);
	});

	it('falls back to Mondays for a few weeks on a narrow axis', () => {
		const ticks = dayTicks(msk('2024-05-01T00:00:00'), msk('2024-05-31T00:00:00'), ZONE, 6);
		expect(ticks.map((t) => t.day)).toEqual(['2024-05-06', '2024-05-13', '2024-05-20', '2024-05-27']);
	});

	it('ticks the 1st of months for a long span', () => {
		const ticks = dayTicks(msk('2024-03-01T00:00:00'), msk('2024-07-10T00:00:00'), ZONE, 6);
		expect(ticks.map((t) => t.day)).toEqual(['2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01', '2024-07-01']);
	});

	it('keeps ticks on local midnight across a DST change', () => {
		const zone = 'America/Los_Angeles';
		const ticks = dayTicks(Date.parse('2024-03-09T12:00:00Z'), Date.parse('2024-03-12T12:00:00Z'), zone, 10);
		expect(ticks.map((t) => t.day)).toEqual(['2024-03-10', '2024-03-11', '2024-03-12']);
		const hour = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
		expect(ticks.map((t) => hour.format(t.at))).toEqual(['00:00', '00:00', '00:00']);
	});

	it('gives no ticks for an empty or reversed span', () => {
		expect(dayTicks(10, 5, ZONE, 5)).toEqual([]);
	});
});

describe('chooseLanes', () => {
	it('keeps every conversation under the limit, in time order', () => {
		expect(chooseLanes(timeline, 10)).toEqual(['30421885', '30422179', '30422348']);
	});

	it('over the limit keeps the conflict and the wait at its due time first, still in time order', () => {
		const crowded: CustomerTimeline = {
			...timeline,
			conversations: [
				{ conversation_id: 'early', department: 'Выплаты', started_at: msk('2024-04-01T10:00:00'), ended_at: msk('2024-04-01T11:00:00') },
				...timeline.conversations
			]
		};
		expect(chooseLanes(crowded, 2)).toEqual(['30421885', '30422179']);
		expect(chooseLanes(crowded, 3)).toEqual(['30421885', '30422179', '30422348']);
	});
});

describe('layoutTimeline', () => {
	const size = { ...DEFAULT_SIZE, width: 900 };
	const layout = layoutTimeline(timeline, DATA_END, ZONE, size);

	it('gives each conversation a lane and sizes the drawing by them', () => {
		expect(layout.lanes.map((l) => [l.conversation_id, l.department])).toEqual([
			['30421885', 'Проверка пункта'],
			['30422179', 'Бренд-менеджер'],
			['30422348', 'Техподдержка']
		]);
		expect(layout.height).toBe(size.top + 3 * size.laneHeight + size.bottom);
		expect(layout.lanes[1].y - layout.lanes[0].y).toBe(size.laneHeight);
	});

	it('draws the conflict line at the deadline mark, inside the plot', () => {
		const mark = layout.marks.find((m) => m.commitment.message_id === deadline.message_id)!;
		expect(mark.conflict).toBe(true);
		expect(layout.conflicts).toHaveLength(1);
		expect(layout.conflicts[0].x).toBe(mark.x);
		expect(mark.x).toBeGreaterThan(layout.plot[0]);
		expect(mark.x).toBeLessThan(layout.plot[1]);
		expect(mark.sentX).toBeLessThan(mark.x);
	});

	it('runs an unanswered wait to the end of the data', () => {
		const open = layout.waits.find((w) => w.to === null)!;
		const [d0, d1] = layout.domain;
		const endX = layout.plot[0] + ((DATA_END - d0) / (d1 - d0)) * (layout.plot[1] - layout.plot[0]);
		expect(open.x + open.width).toBeCloseTo(endX, 6);
	});

	it('draws a wait of minutes at least 2 px wide', () => {
		const short: CustomerTimeline = {
			...timeline,
			waiting: [{ conversation_id: '30421885', department: 'Проверка пункта', from: msk('2024-05-06T19:41:05'), to: msk('2024-05-06T19:42:05') }]
		};
		expect(layoutTimeline(short, DATA_END, ZONE, size).waits[0].width).toBe(2);
	});

	it('puts a label under its tick when ticks are weeks apart', () => {
		expect(layout.ticks.every((t) => t.labelX === t.x)).toBe(true);
	});

	it('puts the day ticks inside the plot, far enough apart for their labels', () => {
		expect(layout.ticks.length).toBeGreaterThan(1);
		for (const tick of layout.ticks) {
			expect(tick.x).toBeGreaterThanOrEqual(layout.plot[0]);
			expect(tick.x).toBeLessThanOrEqual(layout.plot[1]);
		}
		const gaps = layout.ticks.slice(1).map((t, i) => t.x - layout.ticks[i].x);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(size.tickSpacing);
	});

	it('reports the lanes left out over the limit', () => {
		expect(layoutTimeline(timeline, DATA_END, ZONE, size, 2).hidden).toBe(1);
	});

	it('spans everything it draws, up to the end of the data', () => {
		expect(timelineExtent(timeline, DATA_END)).toEqual([msk('2024-05-06T11:02:14'), DATA_END]);
	});

	it('draws a commitment due after the end of the data at the right edge', () => {
		const later = { ...timeline, commitments: [...timeline.commitments, { ...deadline, message_id: 'late', due_at: msk('2025-05-15T23:59:59') }] };
		const drawn = layoutTimeline(later, DATA_END, ZONE, size);
		expect(drawn.domain[1]).toBeLessThan(msk('2024-06-30T00:00:00'));
		const mark = drawn.marks.find((m) => m.commitment.message_id === 'late')!;
		expect(mark.beyond).toBe(true);
		expect(mark.x).toBe(drawn.plot[1]);
	});
});

describe('zooming in on a conflict', () => {
	const size = { ...DEFAULT_SIZE, width: 900 };

	it('offers each conflict with a window from before the wait it fell in to a few days after', () => {
		const zooms = conflictZooms(timeline);
		expect(zooms).toHaveLength(1);
		expect(zooms[0].commitment.message_id).toBe(deadline.message_id);
		// The owner waited for the brand manager from 10 May 10:41: the window opens a day before.
		expect(zooms[0].window).toEqual([msk('2024-05-09T10:41:18'), deadline.due_at + 4 * DAY]);
	});

	it('is not stretched back by an older wait still open at the due time', () => {
		const older: CustomerTimeline = {
			...timeline,
			waiting: [...timeline.waiting, { conversation_id: '30422348', department: 'Техподдержка', from: msk('2024-04-23T10:00:00'), to: null }]
		};
		expect(conflictZooms(older)[0].window[0]).toBe(msk('2024-05-09T10:41:18'));
	});

	it('draws only what falls in the window, cut to it, and the lanes open in it', () => {
		const zoomed = layoutTimeline(timeline, DATA_END, ZONE, size, Number.POSITIVE_INFINITY, conflictZooms(timeline)[0].window);
		expect(zoomed.lanes.map((l) => l.conversation_id)).toEqual(['30421885', '30422179', '30422348']);
		for (const bar of [...zoomed.waits, ...zoomed.spans]) {
			expect(bar.x).toBeGreaterThanOrEqual(zoomed.plot[0]);
			expect(bar.x + bar.width).toBeLessThanOrEqual(zoomed.plot[1] + 2);
		}
		// The wait of 6-7 May is before the window and left out; the open one from 17 May is cut at the window's end.
		expect(zoomed.waits.map((w) => w.conversation_id)).toEqual(['30422179', '30422348']);
		const open = zoomed.waits.find((w) => w.to === null)!;
		expect(open.x + open.width).toBeCloseTo(zoomed.plot[1], 6);
		expect(zoomed.conflicts).toHaveLength(1);
		// Days are ticked one by one at this scale, each label in the middle of its day: the deadline at 23:59 on
		// 15 May is after the label "15 May" and before the next day's line.
		const may15 = zoomed.ticks.find((t) => t.day === '2024-05-15')!;
		const may16 = zoomed.ticks.find((t) => t.day === '2024-05-16')!;
		expect(may15.labelX).toBeCloseTo((may15.x + may16.x) / 2, 6);
		expect(zoomed.conflicts[0].x).toBeGreaterThan(may15.labelX);
		expect(zoomed.conflicts[0].x).toBeLessThan(may16.x);
		expect(zoomed.ticks.length).toBeGreaterThanOrEqual(8);
	});

	it('leaves out the lanes of conversations over before the window', () => {
		const zoomed = layoutTimeline(timeline, DATA_END, ZONE, size, Number.POSITIVE_INFINITY, [msk('2024-05-20T00:00:00'), msk('2024-05-25T00:00:00')]);
		expect(zoomed.lanes.map((l) => l.conversation_id)).toEqual(['30421885', '30422348']);
	});
});

describe('conflictLines', () => {
	it('labels a line only when the last label is far enough to the left', () => {
		const lines = conflictLines(
			[
				{ message_id: 'b', at: 2, x: 130 },
				{ message_id: 'a', at: 1, x: 100 },
				{ message_id: 'c', at: 3, x: 300 }
			],
			96
		);
		expect(lines.map((l) => [l.message_id, l.labelled])).toEqual([
			['a', true],
			['b', false],
			['c', true]
		]);
	});
});

describe('labels', () => {
	it('shortens long ids from the left and leaves short ones', () => {
		expect(shortId('30422179')).toBe('30422179');
		expect(shortId('ticket-2024-000123456')).toBe('…00123456');
	});

	it('cuts a long department name with an ellipsis', () => {
		expect(fitText('Территориальный менеджер', 12)).toBe('Территориал…');
		expect(fitText('Выплаты', 12)).toBe('Выплаты');
	});
});
