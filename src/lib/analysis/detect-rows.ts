/**
 * The rows `writeReplyFlags` stores, from the results of the detection's two halves (detect-flags.ts). Apart from the
 * detectors so that the browser's engine worker, which combines the halves its text workers send, does not carry them.
 */
import type { Cell } from '$lib/db/types';
import type { HalfResult } from './detect-flags';
import type { ReplyKindResult } from './text/reply-kinds';
import type { RelevanceResult } from './text/relevance';
import type { TextColumns } from './text-flags';
import type { Template } from './text/templates';

export type { Cell };

/** What the detectors found, as plain rows (a worker can post them): one per reply, one per template. */
export interface DetectedFlags {
	/** The `reply_flags` columns of each agent/bot reply. */
	replies: Cell[][];
	/** The `templates` columns of each template. */
	templates: Cell[][];
}

/** The rows to store for the replies of `input` (in its `replies` order), from the two halves' results. */
export function combineHalves(input: TextColumns, results: HalfResult): DetectedFlags {
	const { templates, kinds } = results.patterns;
	return {
		replies: Array.from(input.replies, (i, k) => {
			const id = input.messageIds[i];
			return flagRow(id, input.conversations[input.conversation[i]], templates.byMessage.get(id) ?? null, results.relevance.get(id), kinds[k]);
		}),
		templates: templates.templates.map(templateRow)
	};
}

function flagRow(
	messageId: string, conversationId: string, templateId: string | null, score: RelevanceResult | undefined, kind: ReplyKindResult
): Cell[] {
	return [
		messageId, conversationId, templateId, score?.off_topic ?? null, score?.relevance ?? null,
		score?.matched ?? [], kind.kind, kind.department
	];
}

function templateRow(t: Template): Cell[] {
	return [
		t.template_id, t.text, t.messages, t.conversations, t.variants, t.departments, t.authors, t.roles,
		t.human_copies_bot
	];
}

