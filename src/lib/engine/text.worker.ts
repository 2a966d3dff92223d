/// <reference lib="webworker" />
// One half of the text detection (detect-flags.ts `detectHalf`: templates and reply kinds, or relevance) in a worker
// of its own: pure CPU work on the messages the engine read from DuckDB. The engine starts one worker per half, so
// the two halves run on two cores, and its own worker keeps answering the pages meanwhile.
import { detectHalf } from '$lib/analysis/detect-flags';
import { describeError } from './describe-error';
import type { TextWorkerMessage, TextWorkerTask } from './text-worker-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: TextWorkerMessage) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<TextWorkerTask>) => {
	try {
		post({ type: 'done', result: detectHalf(event.data.half, event.data.input) });
	} catch (error) {
		post({ type: 'error', error: describeError(error) });
	}
};
