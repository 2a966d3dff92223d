/**
 * The shared report (issue 5): the aggregate figures of one dataset, small enough to post in a messenger group,
 * with every personal value replaced when `anonymised` (anonymise.ts). It carries no conversation, message or file
 * name: only departments, counts, times, and (when the owner chooses) a few anonymised text excerpts.
 * The HTML export (render-html.ts) draws it and embeds it, so the group comparison can load it back.
 */
import { createAnonymiser, type Anonymiser } from './anonymise';
import { readCommitmentsView } from '$lib/analysis/commitments-view';
import { readHandoffsView } from '$lib/analysis/handoffs-view';
import { readOffTopicView } from '$lib/analysis/off-topic-view';
import { readOverviewView } from '$lib/analysis/overview-view';
import { readAgents } from '$lib/analysis/response-times-view';
import { readTemplatesView } from '$lib/analysis/templates-view';
import type { ViewQuery } from '$lib/analysis/view-sql';
import type { ReplyBucket } from '$lib/analysis/view-types';
import type { Db } from '$lib/db/types';
import { formatIsoWithOffset } from '$lib/ingest/time-zone';
import { readDepartmentTextShares } from '$lib/report/report-flags';
import type { Role } from '$lib/model';

export const SHARE_SCHEMA = 'replyscope.share/1';

/** Language of a shared report: its texts, pseudonyms and number formats. */
export type ShareLanguage = 'ru' | 'en';

/** Figures of one department (the effective department of replies; `null` = replies without one). */
export interface ShareDepartment {
	department: string | null;
	/** Conversations with a reply of this department. */
	conversations: number;
	/** Its agent/bot replies. */
	agent_messages: number;
	/** First response, of the conversations it answered first (seconds). */
	first_response_median_s: number | null;
	first_response_p90_s: number | null;
	/** Time to each reply (seconds). */
	reply_median_s: number | null;
	reply_p90_s: number | null;
	/** Share of its timed replies within the report's target. */
	within_target_share: number | null;
	/** Share of its replies that use a template. */
	templated_share: number | null;
	/** Share of its judged replies that do not address the customer. */
	off_topic_share: number | null;
	/** Of the conversations it took part in, the share it passed on to another department (handoffs-view.ts `passing`). */
	handoff_share: number | null;
}

/** A department chain of conversations (two or more departments in a row). */
export interface ShareChain {
	departments: string[];
	conversations: number;
	duration_median_s: number | null;
	/** Share of them where a department appears twice. */
	ping_pong_share: number;
}

/** Transfers from one department to the next. */
export interface ShareFlow {
	from: string;
	to: string;
	conversations: number;
	transfers: number;
}

/** A reply text used again and again. */
export interface ShareTemplate {
	/** Its most frequent variant, anonymised when the report is. */
	text: string;
	/** Replies that use it. */
	uses: number;
	conversations: number;
	departments: string[];
	/** Both a bot and a human sent it: a human copying the bot's text. */
	human_copies_bot: boolean;
}

/** A reply judged off-topic, with the customer's question (excerpts of at most EXCERPT_CHARS). */
export interface ShareOffTopicExample {
	department: string | null;
	/** The end of what the customer wrote before the reply. */
	question: string;
	/** The start of the reply. */
	answer: string;
	/** Score in [0, 1]; lower is surer off-topic. */
	relevance: number | null;
}

/** An agent (or bot), pseudonymised when the report is anonymised. */
export interface ShareAgent {
	agent: string;
	/** Department of most of its replies. */
	department: string | null;
	role: Extract<Role, 'agent' | 'bot'>;
	replies: number;
	reply_median_s: number | null;
	reply_p90_s: number | null;
}

