/**
 * What happens when staff finally reply, one function per kind of reply, each followed by the owner's
 * typical reaction. A function returns whether the dialogue goes on.
 */
import { MINUTE, SECOND } from './clock';
import { BOT_TEXTS_TO_COPY, GENERIC, HANDOFF_NOTE, OWNER, PROMISE, REDIRECT, SYSTEM_HANDOFF, WAIT } from './data/canned';
import { TOPICS } from './data/topics';
import { answersFor, pickFresh, react, say, slotsAt, type Sim } from './sim';
import { fill } from './template';
import type { DeptName, ReplyKind, Topic } from './types';

export type Outcome = 'continue' | 'end';

function answer(sim: Sim, at: number): Outcome {
	const { c, rng } = sim;
	say(sim, answersFor(sim, c.dept)!, at, {}, 'answer');
	c.promised = false;
	const next = rng.weighted({ thanks: 60, clarify: 25, unsatisfied: 15 });
	if (next === 'clarify') {
		const question = pickFresh(sim, sim.question.clarify ?? sim.topic.clarify);
		react(sim, question ? [question] : OWNER.unsatisfied);
	}
	if (next === 'unsatisfied') react(sim, OWNER.unsatisfied);
	if (next !== 'thanks') return 'continue';
	if (rng.chance(0.5)) react(sim, OWNER.thanks);
	if (c.ownerWaiting && rng.chance(0.3)) say(sim, GENERIC, c.now + rng.int(1, 15) * MINUTE, {}, 'generic');
	return 'end';
}

function wait(sim: Sim, at: number): Outcome {
	say(sim, WAIT, at, {}, 'wait');
	if (sim.rng.chance(0.4)) react(sim, OWNER.afterWait, 15);
	return 'continue';
}

function promise(sim: Sim, at: number): Outcome {
	say(sim, PROMISE, at, {}, 'promise');
	sim.c.promised = true;
	if (sim.rng.chance(0.3)) react(sim, OWNER.afterWait, 15);
	return 'continue';
}

/** Where a transfer goes: to the section that knows, or back where the owner came from (ping-pong). */
function transferTarget(sim: Sim): DeptName | null {
	const { c, topic, rng } = sim;
	if (c.dept !== topic.home && rng.chance(0.75)) return topic.home;
	const previous = c.visited.findLast((dept) => dept !== c.dept);
	if (previous && rng.chance(0.6)) return previous;
	const options = (Object.keys(topic.sections) as DeptName[]).filter((dept) => dept !== c.dept);
	return options.length > 0 ? rng.pick(options) : null;
}

function handoff(sim: Sim, at: number): Outcome {
	const { c, rng } = sim;
	const target = transferTarget(sim);
	if (!target) return wait(sim, at);
	if (rng.chance(0.7)) say(sim, HANDOFF_NOTE, at, { target }, 'handoff');
	const transferAt = Math.max(at, c.now) + rng.int(5, 300) * SECOND;
	c.transfer(target, fill(SYSTEM_HANDOFF, slotsAt(sim, transferAt, { target })), transferAt);
	if (rng.chance(0.3)) react(sim, c.handoffs > 1 ? OWNER.afterSecondHandoff : OWNER.afterHandoff, 5);
	return 'continue';
}

/** Sends the owner elsewhere in words; often she then opens a new conversation there. */
function redirect(sim: Sim, at: number): Outcome {
	const { c, rng, topic } = sim;
	say(sim, REDIRECT, at, { target: topic.home }, 'redirect');
	if (rng.chance(0.6)) react(sim, OWNER.afterRedirect, 8);
	if (rng.chance(0.55)) {
		const start = c.now + Math.round(rng.lognormal(40 * MINUTE, 1.2));
		sim.spawn({ start, point: c.spec.point, topic, question: sim.question, section: topic.home, sentFrom: c.dept });
	}
	return 'end';
}

/** Every answer a department gives to a topic's questions. */
function allAnswers(topic: Topic, dept: DeptName): string[] {
	return [...(topic.answers[dept] ?? []), ...topic.cases.flatMap((q) => q.answers?.[dept] ?? [])];
}

/** An answer to some other question: another topic's reply from this section, or from its home section. */
function otherTopicReply(sim: Sim): { texts: readonly string[]; topic: Topic } {
	const { c, rng } = sim;
	const others = TOPICS.filter((t) => t !== sim.topic && allAnswers(t, c.dept).length > 0);
	if (others.length > 0 && rng.chance(0.7)) {
		const topic = rng.pick(others);
		return { texts: allAnswers(topic, c.dept), topic };
	}
	const topic = rng.pick(TOPICS.filter((t) => t !== sim.topic));
	return { texts: allAnswers(topic, topic.home), topic };
}

function offTopic(sim: Sim, at: number): Outcome {
	const { rng } = sim;
	const own = sim.topic.offTopic;
	if (own && rng.chance(0.6)) say(sim, own, at);
	else {
		const other = otherTopicReply(sim);
		say(sim, other.texts, at, { topic: other.topic }, 'answer');
	}
	if (!rng.chance(0.75)) return 'end';
	react(sim, OWNER.notAnswer);
	return 'continue';
}

function generic(sim: Sim, at: number): Outcome {
	say(sim, GENERIC, at, {}, 'generic');
	if (!sim.rng.chance(0.5)) return 'end';
	react(sim, OWNER.afterGeneric);
	return 'continue';
}

/** A person pastes the bot's text, «напишите «оператор»» included. */
function copyBot(sim: Sim, at: number): Outcome {
	say(sim, BOT_TEXTS_TO_COPY[sim.topic.key] ?? BOT_TEXTS_TO_COPY['*'], at);
	if (!sim.rng.chance(0.6)) return 'end';
	react(sim, OWNER.afterCopyBot);
	return 'continue';
}

export const REPLIES: Record<ReplyKind, (sim: Sim, at: number) => Outcome> = {
	answer,
	wait,
	promise,
	handoff,
	redirect,
	offtopic: offTopic,
	generic,
	copyBot
};
