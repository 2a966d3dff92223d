/**
 * Commitments evaluation (issue 8): precision and recall of the commitments found in the labelled messages of
 * the development sets data/eval/dev/commitments-{ru,en}{,-b,-c}.jsonl (the extractor is tuned against them;
 * -b and -c were held-out sets first, see their READMEs) and of the held-out set
 * data/eval/heldout-3/commitments-{ru,en}.jsonl (never used to choose a word or a rule, see
 * data/eval/heldout-3/COMMITMENTS.md), per language and overall. A found commitment matches a labelled one of
 * the same message with the same kind and the same due_at (to the second); "kind+message only" figures match
 * on the kind alone. Messages are read as the app reads them: customer messages set nothing, system messages
 * set deadlines only (commitment-status.ts).
 *
 *   npx tsx scripts/eval-commitments.ts [--errors] [--no-heldout]
 *
 * One JSON object a line: {"id","lang","role","department","time_zone","sent_at" (ISO with offset),"text",
 * "commitments":[{"kind","phrase","due_at" (ISO with offset)}]}.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canSet } from '../src/lib/commitments/commitment-status';
import { findCommitments } from '../src/lib/commitments/find-commitments';
import type { CommitmentKind } from '../src/lib/commitments/types';
import { formatIsoWithOffset } from '../src/lib/ingest/time-zone';
import type { Role } from '../src/lib/model';

interface Labelled {
	id: string;
	lang: string;
	role: Role;
	department: string | null;
	time_zone: string;
	sent_at: string;
	text: string;
	commitments: { kind: CommitmentKind; phrase: string; due_at: string }[];
}

/** What one commitment is compared on. */
interface Item {
	kind: CommitmentKind;
	/** Due time, whole seconds since the epoch. */
	second: number;
	phrase: string;
}

interface Tally {
	messages: number;
	labelled: number;
	found: number;
	matched: number;
	kindMatched: number;
}

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const skipHeldOut = args.includes('--no-heldout');

/** The labelled sets: development (tuned against) and held-out (measured, never tuned against). */
const SETS = [
	{ dir: 'data/eval/dev', suffix: '', label: 'dev', heldOut: false },
	{ dir: 'data/eval/dev', suffix: '-b', label: 'dev-b', heldOut: false },
	{ dir: 'data/eval/dev', suffix: '-c', label: 'dev-c', heldOut: false },
	{ dir: 'data/eval/heldout-3', suffix: '', label: 'held-out (not used for tuning)', heldOut: true }
] as const;

function readLines(path: string): Labelled[] {
	return readFileSync(path, 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => JSON.parse(l) as Labelled);
}

function toSecond(ms: number): number {
	return Math.floor(ms / 1000);
}

/** Pairs found and labelled items one to one; returns how many paired. */
function pair(found: readonly Item[], labelled: readonly Item[], same: (a: Item, b: Item) => boolean): { matched: number; extra: Item[]; missed: Item[] } {
	const left = [...labelled];
	const extra: Item[] = [];
	for (const f of found) {
		const i = left.findIndex((l) => same(f, l));
		if (i >= 0) left.splice(i, 1);
		else extra.push(f);
	}
	return { matched: found.length - extra.length, extra, missed: left };
}

function evaluate(rows: readonly Labelled[], errors: string[]): Tally {
	const tally: Tally = { messages: rows.length, labelled: 0, found: 0, matched: 0, kindMatched: 0 };
	for (const row of rows) {
		const sentAt = Date.parse(row.sent_at);
		const found: Item[] = findCommitments(row.text, sentAt, row.time_zone)
			.filter((c) => canSet(row.role, c.kind))
			.map((c) => ({ kind: c.kind, second: toSecond(c.due_at), phrase: c.phrase }));
		const labelled: Item[] = row.commitments.map((c) => ({ kind: c.kind, second: toSecond(Date.parse(c.due_at)), phrase: c.phrase }));
		const exact = pair(found, labelled, (a, b) => a.kind === b.kind && a.second === b.second);
		tally.labelled += labelled.length;
		tally.found += found.length;
		tally.matched += exact.matched;
		tally.kindMatched += pair(found, labelled, (a, b) => a.kind === b.kind).matched;
		if (exact.extra.length + exact.missed.length > 0) {
			const show = (i: Item) => `${i.kind} ${formatIsoWithOffset(i.second * 1000, row.time_zone)} «${i.phrase}»`;
			errors.push(
				`${row.id} (${row.role}, sent ${row.sent_at}) ${row.text.replace(/\s+/g, ' ').slice(0, 160)}\n` +
					exact.missed.map((i) => `    MISSED ${show(i)}\n`).join('') +
					exact.extra.map((i) => `    FALSE  ${show(i)}\n`).join('')
			);
		}
	}
	return tally;
}

function ratio(a: number, b: number): string {
	return b === 0 ? 'n/a' : (a / b).toFixed(3);
}

function report(label: string, t: Tally): void {
	const p = t.matched / Math.max(1, t.found);
	const r = t.matched / Math.max(1, t.labelled);
	const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
	console.log(
		`${label}: messages=${t.messages} labelled=${t.labelled} found=${t.found} matched=${t.matched} ` +
			`precision=${ratio(t.matched, t.found)} recall=${ratio(t.matched, t.labelled)} F1=${f1.toFixed(3)} | ` +
			`kind+message only: precision=${ratio(t.kindMatched, t.found)} recall=${ratio(t.kindMatched, t.labelled)}`
	);
}

function evaluateSet(dir: string, suffix: string, label: string): void {
	const total: Tally = { messages: 0, labelled: 0, found: 0, matched: 0, kindMatched: 0 };
	for (const lang of ['ru', 'en']) {
		const path = join(dir, `commitments-${lang}${suffix}.jsonl`);
		if (!existsSync(path)) {
			console.log(`${label} ${lang}: ${path} absent, skipped`);
			continue;
		}
		const errors: string[] = [];
		const t = evaluate(readLines(path), errors);
		report(`${label} ${lang}`, t);
		for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
		if (showErrors && errors.length > 0) console.log(errors.join(''));
	}
	report(`${label} overall`, total);
}

for (const set of SETS) {
	if (set.heldOut && skipHeldOut) continue;
	evaluateSet(set.dir, set.suffix, set.label);
}
