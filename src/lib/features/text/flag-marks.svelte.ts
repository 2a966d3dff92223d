import type { Engine } from '$lib/engine/engine';
import type { FlagMark } from '$lib/analysis/text-view-types';

/**
 * Marks flags as wrong (or undoes that) one at a time per reply, then runs `after` (the page's reload), and keeps
 * the last failure to show. The engine keeps the mark with the dataset in this browser.
 */
export class FlagMarker {
	/** Replies whose mark is being saved. */
	pending = $state.raw<ReadonlySet<string>>(new Set());
	/** Why the last mark was not saved. */
	error = $state.raw<unknown>(null);
	#engine: Pick<Engine, 'markFlag'>;
	#after: () => Promise<void> | void;

	constructor(engine: Pick<Engine, 'markFlag'>, after: () => Promise<void> | void) {
		this.#engine = engine;
		this.#after = after;
	}

	/** Marks `mark` wrong (`wrong`), or not any more. */
	async mark(mark: FlagMark, wrong: boolean): Promise<void> {
		if (this.pending.has(mark.message_id)) return;
		this.pending = new Set([...this.pending, mark.message_id]);
		this.error = null;
		try {
			await this.#engine.markFlag({ message_id: mark.message_id, flag: mark.flag }, wrong);
			await this.#after();
		} catch (error) {
			this.error = error;
		} finally {
			this.pending = new Set([...this.pending].filter((id) => id !== mark.message_id));
		}
	}
}
