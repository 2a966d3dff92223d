/**
 * The shared report as one self-contained HTML file: inline CSS, charts as inline SVG, no script, no request.
 * A strict CSP (`default-src 'none'`) makes sure of that even if a value slipped through unescaped; every value
 * from the data is escaped anyway. The ShareReport is embedded as a JSON data block (never executed) so the group
 * comparison can read the file back (`readShareJson`).
 */
import type { ReplyBucket } from '$lib/analysis/view-types';
import { formatDay, formatDuration, formatNumber, formatPercent } from '$lib/format';
import type { ShareReport } from './share-report';
import { SHARE_CSS } from './share-css';
import { shareStrings, type ShareStrings } from './share-strings';
import { PALETTE, columnChart, escapeHtml, hBarChart, legend, lineChart } from './svg-charts';

/**
 * The CSP of the file: nothing may load or run; inline styles and data: images only (with nothing allowed to load,
 * CSS cannot send anything anywhere). base-uri and form-action are not covered by default-src: closed too.
 */
export const SHARE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
/** id of the embedded JSON block. */
export const SHARE_JSON_ID = 'replyscope-share';
/** How many departments get a line in the weekly chart (the busiest ones). */
const WEEKLY_LINES = 8;

/** A table cell: text, a number (right-aligned), or text with a grey line under it; all escaped. */
type Cell = string | { n: string } | { text: string; sub: string };

interface Ctx {
	report: ShareReport;
	t: ShareStrings;
	dur: (s: number | null) => string;
	pct: (x: number | null) => string;
	num: (x: number | null) => string;
	dept: (d: string | null) => string;
}

