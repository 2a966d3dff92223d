import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { openNodeDb } from '$lib/db/node';
import { businessClockMsSql, formatBusinessHours, parseBusinessHours, sameBusinessHours } from './business-hours';
import { readConversations, readMessages } from './figures';
import { messageMaker, openTestDb } from './test-chats';
import type { BusinessHours } from './view-types';

const WEEKDAYS = parseBusinessHours('mon-fri 09:00-18:00');

describe('parseBusinessHours', () => {
	it('reads day ranges and several entries; unnamed days are closed', () => {
		expect(parseBusinessHours('mon-fri 09:00-18:00; sat 10:00-14:00').days).toEqual([
			[540, 1080], [540, 1080], [540, 1080], [540, 1080], [540, 1080], [600, 840], null
		]);
	});
	it('reads Russian day names, lists, upper case and 24:00', () => {
		expect(parseBusinessHours('ПН,ср 8:30-24:00\nвс 10:00–12:00').days).toEqual([
			[510, 1440], null, [510, 1440], null, null, null, [600, 720]
		]);
	});
	it('reads spaces around dashes and commas, and dashes of any kind', () => {
		expect(parseBusinessHours('Mon - Fri 9:00 – 18:00')).toEqual(WEEKDAYS);
		expect(parseBusinessHours('пн–пт 09:00—18:00')).toEqual(WEEKDAYS);
		expect(parseBusinessHours('mon, tue-fri 09:00-18:00')).toEqual(WEEKDAYS);
	});
	it('reads a range that wraps over the end of the week', () => {
		expect(parseBusinessHours('sat-mon 10:00-11:00').days.map((d) => d !== null)).toEqual([true, false, false, false, false, true, true]);
	});
	it.each([
		['', /empty/],
		['mon-fri', /expected days and hours/],
		['moon 09:00-18:00', /'moon' is not a day/],
		['constructor 09:00-18:00', /'constructor' is not a day/],
		['mon-fri 18:00-09:00', /opening must be before closing/],
		['mon 09:00-25:00', /'25:00' is not a time of day/],
		['mon 09:61-10:00', /'09:61' is not a time of day/],
		['mon-fri 09:00-18:00; fri 10:00-12:00', /fri is given twice/]
	])('rejects %j with a sentence', (text, message) => {
		expect(() => parseBusinessHours(text)).toThrow(message);
	});
});

describe('formatBusinessHours', () => {
	it('joins consecutive days with the same hours and reads back the same', () => {
		const text = 'mon-fri 09:00-18:00; sat 10:00-14:00';
		expect(formatBusinessHours(parseBusinessHours(text))).toBe(text);
		expect(formatBusinessHours(parseBusinessHours('пн 09:00-18:00; ср-чт 09:00-18:00'))).toBe('mon 09:00-18:00; wed-thu 09:00-18:00');
	});
	it('compares schedules by value', () => {
		expect(sameBusinessHours(WEEKDAYS, parseBusinessHours('пн-пт 09:00-18:00'))).toBe(true);
		expect(sameBusinessHours(WEEKDAYS, null)).toBe(false);
		expect(sameBusinessHours(null, null)).toBe(true);
	});
});

/** Business seconds between two wall-clock times, minute by minute: slow and obviously right. */
function bruteForceSeconds(hours: BusinessHours, from: number, to: number): number {
	let seconds = 0;
	for (let t = from; t < to; t += 60_000) {
		const date = new Date(t);
		const open = hours.days[(date.getUTCDay() + 6) % 7];
		const minute = date.getUTCHours() * 60 + date.getUTCMinutes();
		if (open && minute >= open[0] && minute < open[1]) seconds += 60;
	}
	return seconds;
}