/** The shared report, version 1. Times are seconds; shares are fractions in [0, 1]. */
export interface ShareReport {
	schema: typeof SHARE_SCHEMA;
	/** Language it was made in. */
	language: ShareLanguage;
	/** Name the owner chose to show ("ПВЗ на Ленина"); null when not given. */
	owner: string | null;
	/** When it was made, ISO 8601 with the dataset zone's offset. */
	generated_at: string;
	/** The dataset's time zone (days and weeks are local to it). */
	time_zone: string;
	/** First and last local day with a message, 'YYYY-MM-DD'; null for an empty dataset. */
	period: { first_day: string; last_day: string } | null;
	/** How much data it was made from (no file names: they may hold personal data). */
	source: { files: number; messages: number; conversations: number };
	/** Personal data replaced by pseudonyms and tokens. */
	anonymised: boolean;
	/** The "answered within" target of the within-target shares, seconds. */
	target_s: number;
	headline: {
		conversations: number;
		first_response_median_s: number | null;
		reply_median_s: number | null;
		within_target_share: number | null;
		/** Share of conversations with at least one handoff. */
		handoff_share: number | null;
	};
	/** Most conversations first. */
	departments: ShareDepartment[];
	/** Replies per reply-time bucket (analysis/reply-buckets.ts), all buckets in order. */
	reply_buckets: { bucket: ReplyBucket; replies: number }[];
	/** Median first response of the conversations started each week (Monday, local), per department that answered first. */
	weekly: { week: string; department: string | null; conversations: number; first_response_median_s: number }[];
	/** The commonest chains, at most TOP_CHAINS. */
	chains: ShareChain[];
	/** The largest flows, at most TOP_FLOWS. */
	flows: ShareFlow[];
	/** The most used templates, at most TOP_TEMPLATES. */
	templates: ShareTemplate[];
	/** The clearest off-topic replies, at most TOP_OFF_TOPIC; present only when texts were chosen. */
	off_topic_examples?: ShareOffTopicExample[];
	/** Agents by replies, at most TOP_AGENTS. */
	agents: ShareAgent[];
	/** Promises and deadlines (issue 8); absent in reports made before they were found. */
	commitments?: ShareCommitments;
}

/** Promises kept and deadlines passed per department, and the deadlines that fell while the owner waited elsewhere. */
export interface ShareCommitments {
	/** Per department that made promises or set deadlines, most of them first. */
	departments: {
		department: string | null;
		promises: number; kept: number; missed: number;
		/** kept / (kept + missed); null while none has a known outcome. */
		kept_share: number | null;
		deadlines: number; passed: number;
	}[];
	/** How many conflicts there are in all. */
	conflicts_total: number;
	/** The conflicts in the page's order (an owner who had just asked first), at most TOP_CONFLICTS. */
	conflicts: ShareConflict[];
}

/** A deadline (its department and wording) that fell while the owner waited in other departments' conversations. */
export interface ShareConflict {
	department: string | null;
	phrase: string;
	/** The deadline, ISO 8601 with the dataset zone's offset. */
	due_at: string;
	/** The departments she was waiting for then (the latest waits the page lists: commitments-view-types.ts `WAITS_LISTED`), with how long she had waited, seconds. */
	waiting: { department: string | null; waited_s: number }[];
	/** In how many conversations she was waiting in all. */
	waiting_total: number;
}

/** Options of buildShareReport. */
export interface ShareOptions {
	language: ShareLanguage;
	/** Name the owner chose; blank = none. */
	owner?: string | null;
	/** Replace personal data (on by default everywhere a report leaves the app). */
	anonymise: boolean;
	/** Add the off-topic examples (message excerpts). */
	includeTexts: boolean;
	/** The "answered within" target, seconds. */
	targetS: number;
	/** The dataset's time zone (InputSummary.time_zone). */
	timeZone: string;
	/** How many files the dataset was read from. */
	files: number;
	/** Epoch ms; now by default. */
	generatedAt?: number;
}

export const TOP_CHAINS = 10;
export const TOP_FLOWS = 15;
export const TOP_TEMPLATES = 10;
export const TOP_OFF_TOPIC = 5;
export const TOP_AGENTS = 30;
export const TOP_CONFLICTS = 10;
/** Longest excerpt of a question or an answer. */
export const EXCERPT_CHARS = 300;
/** At most this many off-topic examples from one department, so one busy department does not fill the list. */
const OFF_TOPIC_PER_DEPARTMENT = 2;