/** The whole HTML document of `report`. */
export function renderShareHtml(report: ShareReport): string {
	const lang = report.language;
	const t = shareStrings(lang);
	const ctx: Ctx = {
		report, t,
		dur: (s) => formatDuration(s, lang),
		pct: (x) => formatPercent(x, lang),
		num: (x) => formatNumber(x, lang, 0),
		dept: (d) => d ?? t.noDepartment
	};
	const title = report.owner ? `${t.title}: ${report.owner}` : t.title;
	const body = [header(ctx), headline(ctx), departments(ctx), buckets(ctx), weekly(ctx), handoffs(ctx), templates(ctx),
		offTopic(ctx), commitments(ctx), agents(ctx), `<footer>${escapeHtml(t.footer)}</footer>`].join('\n');
	return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SHARE_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${SHARE_CSS}</style>
</head>
<body>
<main>
${body}
</main>
<script type="application/json" id="${SHARE_JSON_ID}">${jsonForHtml(report)}</script>
</body>
</html>
`;
}

/**
 * JSON safe inside a `<script>` data block: `<` written as \u003c so no `</script>` or `<!--` can appear (and `>`,
 * `&` too, so no markup-looking text is left in the file at all); JSON.parse reads them back unchanged.
 */
export function jsonForHtml(value: unknown): string {
	return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The ShareReport embedded in an HTML file made by renderShareHtml; null when there is none. */
export function readShareJson(html: string): ShareReport | null {
	const match = new RegExp(`<script type="application/json" id="${SHARE_JSON_ID}">([^<]*)</script>`).exec(html);
	if (!match) return null;
	const value = JSON.parse(match[1]);
	return value?.schema === 'replyscope.share/1' ? (value as ShareReport) : null;
}

function header({ report, t }: Ctx): string {
	const lang = report.language;
	const period = report.period
		? `${formatDay(report.period.first_day, lang, true)} – ${formatDay(report.period.last_day, lang, true)}`
		: '—';
	const source = t.source(report.source.files, formatNumber(report.source.messages, lang, 0), formatNumber(report.source.conversations, lang, 0));
	const note = report.anonymised
		? `<p class="note ok">${escapeHtml(t.anonymised)}</p>`
		: `<p class="note warn">${escapeHtml(t.notAnonymised)}</p>`;
	return `<header>
<h1>${escapeHtml(t.title)}</h1>
${report.owner ? `<p class="owner">${escapeHtml(report.owner)}</p>` : ''}
<p class="meta">${escapeHtml(`${t.period}: ${period} (${t.timeZone} ${report.time_zone})`)}<br>${escapeHtml(source)}<br>${escapeHtml(`${t.generated}: ${report.generated_at.slice(0, 16).replace('T', ' ')}`)}</p>
${note}
</header>`;
}

function headline({ report, t, dur, pct, num }: Ctx): string {
	const h = report.headline;
	const cards: [string, string][] = [
		[t.conversations, num(h.conversations)],
		[t.firstResponseMedian, dur(h.first_response_median_s)],
		[t.replyMedian, dur(h.reply_median_s)],
		[t.withinTarget(dur(report.target_s)), pct(h.within_target_share)],
		[t.handoffShare, pct(h.handoff_share)]
	];
	return `<section class="kpis">${cards.map(([label, value]) => `<div class="kpi"><div class="value">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div></div>`).join('')}</section>`;
}

function departments(ctx: Ctx): string {
	const { report, t, dur, pct, num, dept } = ctx;
	const rows = report.departments;
	const chart = hBarChart({
		title: t.timesChart, labels: rows.map((d) => dept(d.department)), scale: 'duration', format: dur,
		series: [
			{ name: t.firstResponse, color: PALETTE[0], values: rows.map((d) => d.first_response_median_s), whiskers: rows.map((d) => d.first_response_p90_s) },
			{ name: t.reply, color: PALETTE[1], values: rows.map((d) => d.reply_median_s), whiskers: rows.map((d) => d.reply_p90_s) }
		]
	});
	const table = tableHtml(
		[t.department, t.conversations, t.agentMessages, `${t.firstResponse}, ${t.median}`, `${t.firstResponse}, ${t.p90}`,
			`${t.reply}, ${t.median}`, `${t.reply}, ${t.p90}`, t.withinTarget(dur(report.target_s)), t.templated, t.offTopic, t.handedOn],
		rows.map((d) => [dept(d.department), { n: num(d.conversations) }, { n: num(d.agent_messages) },
			{ n: dur(d.first_response_median_s) }, { n: dur(d.first_response_p90_s) }, { n: dur(d.reply_median_s) },
			{ n: dur(d.reply_p90_s) }, { n: pct(d.within_target_share) }, { n: pct(d.templated_share) },
			{ n: pct(d.off_topic_share) }, { n: pct(d.handoff_share) }])
	);
	return `<section>
<h2>${escapeHtml(t.departmentsTitle)}</h2>
${table}
${figure(t, t.timesChart, chart, legend([{ name: t.firstResponse, color: PALETTE[0] }, { name: t.reply, color: PALETTE[1] }]))}
</section>`;
}

function buckets({ report, t, num }: Ctx): string {
	const labels = report.reply_buckets.map((b) => t.buckets[b.bucket as ReplyBucket] ?? b.bucket);
	const values = report.reply_buckets.map((b) => b.replies);
	const chart = columnChart({ title: t.bucketsChart, labels, values, color: PALETTE[0], format: (v) => num(v) });
	const table = tableHtml([t.bucket, t.replies], labels.map((label, i) => [label, { n: num(values[i]) }]));
	return `<section>${figure(t, t.bucketsChart, chart, '', table)}</section>`;
}

function weekly({ report, t, dur, dept }: Ctx): string {
	const weeks = [...new Set(report.weekly.map((w) => w.week))].sort();
	if (weeks.length === 0) return '';
	const order = report.departments.map((d) => d.department);
	const present = [...new Set(report.weekly.map((w) => w.department))]
		.sort((a, b) => rank(order, a) - rank(order, b)).slice(0, WEEKLY_LINES);
	const value = new Map(report.weekly.map((w) => [`${w.week}|${w.department}`, w.first_response_median_s]));
	const series = present.map((d, i) => ({
		name: dept(d), color: PALETTE[i % PALETTE.length], values: weeks.map((w) => value.get(`${w}|${d}`) ?? null)
	}));
	const weekLabels = weeks.map((w) => formatDay(w, report.language));
	const chart = lineChart({ title: t.weeklyChart, xLabels: weekLabels, series, format: dur });
	const table = tableHtml([t.week, ...series.map((s) => s.name)],
		weeks.map((w, i) => [weekLabels[i], ...series.map((s) => ({ n: dur(s.values[i]) }))]));
	return `<section>${figure(t, t.weeklyChart, chart, legend(series), table)}</section>`;
}

function rank(order: (string | null)[], d: string | null): number {
	const i = order.indexOf(d);
	return i < 0 ? order.length : i;
}

function handoffs({ report, t, dur, pct, num }: Ctx): string {
	if (report.flows.length === 0) return '';
	const labels = report.flows.map((f) => `${f.from} → ${f.to}`);
	const chart = hBarChart({
		title: t.flowsChart, labels, scale: 'count', format: (v) => num(v),
		series: [{ name: t.transfers, color: PALETTE[2], values: report.flows.map((f) => f.transfers) }]
	});
	const flowTable = tableHtml([t.flow, t.transfers, t.conversations],
		report.flows.map((f, i) => [labels[i], { n: num(f.transfers) }, { n: num(f.conversations) }]));
	const chains = tableHtml([t.chain, t.conversations, t.durationMedian, t.pingPong],
		report.chains.map((c) => [c.departments.join(' → '), { n: num(c.conversations) }, { n: dur(c.duration_median_s) }, { n: pct(c.ping_pong_share) }]));
	return `<section>
${figure(t, t.flowsChart, chart, '', flowTable)}
<h2>${escapeHtml(t.chainsTitle)}</h2>
${chains}
</section>`;
}

function templates({ report, t, num }: Ctx): string {
	if (report.templates.length === 0) return '';
	return `<section>
<h2>${escapeHtml(t.templatesTitle)}</h2>
${tableHtml([t.templateText, t.uses, t.conversations, t.humanCopiesBot],
		report.templates.map((x) => [{ text: x.text, sub: x.departments.join(', ') }, { n: num(x.uses) }, { n: num(x.conversations) }, x.human_copies_bot ? t.yes : '']), 'texts')}
</section>`;
}

function offTopic({ report, t, dept }: Ctx): string {
	const examples = report.off_topic_examples;
	if (!examples?.length) return '';
	const items = examples.map((e) => `<article class="example">
<p class="dept">${escapeHtml(dept(e.department))}</p>
<p><b>${escapeHtml(t.question)}:</b> ${escapeHtml(e.question)}</p>
<p><b>${escapeHtml(t.answer)}:</b> ${escapeHtml(e.answer)}</p>
</article>`);
	return `<section>\n<h2>${escapeHtml(t.offTopicTitle)}</h2>\n${items.join('\n')}\n</section>`;
}

function commitments({ report, t, dur, pct, num, dept }: Ctx): string {
	const part = report.commitments;
	if (!part || (part.departments.length === 0 && part.conflicts.length === 0)) return '';
	const promising = part.departments.filter((d) => d.kept_share !== null);
	const chart = promising.length ? hBarChart({
		// In percent on a count axis (ticks 0, 25, ... 100).
		title: t.keptChart, labels: promising.map((d) => dept(d.department)), scale: 'count', format: (v) => pct(v / 100),
		series: [{ name: t.keptShare, color: PALETTE[0], values: promising.map((d) => Math.round((d.kept_share ?? 0) * 1000) / 10) }]
	}) : '';
	const table = tableHtml([t.department, t.promises, t.kept, t.missed, t.keptShare, t.deadlines, t.passed],
		part.departments.map((d) => [dept(d.department), { n: num(d.promises) }, { n: num(d.kept) }, { n: num(d.missed) },
			{ n: pct(d.kept_share) }, { n: num(d.deadlines) }, { n: num(d.passed) }]));
	const when = (iso: string) => `${formatDay(iso.slice(0, 10), report.language, true)} ${iso.slice(11, 16)}`;
	const conflicts = part.conflicts.map((c) => `<article class="example">
<p>${escapeHtml(t.conflictLine(c.phrase, dept(c.department), when(c.due_at)))}</p>
<p>${[...c.waiting.map((w) => t.waitingFor(dept(w.department), dur(w.waited_s))),
		...(c.waiting_total > c.waiting.length ? [t.moreWaits(c.waiting_total - c.waiting.length)] : [])].map(escapeHtml).join('<br>')}</p>
</article>`);
	return `<section>
<h2>${escapeHtml(t.commitmentsTitle)}</h2>
<p class="meta">${escapeHtml(t.commitmentsIntro)}</p>
${conflicts.length ? `<h2>${escapeHtml(t.conflictsTitle(part.conflicts.length, part.conflicts_total))}</h2>\n${conflicts.join('\n')}` : ''}
${chart ? figure(t, t.keptChart, chart, '', table) : table}
</section>`;
}

function agents({ report, t, dur, num, dept }: Ctx): string {
	if (report.agents.length === 0) return '';
	return `<section>
<h2>${escapeHtml(t.agentsTitle)}</h2>
${tableHtml([t.agent, t.department, t.replies, `${t.reply}, ${t.median}`, `${t.reply}, ${t.p90}`],
		report.agents.map((a) => [a.agent, dept(a.department), { n: num(a.replies) }, { n: dur(a.reply_median_s) }, { n: dur(a.reply_p90_s) }]))}
</section>`;
}

/** A chart with its heading, legend and (optionally) its numbers as a table in a closed <details>. */
function figure(t: ShareStrings, title: string, chart: string, legendHtml: string, table = ''): string {
	const details = table ? `<details><summary>${escapeHtml(t.showTable)}</summary>${table}</details>` : '';
	return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>${legendHtml}${chart}${details}</figure>`;
}

/** A table in a horizontally scrolling box; every cell escaped. */
function tableHtml(headers: string[], rows: Cell[][], className = ''): string {
	const numeric = (c: Cell | undefined) => typeof c === 'object' && 'n' in c;
	const head = headers.map((h, i) => `<th${rows.some((r) => numeric(r[i])) ? ' class="n"' : ''}>${escapeHtml(h)}</th>`).join('');
	const body = rows.map((row) => `<tr>${row.map(cellHtml).join('')}</tr>`).join('\n');
	return `<div class="scroll"><table${className ? ` class="${className}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function cellHtml(c: Cell): string {
	if (typeof c === 'string') return `<td>${escapeHtml(c)}</td>`;
	if ('n' in c) return `<td class="n">${escapeHtml(c.n)}</td>`;
	return `<td>${escapeHtml(c.text)}<div class="sub">${escapeHtml(c.sub)}</div></td>`;
}
