/**
 * One conversation from the owner's first message to its end: her opening messages, perhaps the bot,
 * then rounds of waiting (with «Есть новости?» while the wait drags on) and staff replies.
 */
import { DAY, HOUR, MINUTE, SECOND, addWorkingTime, ownerTimeAfter, pluralRu } from './clock';
import { Conversation } from './conversation';
import { BOT_CLAIM_ACK, BOT_GREETINGS, BOT_QUEUE, BOT_STATUS, BOT_TEXTS_TO_COPY, OWNER, SYSTEM_CLOSED } from './data/canned';
import { DEPARTMENTS } from './data/departments';
import type { Rng } from './random';
import { REPLIES } from './replies';
import { answersFor, pickFresh, react, slotsAt, type Sim } from './sim';
import { fill, fillOwner, fillStaff } from './template';
import type { ConversationSpec, ReplyKind } from './types';

const MAX_ROUNDS = 5;

export function simulateConversation(id: string, spec: ConversationSpec, rng: Rng, spawn: Sim['spawn']): Conversation {
	const question = spec.question ?? rng.pick(spec.topic.cases);
	const sim: Sim = { rng, c: new Conversation(id, spec), topic: spec.topic, question, spawn };
	writeOpening(sim);
	if (runBot(sim) === 'solved') return sim.c;
	for (let round = 0; round < MAX_ROUNDS; round++) {
		if (playRound(sim, round) === 'end') break;
	}
	maybeClose(sim);
	return sim.c;
}

/**
 * One to three owner messages: the question, then details, a photo or «Срочно!». Some owners put the
 * details on a new line of the same message instead (a quoted multi-line CSV field). An owner sent
 * here from another section says so first.
 */
function writeOpening(sim: Sim): void {
	const { c, rng } = sim;
	let at = c.spec.start;
	let opening = fillOwner(rng.pick(sim.question.ask), slotsAt(sim, at));
	if (c.spec.sentFrom) opening = `${fill(rng.pick(OWNER.sentHere), slotsAt(sim, at))} ${withoutGreeting(opening)}`;
	let count = Number(rng.weighted({ '0': 60, '1': 30, '2': 10 }));
	if (count > 0 && rng.chance(0.2)) {
		c.owner(`${opening}\n${openingExtra(sim, at)}`, at);
		count--;
	} else c.owner(opening, at);
	for (; count > 0; count--) {
		at += rng.int(8, 240) * SECOND;
		c.owner(openingExtra(sim, at), at);
	}
}

const GREETING = /^(здравствуйте|добрый (день|вечер)|доброе утро)[.!,]?\s*/i;

