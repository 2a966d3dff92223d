/** One half of the text detection in a thread of its own (detect-threads.ts): runs it and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { detectHalf, type DetectionHalf, type HalfInput } from '$lib/analysis/detect-flags';

const { half, input } = workerData as { half: DetectionHalf; input: HalfInput[DetectionHalf] };
parentPort!.postMessage(detectHalf(half, input as never));
