/**
 * Generates the synthetic demo dataset: support chats between pickup-point (ПВЗ) owners and a
 * marketplace's support sections, exported as a Russian-style CSV (UTF-8 with BOM, `;`, CRLF).
 *
 *   npx tsx scripts/generate-demo.ts [--conversations 1500] [--seed 20240510] [--out data/demo] [--format csv] [--labels FILE]
 *
 * `--labels FILE` also writes how the simulation meant each staff reply (message_id;reply_kind, emit.ts): the
 * labels `npm run eval` checks the off-topic flags against on the demo (data/eval/demo-reply-kinds.csv).
 *
 * Deterministic: the same options give the same file. Data tables live in scripts/demo/data/, the
 * simulation in scripts/demo/. Rows are streamed, so `--conversations 200000` (about a million
 * messages) runs in seconds.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatWallClock } from './demo/clock';
import { CsvWriter } from './demo/csv-writer';
import { HEADER, IdSource, LABELS_HEADER, Tally, scriptedConversation, writeConversation } from './demo/emit';
import { PERIOD_DAYS, StartQueue, buildPoints } from './demo/plan';
import { Rng, seedFrom } from './demo/random';
import { simulateConversation } from './demo/simulate';

/**
 * Pickup points: 60 for the demo's size, and about one new conversation per point per day of the period at larger
 * sizes. With 60 points at every size, each point of a million-message file had some 2,600 conversations in four
 * months and hundreds open at once, which no owner has; the commitments' conflicts (a deadline met while the owner
 * waited elsewhere) then grew with the square of the size.
 */
function pointCount(conversations: number): number {
	return Math.max(60, Math.round(conversations / PERIOD_DAYS));
}
const FILE_NAME = 'support-chats.csv';

interface Options {
	conversations: number;
	seed: number;
	out: string;
	labels: string | undefined;
}

function readOptions(argv: string[]): Options {
	const { values } = parseArgs({
		args: argv,
		options: {
			conversations: { type: 'string', default: '1500' },
			seed: { type: 'string', default: '20240510' },
			out: { type: 'string', default: 'data/demo' },
			format: { type: 'string', default: 'csv' },
			labels: { type: 'string' }
		}
	});
	if (values.format !== 'csv') throw new Error(`Unsupported --format ${values.format}: only csv is generated.`);
	const conversations = Number(values.conversations);
	if (!Number.isInteger(conversations) || conversations < 1) throw new Error(`--conversations must be a positive integer, got ${values.conversations}.`);
	return { conversations, seed: seedFrom(values.seed!), out: values.out!, labels: values.labels };
}

async function generate(options: Options): Promise<{ path: string; writer: CsvWriter; tally: Tally }> {
	const rng = new Rng(options.seed);
	const queue = new StartQueue(rng, buildPoints(rng, pointCount(options.conversations)), options.conversations);
	const ids = new IdSource(rng);
	const tally = new Tally();
	mkdirSync(options.out, { recursive: true });
	const path = join(options.out, FILE_NAME);
	const writer = CsvWriter.open(path, HEADER);
	const labels = options.labels === undefined ? undefined : CsvWriter.open(options.labels, LABELS_HEADER);
	for (let spec = queue.next(); spec; spec = queue.next()) {
		const id = ids.nextConversation();
		const conversation = spec.script ? scriptedConversation(id, spec) : simulateConversation(id, spec, rng, (s) => queue.spawn(s));
		writeConversation(conversation, writer, ids, rng, tally, labels);
		await writer.flushIfFull();
		await labels?.flushIfFull();
	}
	await writer.close();
	await labels?.close();
	return { path, writer, tally };
}

function report(path: string, writer: CsvWriter, tally: Tally, seconds: number): void {
	const lines = [
		`${path}: ${tally.conversations} conversations, ${tally.messages} messages, ${(writer.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
		`  from ${formatWallClock(tally.first)} to ${formatWallClock(tally.last)} (Moscow time)`,
		`  by role: ${[...tally.byRole].map(([k, v]) => `${k} ${v}`).join(', ')}`,
		`  staff and bot messages by department: ${[...tally.byDepartment].map(([k, v]) => `${k} ${v}`).join(', ')}`
	];
	console.log(lines.join('\n'));
}

async function main(): Promise<void> {
	const started = performance.now();
	const { path, writer, tally } = await generate(readOptions(process.argv.slice(2)));
	report(path, writer, tally, (performance.now() - started) / 1000);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
