/**
 * The text detectors over the messages `readTextColumns` read: templates (text/templates.ts), relevance and off-topic
 * (text/relevance.ts) and reply kinds (text/reply-kinds.ts), as plain rows for `writeReplyFlags` (reply-flags.ts).
 * The detection is pure and comes in two halves (`detectHalf`): the browser runs each in a worker of its own
 * (engine/text.worker.ts), the command line each in a thread (cli/detect-threads.ts), and the engine's worker, which
 * only combines and stores the rows (detect-rows.ts), does not carry the detectors. `computeReplyFlags` does it all
 * in-process unless given another `Detector` (tests, the bench).
 */
import type { Db } from '$lib/db/types';
import { combineHalves, type DetectedFlags } from './detect-rows';
import { Progress, writeReplyFlags, writeSteps, type ReplyFlagsOptions } from './reply-flags';
import { conversationsOf, readTextColumns, replyInputs, type TextColumns } from './text-flags';
import { normaliseText } from './text/normalise';
import { classifyNormalised, type ReplyKindResult } from './text/reply-kinds';
import { forEachRelevance } from './text/relevance';
import { findTemplates, type Template } from './text/templates';

export type { DetectedFlags };

/** Detection stages `detectReplyFlags` reports: templates and reply kinds, relevance, the rows. */
export const DETECT_STAGES = 3;

/**
 * The detection in two halves that do not depend on each other, so that each can run on a core of its own
 * (the browser's text workers, the command line's threads): `patterns` (templates and reply kinds, over the replies)
 * and `relevance` (over whole conversations). Each takes the `TextColumns` and gives plain data a worker can post.
 */
export type DetectionHalf = 'patterns' | 'relevance';

/**
 * What each half gives, per reply in the order of the input's `replies`: typed arrays and shared objects, which a
 * worker posts cheaply (the off-topic half's results at 1M messages: 316 MiB of heap as a map of result objects by
 * message id, 178 MiB as these arrays; probe half-cols.ts).
 */
export interface HalfResult {
	patterns: {
		/** The templates, most used first. */
		templates: Template[];
		/** Index into `templates` of each reply's template; -1 for none. */
		template: Int32Array;
		/** The kind of each reply (one object per normalised text, shared). */
		kinds: ReplyKindResult[];
	};
	relevance: {
		/** Each reply's relevance; NaN when it was not scored. */
		relevance: Float64Array;
		/** Each reply's verdict: 1 off-topic, 0 not, -1 not judged. */
		offTopic: Int8Array;
		/** The words behind each score. */
		matched: string[][];
	};
}

/** Runs one half of the detection (pure). */
export function detectHalf<H extends DetectionHalf>(half: H, input: TextColumns): HalfResult[H] {
	return (half === 'patterns' ? findPatterns(input) : scoreReplies(input)) as HalfResult[H];
}

function findPatterns(input: TextColumns): HalfResult['patterns'] {
	const replies = replyInputs(input);
	// Each distinct reply text is normalised once, for both detectors: the templates call this once per text, and
	// its kind is kept rather than its normalised form (which grew with the data, 360 MiB at 1M messages).
	const kindOfText = new Map<string, ReplyKindResult>();
	const normalise = (text: string) => {
		const n = normaliseText(text);
		kindOfText.set(text, classifyNormalised(n));
		return n;
	};
	const { templates, byMessage } = findTemplates(replies, { normalise });
	const number = new Map(templates.map((t, k) => [t.template_id, k]));
	return {
		templates,
		template: Int32Array.from(replies, (r) => {
			const id = byMessage.get(r.message_id);
			return id === undefined ? -1 : number.get(id)!;
		}),
		kinds: replies.map((r) => kindOfText.get(r.text)!) // every reply is an agent's or a bot's: the templates read all
	};
}

const NOTHING_MATCHED: string[] = [];

function scoreReplies(input: TextColumns): HalfResult['relevance'] {
	const n = input.replies.length;
	const out = {
		relevance: new Float64Array(n).fill(NaN),
		offTopic: new Int8Array(n).fill(-1),
		matched: new Array<string[]>(n).fill(NOTHING_MATCHED)
	};
	const replyNumber = new Map<string, number>();
	input.replies.forEach((i, k) => replyNumber.set(input.messageIds[i], k));
	forEachRelevance(conversationsOf(input), (id, s) => {
		const k = replyNumber.get(id);
		if (k === undefined) return;
		out.relevance[k] = s.relevance ?? NaN;
		out.offTopic[k] = s.off_topic === true ? 1 : s.off_topic === false ? 0 : -1;
		if (s.matched.length) out.matched[k] = s.matched;
	});
	return out;
}

/**
 * Runs the detectors on the messages `readTextColumns` read, one half after the other in this thread (pure).
 * `onStage(n)` is called after each of the `DETECT_STAGES` stages.
 */
export function detectReplyFlags(input: TextColumns, onStage: (done: number) => void = () => {}): DetectedFlags {
	const patterns = detectHalf('patterns', input);
	onStage(1);
	const relevance = detectHalf('relevance', input);
	onStage(2);
	const detected = combineHalves(input, { patterns, relevance });
	onStage(3);
	return detected;
}

/**
 * How `computeReplyFlags` runs the detection: in this thread by default (`detectReplyFlags`); the command line
 * passes one that runs the two halves in threads of their own.
 */
export type Detector = (input: TextColumns) => Promise<DetectedFlags>;

/** Runs the detectors on every agent/bot reply and stores the result (see the module comment). */
export async function computeReplyFlags(
	db: Db,
	options: ReplyFlagsOptions & { detect?: Detector } = {}
): Promise<{ replies: number; templates: number }> {
	const progress = new Progress(options);
	const input = await readTextColumns(db);
	const detected = options.detect ? await options.detect(input) : detectReplyFlags(input);
	await progress.start(DETECT_STAGES + writeSteps(detected));
	for (let i = 0; i < DETECT_STAGES; i++) await progress.step();
	return writeReplyFlags(db, detected, progress);
}
