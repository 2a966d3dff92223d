/**
 * Quality and speed of the template and reply-kind detection (src/lib/analysis/text).
 *   npx tsx scripts/eval-templates.ts [--demo data/demo/support-chats.csv] [--ibm path/dev.json] [--verbose]
 * 1. On the labelled sets data/eval/templates-{ru,en}.jsonl: precision, recall and F1 of the templated flag,
 *    pairwise precision/recall/F1 and Rand index of the clusters against the families, reply-kind accuracy.
 *    The same figures on the held-out sets data/eval/heldout/templates-{ru,en}.jsonl, labelled
 *    "held-out (not used for tuning)": never use them to choose thresholds (data/eval/heldout/README.md).
 * 2. On the demo export (agent and bot replies; `--demo` again for larger generated files): number of templates,
 *    the top 10, messages per second, and how many templated replies share under a quarter of their words with
 *    their template's text (a sign of clusters chaining through near-duplicate pairs).
 * 3. On real English care replies (../shared/realdata/ibm-care-dev, skipped when absent): share templated and
 *    ten examples each way, to be looked at by a person.
 * Figures, not assertions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { normaliseText } from '../src/lib/analysis/text/normalise';
import { classifyReply, type ReplyKindResult } from '../src/lib/analysis/text/reply-kinds';
import { DEMO_LABELS, readDemoLabels } from './demo/labels';
import { stemWords } from '../src/lib/analysis/text/stem';
import { findTemplates, type ReplyInput, type Template } from '../src/lib/analysis/text/templates';

interface EvalRow extends ReplyInput {
	template_family: string | null;
	kind: 'generic' | 'stalling' | 'redirect' | null;
	redirect_department?: string;
}

const { values } = parseArgs({
	options: {
		demo: { type: 'string', multiple: true, default: ['data/demo/support-chats.csv'] },
		ibm: { type: 'string', default: '../shared/realdata/ibm-care-dev/dev.json' },
		verbose: { type: 'boolean', default: false }
	}
});

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function readJsonl(path: string): EvalRow[] {
	return readFileSync(path, 'utf8')
		.split('\n')
		.filter((l) => l.trim().length > 0)
		.map((l) => JSON.parse(l) as EvalRow);
}

function templatedFlag(rows: EvalRow[], byMessage: Map<string, string>) {
	let tp = 0, fp = 0, fn = 0;
	for (const r of rows) {
		const truth = r.template_family !== null;
		const pred = byMessage.has(r.message_id);
		if (truth && pred) tp++;
		else if (pred) fp++;
		else if (truth) fn++;
		if (values.verbose && truth !== pred)
			console.log(`    ${pred ? 'FP' : 'FN'} ${r.template_family ?? '-'} ${r.conversation_id}: ${r.text.slice(0, 110)}`);
	}
	const p = tp / (tp + fp);
	const rec = tp / (tp + fn);
	return { p, r: rec, f: f1(p, rec), tp, fp, fn };
}

/** Pairwise agreement: null labels are singletons. */
function pairwise(rows: EvalRow[], byMessage: Map<string, string>) {
	let both = 0, truthOnly = 0, predOnly = 0, agree = 0, pairs = 0;
	for (let i = 0; i < rows.length; i++) {
		const ti = rows[i].template_family, pi = byMessage.get(rows[i].message_id);
		for (let j = i + 1; j < rows.length; j++) {
			const t = ti !== null && ti === rows[j].template_family;
			const p = pi !== undefined && pi === byMessage.get(rows[j].message_id);
			pairs++;
			if (t === p) agree++;
			if (t && p) both++;
			else if (t) truthOnly++;
			else if (p) predOnly++;
		}
	}
	const p = both / (both + predOnly), r = both / (both + truthOnly);
	return { p, r, f: f1(p, r), rand: agree / pairs };
}

function replyKinds(rows: EvalRow[]) {
	let ok = 0, depOk = 0, deps = 0;
	for (const r of rows) {
		const got = classifyReply(r.text);
		if (got.kind === r.kind) ok++;
		else if (values.verbose) console.log(`    kind ${got.kind} != ${r.kind}: ${r.text.slice(0, 110)}`);
		if (r.redirect_department) {
			deps++;
			if (got.department === r.redirect_department) depOk++;
		}
	}
	return { accuracy: ok / rows.length, department: deps ? depOk / deps : NaN, deps };
}