/**
 * The shared report of the whole dataset. Needs computeMetrics and computeReplyFlags (as buildReport runs them):
 * the figures are those of the clock the metrics were built on.
 */
export async function buildShareReport(db: Db, options: ShareOptions): Promise<ShareReport> {
	const view: ViewQuery = { filters: {}, targetS: options.targetS, businessHours: null };
	const anonymiser = options.anonymise ? await registeredAnonymiser(db, options.language) : null;
	const clean = (s: string) => (anonymiser ? anonymiser.text(s) : s);
	const overview = await readOverviewView(db, view);
	const handoffs = await readHandoffsView(db, view);
	const textShares = await readDepartmentTextShares(db);
	// Passes per case: a case that bounces back (Т, Б, Т, Б) passes on twice from Т, hence the cap at 1.
	const passing = new Map(handoffs.passing.map((p) => [p.department, p.cases ? Math.min(1, p.passed_on / p.cases) : null]));
	const days = overview.messagesPerDay;
	const { headline } = overview;
	const report: ShareReport = {
		schema: SHARE_SCHEMA,
		language: options.language,
		owner: options.owner?.trim() || null,
		generated_at: formatIsoWithOffset(Math.floor((options.generatedAt ?? Date.now()) / 1000) * 1000, options.timeZone),
		time_zone: options.timeZone,
		period: days.length ? { first_day: days[0].day, last_day: days[days.length - 1].day } : null,
		source: { files: options.files, messages: headline.messages, conversations: headline.conversations },
		anonymised: options.anonymise,
		target_s: options.targetS,
		headline: {
			conversations: headline.conversations,
			first_response_median_s: headline.first_response_median_s,
			reply_median_s: headline.reply_median_s,
			within_target_share: round3(headline.within_target_share),
			handoff_share: round3(headline.handoff_share)
		},
		departments: overview.departments.map((d) => ({
			department: d.department, conversations: d.conversations, agent_messages: d.agent_messages,
			first_response_median_s: d.first_response_median_s, first_response_p90_s: d.first_response_p90_s,
			reply_median_s: d.reply_median_s, reply_p90_s: d.reply_p90_s, within_target_share: round3(d.within_target_share),
			templated_share: textShares.get(d.department)?.templated_share ?? null,
			off_topic_share: textShares.get(d.department)?.off_topic_share ?? null,
			handoff_share: d.department === null ? null : round3(passing.get(d.department) ?? null)
		})),
		reply_buckets: overview.buckets,
		weekly: overview.weekly,
		chains: handoffs.chains.slice(0, TOP_CHAINS).map((c) => ({ ...c, ping_pong_share: round3(c.ping_pong_share) ?? 0 })),
		flows: handoffs.flows.slice(0, TOP_FLOWS),
		templates: (await readTemplatesView(db, view)).templates.slice(0, TOP_TEMPLATES).map((t) => ({
			text: clean(t.text), uses: t.uses, conversations: t.conversations, departments: t.departments,
			human_copies_bot: t.human_copies_bot
		})),
		agents: (await readAgents(db, view)).slice(0, TOP_AGENTS).map((a) => ({
			agent: anonymiser ? (anonymiser.author(a.role, a.author) ?? '') : a.author,
			department: a.department, role: a.role, replies: a.replies, reply_median_s: a.reply_median_s, reply_p90_s: a.reply_p90_s
		}))
	};
	report.commitments = await readShareCommitments(db, view, options.timeZone, clean);
	if (options.includeTexts) report.off_topic_examples = await readOffTopicExamples(db, view, clean);
	return report;
}

