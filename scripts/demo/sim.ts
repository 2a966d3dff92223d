/** The state one simulated conversation carries, and the small verbs its steps are written with. */
import { ownerTimeAfter } from './clock';
import type { Conversation } from './conversation';
import { DEPARTMENTS } from './data/departments';
import type { Rng } from './random';
import { fillOwner, fillStaff, type SlotContext } from './template';
import { writtenReply } from './compose';
import type { ConversationSpec, DeptName, Topic, TopicCase, WrittenKind } from './types';

export interface Sim {
	rng: Rng;
	c: Conversation;
	topic: Topic;
	question: TopicCase;
	/** Opens a follow-on conversation (an owner sent to another section writes there). */
	spawn: (spec: ConversationSpec) => void;
}

export function slotsAt(sim: Sim, at: number, extra: Partial<SlotContext> = {}): SlotContext {
	const { c } = sim;
	return { rng: sim.rng, at, point: c.spec.point, topic: sim.topic, conversationId: c.id, sentFrom: c.spec.sentFrom, memo: c.memo, ...extra };
}

/** Who answers for the current section: the point's own territorial manager, or one of the team. */
export function staffName(sim: Sim): string {
	const { c, rng } = sim;
	if (c.dept === 'Территориальный менеджер') return c.spec.point.region.manager;
	return rng.pick(DEPARTMENTS[c.dept].staff);
}

/**
 * A staff member of the current section writes one of `templates` at `at`, or, for a reply `kind` that
 * can be written for the case, sometimes her own text instead (compose.ts). The canned text is drawn
 * either way, so the simulation's random stream does not depend on which one is sent.
 */
export function say(sim: Sim, templates: readonly string[], at: number, extra: Partial<SlotContext> = {}, kind?: WrittenKind): void {
	const sender = staffName(sim);
	const canned = fillStaff(sim.rng.pick(templates), slotsAt(sim, at, extra));
	const written = kind ? writtenReply(sim, kind, at, extra) : null;
	sim.c.staff(sender, written ?? canned, at);
}

/** The owner answers the latest message after a typical pause (minutes by day, next morning by night). */
export function react(sim: Sim, templates: readonly string[], medianMinutes = 10): void {
	const at = ownerTimeAfter(sim.c.now, medianMinutes, sim.rng);
	sim.c.owner(fillOwner(sim.rng.pick(templates), slotsAt(sim, at)), at);
}

/** Proper answers to the conversation's question that `dept` can give, or undefined when it cannot. */
export function answersFor(sim: Sim, dept: DeptName): readonly string[] | undefined {
	return sim.question.answers?.[dept] ?? sim.topic.answers[dept];
}

/** One of `templates` not yet used in this conversation, or undefined when all have been. */
export function pickFresh(sim: Sim, templates: readonly string[]): string | undefined {
	const fresh = templates.filter((t) => !sim.c.usedTemplates.has(t));
	if (fresh.length === 0) return undefined;
	const template = sim.rng.pick(fresh);
	sim.c.usedTemplates.add(template);
	return template;
}