function evaluate(path: string, heldOut = false): void {
	if (heldOut && !existsSync(path)) return console.log(`held-out (not used for tuning) ${path}: absent, skipped`);
	const rows = readJsonl(path);
	const { byMessage, templates } = findTemplates(rows);
	const flag = templatedFlag(rows, byMessage);
	const pair = pairwise(rows, byMessage);
	const kinds = replyKinds(rows);
	const families = new Set(rows.map((r) => r.template_family).filter((f) => f !== null));
	console.log(`${heldOut ? 'held-out (not used for tuning) ' : ''}${path}: ${rows.length} replies, ${new Set(rows.map((r) => r.conversation_id)).size} conversations, ` +
		`${families.size} families, ${templates.length} templates found`);
	console.log(`  templated flag   precision ${pct(flag.p)}  recall ${pct(flag.r)}  F1 ${pct(flag.f)}  (tp ${flag.tp} fp ${flag.fp} fn ${flag.fn})`);
	console.log(`  clusters (pairs) precision ${pct(pair.p)}  recall ${pct(pair.r)}  F1 ${pct(pair.f)}  Rand ${pct(pair.rand)}`);
	console.log(`  reply kinds      accuracy ${pct(kinds.accuracy)}  redirect department ${pct(kinds.department)} (${kinds.deps})`);
	const split = new Map<string, Set<string>>();
	for (const r of rows)
		if (r.template_family) split.set(r.template_family, (split.get(r.template_family) ?? new Set()).add(byMessage.get(r.message_id) ?? '-'));
	for (const [family, ids] of split) if (ids.size > 1) console.log(`  family ${family} split into ${[...ids].join(', ')}`);
	const seed = rows.find((r) => r.text.startsWith('Добрый вечер, коллеги. Действительно, бренд-менеджер'));
	if (seed) console.log(`  seed reply templated: ${byMessage.get(seed.message_id) ?? 'no'}`);
}

function readDemo(path: string): ReplyInput[] {
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', skipEmptyLines: true });
	const roles: Record<string, string> = { 'Сотрудник': 'agent', 'Бот': 'bot' };
	return parsed.data
		.filter((r) => roles[r['Роль']])
		.map((r) => ({
			message_id: r['ID сообщения'],
			conversation_id: r['Номер обращения'],
			role: roles[r['Роль']],
			author: r['Отправитель'] || null,
			department: r['Отдел'] || null,
			text: r['Сообщение'] ?? ''
		}));
}

function demo(path: string): void {
	const replies = readDemo(path);
	const start = performance.now();
	const { byMessage, templates } = findTemplates(replies);
	const templatesS = (performance.now() - start) / 1000;
	let kinds = 0;
	for (const r of replies) if (classifyReply(r.text).kind) kinds++;
	const seconds = (performance.now() - start) / 1000;
	console.log(`\n${path}: ${replies.length} agent/bot replies, ${templates.length} templates, ` +
		`${byMessage.size} templated (${pct(byMessage.size / replies.length)}), ${kinds} generic/stalling/redirect`);
	console.log(`  whole detection: ${seconds.toFixed(2)} s (templates ${templatesS.toFixed(2)} s, reply kinds ` +
		`${(seconds - templatesS).toFixed(2)} s), ${Math.round(replies.length / seconds)} replies/s`);
	for (const t of templates.slice(0, 10))
		console.log(`  ${t.template_id.padEnd(4)} ${String(t.messages).padStart(5)} msgs ${String(t.conversations).padStart(5)} convs ` +
			`${String(t.variants).padStart(3)} variants ${t.roles.join('+').padEnd(9)}${t.human_copies_bot ? ' copied' : '       '} ${t.text.slice(0, 90)}`);
	console.log(`  templates used by a bot and a human: ${templates.filter((t) => t.human_copies_bot).length}`);
	const far = farFromTemplate(replies, byMessage, templates);
	console.log(`  templated replies sharing under a quarter of their words with their template's text: ${far} ` +
		`(${pct(far / Math.max(1, byMessage.size))})`);
	kindsAgainstDemoLabels(replies);
}

