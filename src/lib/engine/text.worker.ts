/// <reference lib="webworker" />
// The text detectors (templates, off-topic replies, reply kinds) in a worker of their own: pure CPU work on the
// messages the engine read from DuckDB, so the engine's worker keeps answering the pages meanwhile, on the other core.
import { DETECT_STAGES, detectReplyFlags } from '$lib/analysis/detect-flags';
import type { TextRows } from '$lib/analysis/text-flags';
import { describeError } from './describe-error';
import type { TextWorkerMessage } from './text-worker-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: TextWorkerMessage) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<TextRows>) => {
	try {
		post({ type: 'done', detected: detectReplyFlags(event.data, (done) => post({ type: 'stage', fraction: done / DETECT_STAGES })) });
	} catch (error) {
		post({ type: 'error', error: describeError(error) });
	}
};