describe('businessClockMsSql', () => {
	let db: Db;
	beforeAll(async () => (db = await openNodeDb()));
	afterAll(() => db.close());
	const between = async (hours: BusinessHours, from: string, to: string) => {
		const [row] = await db.query<{ s: number }>(
			`SELECT (${businessClockMsSql(hours, '$2::TIMESTAMP')} - ${businessClockMsSql(hours, '$1::TIMESTAMP')}) / 1000.0 AS s`,
			[from, to]
		);
		return row.s;
	};

	it('counts a wait across a night: Tue 17:00 -> Wed 10:00 is 1 h + 1 h', async () => {
		expect(await between(WEEKDAYS, '2024-05-07 17:00', '2024-05-08 10:00')).toBe(7200);
	});
	it('counts a wait across a weekend: Fri 17:30 -> Mon 09:30 is 30 min + 30 min', async () => {
		expect(await between(WEEKDAYS, '2024-05-10 17:30', '2024-05-13 09:30')).toBe(3600);
	});
	it('counts Saturday hours when the schedule has them: Fri 17:00 -> Mon 10:00 is 1 h + 4 h + 1 h', async () => {
		expect(await between(parseBusinessHours('mon-fri 09:00-18:00; sat 10:00-14:00'), '2024-05-10 17:00', '2024-05-13 10:00')).toBe(21600);
	});
	it('gives 0 between two closed moments, and whole weeks of 45 h', async () => {
		expect(await between(WEEKDAYS, '2024-05-11 23:00', '2024-05-13 09:00')).toBe(0);
		expect(await between(WEEKDAYS, '2024-05-01 12:34:56', '2024-05-15 12:34:56')).toBe(2 * 45 * 3600);
	});
	it('keeps milliseconds inside open hours', async () => {
		expect(await between(WEEKDAYS, '2024-05-07 09:00:00.250', '2024-05-07 09:00:01')).toBe(0.75);
	});
	it('agrees with a minute-by-minute count on random pairs, years apart and before 1970', async () => {
		const hours = parseBusinessHours('mon-thu 08:15-17:45; fri 09:00-16:00; sun 12:00-13:00');
		let state = 42;
		const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
		for (let i = 0; i < 25; i++) {
			const from = Date.UTC(1965 + Math.floor(random() * 70), 0, 1) + Math.floor(random() * 365 * 1440) * 60_000;
			const to = from + Math.floor(random() * 20 * 1440) * 60_000;
			const iso = (t: number) => new Date(t).toISOString().replace('T', ' ').replace('Z', '');
			expect(await between(hours, iso(from), iso(to)), `${iso(from)} -> ${iso(to)}`).toBe(bruteForceSeconds(hours, from, to));
		}
	});
});

describe('metrics on business hours (mon-fri 09:00-18:00, Moscow)', () => {
	const m = messageMaker();
	const MESSAGES = [
		// N: asked Tue 17:00, bot at once, agent answers Wed 10:00, customer again Fri 17:30, answered Mon 09:30.
		m('N', 'n-c1', '2024-05-07 17:00', 'customer'),
		m('N', 'n-b1', '2024-05-07 17:00:05', 'bot', { department: 'Техподдержка' }),
		m('N', 'n-a1', '2024-05-08 10:00', 'agent', { department: 'Техподдержка' }),
		m('N', 'n-c2', '2024-05-10 17:30', 'customer'),
		m('N', 'n-a2', '2024-05-13 09:30', 'agent', { department: 'Техподдержка' }),
		// S: written on Saturday night, answered at Monday's opening.
		m('S', 's-c1', '2024-05-11 23:00', 'customer'),
		m('S', 's-a1', '2024-05-13 09:00', 'agent', { department: 'Выплаты' })
	];
	let db: Db;
	beforeAll(async () => (db = await openTestDb(MESSAGES, WEEKDAYS)));
	afterAll(() => db.close());
	const response = async (id: string) => (await readMessages(db)).find((r) => r.message_id === id)?.response_s;
	const conversation = async (id: string) => (await readConversations(db)).find((c) => c.conversation_id === id);

	it('counts only open hours in response_s across a night and a weekend', async () => {
		expect(await response('n-b1')).toBe(5);
		expect(await response('n-a2')).toBe(3600);
	});
	it('gives 0 s to a message sent outside hours and answered at opening', async () => {
		expect(await response('s-a1')).toBe(0);
		expect(await conversation('S')).toMatchObject({ first_response_s: 0, first_human_response_s: 0, duration_s: 0 });
	});
	it('puts first response, first human response and duration on the same clock', async () => {
		// first human: Tue 17:00 -> Wed 10:00 = 1 h + 1 h.
		// duration Tue 17:00 -> Mon 09:30: Tue 1 h + Wed, Thu, Fri 9 h each + Mon 0.5 h = 28.5 h.
		expect(await conversation('N')).toMatchObject({ first_response_s: 5, first_human_response_s: 7200, duration_s: 28.5 * 3600 });
	});
	it('goes back to calendar time when computed without business hours', async () => {
		const calendar = await openTestDb(MESSAGES);
		const [n] = (await readConversations(calendar)).filter((c) => c.conversation_id === 'N');
		expect(n).toMatchObject({ first_human_response_s: 17 * 3600, duration_s: (5 * 24 + 16.5) * 3600 });
		await calendar.close();
	});
});
