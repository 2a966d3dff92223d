/** One half of the text detection in a thread of its own (detect-threads.ts): runs it and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { detectHalf, type DetectionHalf } from '$lib/analysis/detect-flags';
import type { TextColumns } from '$lib/analysis/text-flags';

const { half, input } = workerData as { half: DetectionHalf; input: TextColumns };
parentPort!.postMessage(detectHalf(half, input));
