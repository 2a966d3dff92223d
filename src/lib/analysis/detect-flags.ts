/**
 * The text detectors over the messages `readTextRows` read: templates (text/templates.ts), relevance and off-topic
 * (text/relevance.ts) and reply kinds (text/reply-kinds.ts), as plain rows for `writeReplyFlags` (reply-flags.ts).
 * `detectReplyFlags` is pure: the browser runs it in a worker of its own (engine/text.worker.ts), and the engine's
 * worker, which only stores the rows, does not carry the detectors. `computeReplyFlags` does it all in-process (the
 * command line, tests).
 */
import type { Cell } from '$lib/db/insert-columns';
import type { Db } from '$lib/db/types';
import { Progress, writeReplyFlags, writeSteps, type ReplyFlagsOptions } from './reply-flags';
import { groupConversations, readTextRows, type TextRows } from './text-flags';
import { classifyReply } from './text/reply-kinds';
import { scoreRelevance, type RelevanceResult } from './text/relevance';
import { findTemplates, type ReplyInput, type Template } from './text/templates';

export type { Cell };

/** What the detectors found, as plain rows (a worker can post them): one per reply, one per template. */
export interface DetectedFlags {
	/** The `reply_flags` columns of each agent/bot reply. */
	replies: Cell[][];
	/** The `templates` columns of each template. */
	templates: Cell[][];
}

/** Detection stages `detectReplyFlags` reports: templates, relevance, reply kinds. */
export const DETECT_STAGES = 3;

/**
 * Runs the detectors on the messages `readTextRows` read (pure: the browser runs it in a worker of its own).
 * `onStage(n)` is called after each of the `DETECT_STAGES` stages.
 */
export function detectReplyFlags(input: TextRows, onStage: (done: number) => void = () => {}): DetectedFlags {
	const templates = findTemplates(input.replies);
	onStage(1);
	const relevance = scoreRelevance(groupConversations(input.rows));
	onStage(2);
	const replies = input.replies.map((r) => flagRow(r, templates.byMessage.get(r.message_id) ?? null, relevance.get(r.message_id)));
	onStage(3);
	return { replies, templates: templates.templates.map(templateRow) };
}

/** Runs the detectors on every agent/bot reply and stores the result (see the module comment). */
export async function computeReplyFlags(
	db: Db,
	options: ReplyFlagsOptions = {}
): Promise<{ replies: number; templates: number }> {
	const progress = new Progress(options);
	const detected = detectReplyFlags(await readTextRows(db));
	await progress.start(DETECT_STAGES + writeSteps(detected));
	for (let i = 0; i < DETECT_STAGES; i++) await progress.step();
	return writeReplyFlags(db, detected, progress);
}

function flagRow(r: ReplyInput, templateId: string | null, score: RelevanceResult | undefined): Cell[] {
	const kind = classifyReply(r.text);
	return [
		r.message_id, r.conversation_id, templateId, score?.off_topic ?? null, score?.relevance ?? null,
		score?.matched ?? [], kind.kind, kind.department
	];
}

function templateRow(t: Template): Cell[] {
	return [
		t.template_id, t.text, t.messages, t.conversations, t.variants, t.departments, t.authors, t.roles,
		t.human_copies_bot
	];
}