/** The reply kind a demo reply of each generator kind should get; kinds left out have no single expected one. */
const EXPECTED_KIND: Record<string, ReplyKindResult['kind']> = {
	wait: 'stalling', handoff: 'stalling', redirect: 'redirect', generic: 'generic', answer: null, offtopic: null
};

/**
 * How the reply kinds agree with what the demo generator meant each staff reply to be: per generator kind, how many
 * got the expected kind. Its waiting, handoff and generic replies are often written for the case (compose.ts), in
 * words no canned text has, which is what the lists of reply-kinds.ts must cover.
 */
function kindsAgainstDemoLabels(replies: ReplyInput[]): void {
	const text = new Map(replies.map((r) => [r.message_id, r.text]));
	const labels = readDemoLabels();
	const tally = new Map<string, { ok: number; all: number }>();
	for (const { message_id, reply_kind } of labels) {
		if (!(reply_kind in EXPECTED_KIND)) continue;
		const t = tally.get(reply_kind) ?? { ok: 0, all: 0 };
		t.all++;
		if (classifyReply(text.get(message_id) ?? '').kind === EXPECTED_KIND[reply_kind]) t.ok++;
		tally.set(reply_kind, t);
	}
	console.log(`  reply kinds against the generator's labels (${DEMO_LABELS}): ` +
		[...tally].map(([k, t]) => `${k} -> ${EXPECTED_KIND[k] ?? 'none'} ${t.ok}/${t.all}`).join(', '));
}

/** Templated replies (of 6+ distinct stems) whose stems overlap their template's shown text by a Jaccard under 0.25. */
function farFromTemplate(replies: ReplyInput[], byMessage: Map<string, string>, templates: Template[]): number {
	const stems = (text: string) => new Set(stemWords(normaliseText(text).words));
	const shown = new Map(templates.map((t) => [t.template_id, stems(t.text)]));
	let far = 0;
	for (const r of replies) {
		const t = byMessage.get(r.message_id);
		if (!t) continue;
		const a = stems(r.text);
		const b = shown.get(t)!;
		let shared = 0;
		for (const x of a) if (b.has(x)) shared++;
		if (a.size >= 6 && shared / (a.size + b.size - shared) < 0.25) far++;
	}
	return far;
}

interface IbmConversation {
	dialogHeader: { sessionID: string; company: string };
	dialogContent: { agent?: string; client?: string; message: string }[];
	agentURL?: { url_utterance?: string };
}

function ibm(path: string): void {
	if (!existsSync(path)) return console.log(`\n${path}: absent, skipped`);
	const replies: ReplyInput[] = [];
	for (const c of JSON.parse(readFileSync(path, 'utf8')) as IbmConversation[]) {
		const { sessionID: conversation_id, company } = c.dialogHeader;
		c.dialogContent.forEach((m, i) => {
			if (m.agent) replies.push({ message_id: `${conversation_id}-${i}`, conversation_id, role: 'agent', author: m.agent, department: company, text: m.message });
		});
		const last = c.agentURL?.url_utterance;
		if (last) replies.push({ message_id: `${conversation_id}-url`, conversation_id, role: 'agent', author: company, department: company, text: last });
	}
	const { byMessage, templates } = findTemplates(replies);
	console.log(`\n${path}: ${replies.length} agent replies, ${templates.length} templates, ${pct(byMessage.size / replies.length)} templated`);
	const show = (r: ReplyInput) => `    ${byMessage.get(r.message_id) ?? '-'} ${r.text.replace(/\s+/g, ' ').slice(0, 130)}`;
	console.log('  templated:');
	const seen = new Set<string>();
	for (const r of replies) {
		const t = byMessage.get(r.message_id);
		if (t && !seen.has(t) && seen.size < 10) (seen.add(t), console.log(show(r)));
	}
	console.log('  not templated:');
	for (const r of replies.filter((r) => !byMessage.has(r.message_id)).slice(0, 10)) console.log(show(r));
}

evaluate('data/eval/templates-ru.jsonl');
evaluate('data/eval/heldout/templates-ru.jsonl', true);
evaluate('data/eval/templates-en.jsonl');
evaluate('data/eval/heldout/templates-en.jsonl', true);
for (const path of values.demo ?? []) demo(path);
if (values.ibm) ibm(values.ibm);
