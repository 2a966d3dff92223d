/**
 * The rows `writeReplyFlags` stores, from the results of the detection's two halves (detect-flags.ts). Apart from the
 * detectors so that the browser's engine worker, which combines the halves its text workers send, does not carry them.
 */
import type { Cell } from '$lib/db/types';
import type { HalfResult } from './detect-flags';
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
	const { templates, template, kinds } = results.patterns;
	const { relevance, offTopic, matched } = results.relevance;
	return {
		replies: Array.from(input.replies, (i, k) => [
			input.messageIds[i],
			input.conversations[input.conversation[i]],
			template[k] < 0 ? null : templates[template[k]].template_id,
			offTopic[k] < 0 ? null : offTopic[k] === 1,
			Number.isNaN(relevance[k]) ? null : relevance[k],
			matched[k],
			kinds[k].kind,
			kinds[k].department
		]),
		templates: templates.map(templateRow)
	};
}

function templateRow(t: Template): Cell[] {
	return [
		t.template_id, t.text, t.messages, t.conversations, t.variants, t.departments, t.authors, t.roles,
		t.human_copies_bot
	];
}

