/** The demo generator's reply labels (generate-demo.ts --labels, emit.ts): how it meant each staff reply. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** Where the labels of the bundled demo are kept, next to the other evaluation sets. */
export const DEMO_LABELS = 'data/eval/demo-reply-kinds.csv';

/** The labels of the bundled demo: each labelled staff message's id and reply kind (replies.ts). */
export function readDemoLabels(): { message_id: string; reply_kind: string }[] {
	const csv = readFileSync(DEMO_LABELS, 'utf8').replace(/^\uFEFF/, '');
	return Papa.parse<{ message_id: string; reply_kind: string }>(csv, { header: true, delimiter: ';', skipEmptyLines: true }).data;
}
