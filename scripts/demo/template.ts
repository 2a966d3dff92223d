/**
 * Text templates of the demo data. `{a|b|c}` picks one option; `{name}` is a slot filled from the
 * conversation (a date, an amount, the owner's name...). Options cannot nest and slot names are ASCII,
 * so the two never clash with Russian text or with «[Вложение: ...]».
 */
import { DAY, dayOfMonth, formatDayMonth, hourOf, monthGenitive, monthNominative, pluralRu, startOfDay } from './clock';
import { DEPARTMENTS } from './data/departments';
import type { Rng } from './random';
import type { DeptName, Point, Topic } from './types';

/** Everything a slot may need. */
export interface SlotContext {
	rng: Rng;
	/** When the message is written: dates in the text are relative to it. */
	at: number;
	point: Point;
	topic: Topic;
	conversationId: string;
	/** The department a redirect or handoff points to. */
	target?: DeptName;
	/** The section that sent the owner here. */
	sentFrom?: DeptName;
	/** Values of STICKY slots already used in this conversation. */
	memo: Map<string, string>;
}

export const CHOICE = /\{([^{}]*\|[^{}]*)\}/g;
export const SLOT = /\{([A-Za-z0-9]+)\}/g;

const EMOJI = ['', '', '', ' 🌸', ' 😊', ' 🙂', ' ☀️'];
const FINES = [500, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000, 50000];
const REMARKS = [
	'нет таблички с режимом работы на входе',
	'оформление примерочной не соответствует брендбуку',
	'загромождён проход в зоне выдачи',
	'вывеска не подсвечивается в тёмное время суток',
	'устаревшие рекламные материалы на стойке',
	'нет коврика с логотипом у входа'
];

const groupThousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');

function formatAmount(rng: Rng): string {
	const value = rng.chance(0.6) ? rng.pick(FINES) : rng.int(12, 480) * 100;
	return rng.chance(0.7) ? `${groupThousands(value)} ₽` : `${value} руб.`;
}

/** «апрель», «вторую половину апреля», «период с 1 по 15 мая»: what a payout is for, seen from `at`. */
function payoutPeriod(at: number, rng: Rng): string {
	const previousMonth = startOfDay(at) - dayOfMonth(at) * DAY;
	if (dayOfMonth(at) > 16 && rng.chance(0.4)) return `период с 1 по 15 ${monthGenitive(at)}`;
	return rng.chance(0.6) ? monthNominative(previousMonth) : `вторую половину ${monthGenitive(previousMonth)}`;
}

function orderNumber(rng: Rng): string {
	return `${rng.int(10000000, 99999999)}-${String(rng.int(1, 999)).padStart(4, '0')}-${rng.int(1, 3)}`;
}

/** A greeting that fits the hour, as people write: «Доброе утро», «Добрый день», «Добрый вечер». */
function greeting(at: number, rng: Rng): string {
	const hour = hourOf(at);
	if (rng.chance(0.4) || hour < 5) return 'Здравствуйте';
	return hour < 11 ? 'Доброе утро' : hour < 17 ? 'Добрый день' : 'Добрый вечер';
}

const SLOTS: Record<string, (c: SlotContext) => string> = {
	hello: (c) => greeting(c.at, c.rng),
	helloLower: (c) => greeting(c.at, c.rng).toLowerCase(),
	goodDay: (c) => (hourOf(c.at) < 17 ? 'Хорошего дня' : 'Хорошего вечера'),
	owner: (c) => c.rng.pick(c.point.addresses),
	a: (c) => (c.point.female ? 'а' : ''),
	point: (c) => c.point.id,
	tm: (c) => c.point.region.manager,
	city: (c) => c.point.region.city,
	date: (c) => formatDayMonth(c.at + c.rng.int(2, 9) * DAY),
	past: (c) => formatDayMonth(c.at - c.rng.int(1, 9) * DAY),
	period: (c) => payoutPeriod(c.at, c.rng),
	month: (c) => monthGenitive(c.at),
	nextMonth: (c) => `1 ${monthGenitive(startOfDay(c.at) + (33 - dayOfMonth(c.at)) * DAY)}`,
	time: (c) => `${Math.min(23, hourOf(c.at) + c.rng.int(2, 5))}:00`,
	amount: (c) => formatAmount(c.rng),
	order: (c) => orderNumber(c.rng),
	n: (c) => String(c.rng.int(2, 6)),
	n2: (c) => String(c.rng.int(12, 40)),
	n4: (c) => String(c.rng.int(1000, 9999)),
	ndays: (c) => pluralRu(c.rng.int(2, 7), 'день', 'дня', 'дней'),
	nhours: (c) => pluralRu(c.rng.int(2, 5), 'час', 'часа', 'часов'),
	days: (c) => String(c.rng.pick([3, 3, 5, 5, 7, 10])),
	minutes: (c) => String(c.rng.pick([5, 10, 15, 20, 30, 40])),
	ticket: (c) => c.conversationId,
	kb: (c) => c.topic.kb,
	topic: (c) => c.topic.short,
	to: (c) => DEPARTMENTS[c.target ?? c.topic.home].redirectTo,
	target: (c) => c.target ?? c.topic.home,
	from: (c) => DEPARTMENTS[c.sentFrom ?? 'Техподдержка'].sentFrom,
	emoji: (c) => c.rng.pick(EMOJI),
	remark: (c) => c.rng.pick(REMARKS)
};

/** Slots that keep their first value for the whole conversation: one order, one amount, one promised date. */
const STICKY = new Set(['order', 'amount', 'period', 'remark', 'days', 'date']);

export function slotValue(key: string, context: SlotContext): string | undefined {
	const make = SLOTS[key];
	if (!make || !STICKY.has(key)) return make?.(context);
	let value = context.memo.get(key);
	if (value === undefined) context.memo.set(key, (value = make(context)));
	return value;
}

/** Fills a template; an unknown slot is a bug in the data tables, so it throws. */
export function fill(template: string, context: SlotContext): string {
	return template
		.replace(CHOICE, (_, options: string) => context.rng.pick(options.split('|')))
		.replace(SLOT, (whole, key: string) => {
			const value = slotValue(key, context);
			if (value === undefined) throw new Error(`Unknown slot ${whole} in: ${template}`);
			return value;
		});
}

/** Staff write in full sentences: the first letter is a capital even when the text starts with a slot. */
export function fillStaff(template: string, context: SlotContext): string {
	const text = fill(template, context);
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Owners type on the go: sometimes no capital, no final full stop, doubled punctuation or "straight" quotes. */
export function fillOwner(template: string, context: SlotContext): string {
	let text = fill(template, context);
	const { rng } = context;
	if (rng.chance(0.12)) text = text.charAt(0).toLowerCase() + text.slice(1);
	if (rng.chance(0.3)) text = text.replace(/\.$/, '');
	if (rng.chance(0.06)) text = text.replace(/([?!])$/, '$1$1$1');
	if (rng.chance(0.2)) text = text.replace(/[«»]/g, '"');
	return text;
}