/** The commitments part (needs computeCommitments); conversation ids and customers are left out, wordings cleaned. */
async function readShareCommitments(db: Db, view: ViewQuery, timeZone: string, clean: (s: string) => string): Promise<ShareCommitments> {
	const page = await readCommitmentsView(db, view);
	const deadlines = new Map(page.deadlines.map((d) => [d.department, d]));
	const departments = page.promises.map((p) => ({
		department: p.department, promises: p.promises, kept: p.kept, missed: p.missed, kept_share: round3(p.kept_share),
		deadlines: deadlines.get(p.department)?.deadlines ?? 0, passed: deadlines.get(p.department)?.passed ?? 0
	}));
	for (const d of page.deadlines) {
		if (!page.promises.some((p) => p.department === d.department)) {
			departments.push({ department: d.department, promises: 0, kept: 0, missed: 0, kept_share: null, deadlines: d.deadlines, passed: d.passed });
		}
	}
	return {
		departments,
		conflicts_total: page.conflicts.length,
		conflicts: page.conflicts.slice(0, TOP_CONFLICTS).map((c) => ({
			department: c.department, phrase: clean(c.phrase), due_at: formatIsoWithOffset(c.due_at, timeZone),
			waiting: c.waiting.map((w) => ({ department: w.department, waited_s: Math.round((c.due_at - w.since) / 1000) })),
			waiting_total: c.waiting_total
		}))
	};
}

/**
 * An anonymiser that knows every person of the dataset: customers (authors of customer messages and the
 * customer column), agents and bots, registered before any text is cleaned so that their word forms in texts
 * ("Анне", "Смирновой") are caught. Registered in a fixed order, so the pseudonyms are the same on every run.
 */
async function registeredAnonymiser(db: Db, language: ShareLanguage): Promise<Anonymiser> {
	const anonymiser = createAnonymiser({ language });
	const people = await db.query<{ role: Role; name: string }>(`
		SELECT role, name FROM (
			SELECT role, author AS name, min(seq) AS first FROM messages WHERE author IS NOT NULL AND role <> 'system' GROUP BY ALL
			UNION ALL
			SELECT 'customer', customer, min(seq) FROM messages WHERE customer IS NOT NULL GROUP BY ALL
		) ORDER BY first, role, name`);
	for (const { role, name } of people) anonymiser.author(role, name);
	return anonymiser;
}

/** The surest off-topic replies, at most OFF_TOPIC_PER_DEPARTMENT per department, as short anonymised excerpts. */
async function readOffTopicExamples(db: Db, view: ViewQuery, clean: (s: string) => string): Promise<ShareOffTopicExample[]> {
	const { replies } = await readOffTopicView(db, view, 50);
	const perDepartment = new Map<string | null, number>();
	const examples: ShareOffTopicExample[] = [];
	for (const reply of replies) {
		const n = perDepartment.get(reply.department) ?? 0;
		if (n >= OFF_TOPIC_PER_DEPARTMENT || examples.length >= TOP_OFF_TOPIC) continue;
		perDepartment.set(reply.department, n + 1);
		examples.push({
			department: reply.department,
			question: excerptEnd(clean(reply.question)),
			answer: excerptStart(clean(reply.answer)),
			relevance: reply.relevance
		});
	}
	return examples;
}

/** Text on one line: line breaks (between messages, or within one) become " / ", other runs of spaces one space. */
function oneLine(text: string): string {
	return text.trim().replace(/\s*\n\s*/g, ' / ').replace(/\s+/g, ' ');
}

/** The first EXCERPT_CHARS characters (cut at a space when one is near), with "…" when cut. */
export function excerptStart(text: string): string {
	const flat = oneLine(text);
	if (flat.length <= EXCERPT_CHARS) return flat;
	const cut = flat.slice(0, EXCERPT_CHARS - 1);
	const space = cut.lastIndexOf(' ');
	return `${space > EXCERPT_CHARS * 0.7 ? cut.slice(0, space) : cut}…`;
}

/** The last EXCERPT_CHARS characters (the customer's latest words), with "…" in front when cut. */
export function excerptEnd(text: string): string {
	const flat = oneLine(text);
	if (flat.length <= EXCERPT_CHARS) return flat;
	const cut = flat.slice(flat.length - EXCERPT_CHARS + 1);
	const space = cut.indexOf(' ');
	return `…${space >= 0 && space < EXCERPT_CHARS * 0.3 ? cut.slice(space + 1) : cut}`;
}

function round3(x: number | null): number | null {
	return x === null ? null : Math.round(x * 1000) / 1000;
}