function withoutGreeting(text: string): string {
	const rest = text.replace(GREETING, '');
	return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function openingExtra(sim: Sim, at: number): string {
	const details = sim.rng.chance(0.75) ? pickFresh(sim, sim.question.details ?? sim.topic.details) : undefined;
	return fillOwner(details ?? pickFresh(sim, OWNER.urgent) ?? 'Срочно!', slotsAt(sim, at));
}

/** The bot answers first in some sections; the owner usually asks for a person. */
function runBot(sim: Sim): 'solved' | 'handed' | 'none' {
	const { c, rng, topic } = sim;
	if (!rng.chance(DEPARTMENTS[c.dept].botShare)) return 'none';
	let at = c.now + rng.int(3, 40) * SECOND;
	const claims = c.dept === 'Претензии';
	const line = rng.pick(claims ? BOT_CLAIM_ACK : [...BOT_GREETINGS, ...(BOT_TEXTS_TO_COPY[topic.key] ?? [])]);
	c.bot(fillStaff(line, slotsAt(sim, at)), at);
	if (claims) return 'handed';
	if (rng.chance(0.12)) {
		if (rng.chance(0.4)) react(sim, OWNER.thanks, 3);
		return 'solved';
	}
	const articleSuggested = line.includes('Базе знаний');
	react(sim, articleSuggested && rng.chance(0.4) ? OWNER.articleDidNotHelp : OWNER.callOperator, 1);
	at = c.now + rng.int(3, 15) * SECOND;
	if (rng.chance(0.7)) c.bot(fillStaff(rng.pick(BOT_QUEUE), slotsAt(sim, at)), at);
	return 'handed';
}

function playRound(sim: Sim, round: number): 'continue' | 'end' {
	const replyAt = scheduleReply(sim, round);
	writeFollowUps(sim, replyAt);
	if (replyAt === null) return 'end';
	const kind = chooseReplyKind(sim);
	sim.c.replyKind = kind;
	const outcome = REPLIES[kind](sim, Math.max(replyAt, sim.c.now + 20 * SECOND));
	sim.c.replyKind = undefined;
	return outcome;
}

/**
 * When the section replies, counting only its working hours; null when it never does. The log-normal
 * tail is cut at eight medians: past that, real tickets are closed or forgotten, not answered.
 */
function scheduleReply(sim: Sim, round: number): number | null {
	const { c, rng } = sim;
	const dept = DEPARTMENTS[c.dept];
	if (rng.chance(round === 0 ? dept.silence.first : dept.silence.later)) return null;
	const median = dept.reply.medianMinutes * (c.promised ? 2 : 1);
	const minutes = Math.min(rng.lognormal(median, dept.reply.sigma), 8 * median);
	return addWorkingTime(c.now, Math.max(20, minutes * 60), dept.hours);
}

/**
 * While the owner waits (for `until`, or forever when null) she nudges about once a day, a few times
 * at most; an impatient one starts within the hour. A bot may answer the nudge.
 */
function writeFollowUps(sim: Sim, until: number | null): void {
	const { c, rng } = sim;
	const limit = until === null ? rng.int(0, 3) : 3;
	const firstNudgeHours = rng.chance(0.15) ? 1.5 : 18;
	let at = ownerTimeAfter(c.now, firstNudgeHours * 60, rng, 0.7);
	for (let i = 0; i < limit && (until === null || at < until - 10 * MINUTE) && rng.chance(0.65); i++) {
		c.owner(followUpText(sim, at), at);
		if (DEPARTMENTS[c.dept].botShare > 0 && rng.chance(0.25)) {
			c.bot(fillStaff(rng.pick(BOT_STATUS), slotsAt(sim, at)), at + rng.int(3, 30) * SECOND);
		}
		at = ownerTimeAfter(c.now, 24 * 60, rng, 0.5);
	}
}

/** «Есть новости?», or after two days of silence the actual count: «Уже 3 дня жду ответа». */
function followUpText(sim: Sim, at: number): string {
	const { c, rng } = sim;
	const lastStaff = c.rows.findLast((row) => row.role !== 'Клиент')?.at ?? c.spec.start;
	const days = Math.floor((at - lastStaff) / DAY);
	if (days >= 2 && rng.chance(0.35)) return `Уже ${pluralRu(days, 'день', 'дня', 'дней')} жду ответа`;
	return fillOwner(rng.pick(OWNER.followUp), slotsAt(sim, at));
}

/** The section's usual mix of replies, adjusted to whether it can answer this topic at all. */
function chooseReplyKind(sim: Sim): ReplyKind {
	const { c, topic, rng } = sim;
	const mix = { ...DEPARTMENTS[c.dept].mix };
	if (!answersFor(sim, c.dept)) {
		mix.redirect += mix.answer / 2;
		mix.handoff += mix.answer / 2;
		mix.answer = 0;
	}
	if (c.dept === topic.home) mix.redirect = 0;
	if (c.handoffs >= 3) mix.handoff = 0;
	if (c.promised) Object.assign(mix, { wait: 0, promise: 0, answer: mix.answer * 2 });
	return rng.weighted(mix);
}

/** Some conversations get a closing system line: closed by staff, or automatically after 72 hours. */
function maybeClose(sim: Sim): void {
	const { c, rng } = sim;
	if (c.rows.at(-1)?.role !== 'Сотрудник') return;
	const r = rng.next();
	if (r < 0.2) c.system(SYSTEM_CLOSED[0], c.now + rng.int(1, 120) * MINUTE);
	else if (r < 0.35) c.system(SYSTEM_CLOSED[1], c.now + 72 * HOUR + rng.int(1, 30) * MINUTE);
}
