/**
 * Replies written for the case. Staff paste canned text only part of the time, at a rate that differs by
 * section (departments.ts `canned`); otherwise the reply is put together from sentence parts about the
 * conversation's topic (data/written.ts), with its order number, amount, dates and names.
 *
 * Written texts draw from a random stream of their own, seeded by the conversation and the message, so the
 * main stream (timestamps, roles, authors, structure) is drawn exactly as if every reply were canned.
 */
import { DAY, formatDayMonth, hourOf, weekdayOf } from './clock';
import { DEPARTMENTS } from './data/departments';
import {
	ASKS,
	TOUCH,
	WRITTEN,
	WRITTEN_CLOSE,
	WRITTEN_GENERIC,
	WRITTEN_GENERIC_END,
	WRITTEN_HANDOFF,
	WRITTEN_HANDOFF_END,
	WRITTEN_OPEN,
	WRITTEN_PROMISE,
	WRITTEN_PROMISE_END,
	WRITTEN_REDIRECT,
	WRITTEN_REDIRECT_END,
	WRITTEN_WAIT,
	WRITTEN_WAIT_END,
	type WrittenTopic
} from './data/written';
import { Rng, seedFrom } from './random';
import type { Sim } from './sim';
import { CHOICE, SLOT, slotValue, type SlotContext } from './template';
import type { Topic, WrittenKind } from './types';

const WEEKDAYS_ACC = ['в воскресенье', 'в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу'];

/** The written reply's own random stream: one per message, independent of the simulation's. */
function textRng(sim: Sim, at: number): Rng {
	return new Rng(seedFrom(`${sim.c.id}:${sim.c.rows.length}:${at}`));
}

/** «завтра», «в четверг», «12 мая»: when staff say they will be back. */
function when(rng: Rng, at: number): string {
	const days = rng.int(1, 4);
	if (days === 1 && rng.chance(0.5)) return 'завтра';
	return rng.chance(0.5) ? WEEKDAYS_ACC[weekdayOf(at + days * DAY)] : `до ${formatDayMonth(at + days * DAY)}`;
}

/** Fills slots first, then the innermost options, until nothing is left: options may hold slots and options. */
function fillNested(template: string, context: SlotContext, extra: Record<string, string>): string {
	let text = template;
	for (let previous = ''; previous !== text; ) {
		previous = text;
		text = text.replace(SLOT, (whole, key: string) => {
			const value = extra[key] ?? slotValue(key, context);
			if (value === undefined) throw new Error(`Unknown slot ${whole} in: ${template}`);
			return value;
		});
		text = text.replace(CHOICE, (_, options: string) => context.rng.pick(options.split('|')));
	}
	return text.replace(/\s+([,.!?:])/g, '$1').replace(/\.\.(?!\.)/g, '.').replace(/\s{2,}/g, ' ').trim();
}

/** Several distinct items of `items`, in random order. */
function some<T>(rng: Rng, items: readonly T[], count: number): T[] {
	const pool = [...items];
	const out: T[] = [];
	while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(rng.next() * pool.length), 1)[0]);
	return out;
}

/** A topic's parts, with those of question `caseIndex` in place of the topic's where it has its own. */
function partsFor(topic: Topic, caseIndex: number): WrittenTopic {
	const { cases, ...general } = WRITTEN[topic.key];
	return { ...general, ...cases?.[caseIndex] };
}

/** The sentence parts of a written reply of `kind` about `topic`, before filling. */
function body(rng: Rng, kind: WrittenKind, parts: WrittenTopic): string[] {
	const touch = (p: number) => (rng.chance(p) ? [rng.pick(TOUCH)] : []);
	if (kind === 'answer') {
		const facts = some(rng, parts.facts, rng.chance(0.35) ? 2 : 1);
		const steps = some(rng, parts.steps, rng.chance(0.3) ? 2 : 1);
		const sentences = rng.chance(0.25) ? [...steps, ...facts] : [...facts, ...steps];
		const aside = touch(0.35);
		if (aside.length > 0) sentences.splice(rng.int(0, sentences.length), 0, aside[0]);
		return rng.chance(0.6) ? [rng.pick(parts.echo), ...sentences] : sentences;
	}
	const [first, second] = SHORT[kind];
	const sentences = [rng.pick(first), rng.pick(second)];
	return rng.chance(0.3) ? [rng.pick(TOUCH), ...sentences] : sentences;
}

const SHORT: Record<Exclude<WrittenKind, 'answer'>, [readonly string[], readonly string[]]> = {
	wait: [WRITTEN_WAIT, WRITTEN_WAIT_END],
	promise: [WRITTEN_PROMISE, WRITTEN_PROMISE_END],
	redirect: [WRITTEN_REDIRECT, WRITTEN_REDIRECT_END],
	handoff: [WRITTEN_HANDOFF, WRITTEN_HANDOFF_END],
	generic: [WRITTEN_GENERIC, WRITTEN_GENERIC_END]
};

/** Joins filled parts; after «Ирина,» or «По выплате:» the next part goes on in lower case. */
function joinParts(parts: string[]): string {
	let text = '';
	for (const part of parts) {
		if (!part) continue;
		const goesOn = /[,:—]$/.test(text) && /^[А-ЯЁ](?![А-ЯЁ])/.test(part);
		text = text ? `${text} ${goesOn ? part.charAt(0).toLowerCase() + part.slice(1) : part}` : part;
	}
	return text;
}

/**
 * The text a staff member writes for `kind`, or null when she pastes the canned one. `extra` is what the
 * canned text was filled with (the other topic of an off-topic answer, the redirect's target).
 */
export function writtenReply(sim: Sim, kind: WrittenKind, at: number, extra: Partial<SlotContext>): string | null {
	const { c } = sim;
	const rng = textRng(sim, at);
	if (rng.chance(DEPARTMENTS[c.dept].canned[kind])) return null;
	const topic = extra.topic ?? sim.topic;
	// An off-topic reply answers some question of the other topic; a proper one, this conversation's question.
	const caseIndex = extra.topic ? rng.int(0, topic.cases.length - 1) : topic.cases.indexOf(sim.question);
	const parts = partsFor(topic, caseIndex);
	// Values this conversation already has (order, amount...) are kept; new ones stay with the written texts.
	for (const [key, value] of c.memo) c.writtenMemo.set(key, value);
	const context: SlotContext = {
		rng,
		at,
		point: c.spec.point,
		topic,
		conversationId: c.id,
		sentFrom: c.spec.sentFrom,
		target: extra.target,
		memo: c.writtenMemo
	};
	const hour = hourOf(at);
	const slots = {
		ask: rng.pick(ASKS[c.dept]),
		wd: when(rng, at),
		clock: `${String(Math.max(8, hour - rng.int(0, 3))).padStart(2, '0')}:${String(rng.int(0, 11) * 5).padStart(2, '0')}`,
		n3: String(rng.int(120, 980)),
		subj: ''
	};
	slots.subj = fillNested(rng.pick(parts.subject), context, slots);
	const open = rng.pick(WRITTEN_OPEN);
	const sentences = body(rng, kind, parts);
	const close = kind === 'generic' || rng.chance(0.6) ? '' : rng.pick(WRITTEN_CLOSE);
	const text = joinParts([open, ...sentences, close].map((part) => fillNested(part, context, slots)));
	return text.charAt(0).toUpperCase() + text.slice(1);
}


