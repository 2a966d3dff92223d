/**
 * The engine's answers to view requests (messages.ts `ViewRequest`), apart from the worker so that it stays
 * about messaging. The metrics tables are computed on one clock at a time (calendar or business hours):
 * a request on another clock recomputes them first, and only then.
 */
import { sameBusinessHours } from '$lib/analysis/business-hours';
import { computeCommitments } from '$lib/analysis/commitments';
import { readCommitmentsView } from '$lib/analysis/commitments-view';
import { readConversation } from '$lib/analysis/conversation';
import { listConversations } from '$lib/analysis/drill';
import { readFacets } from '$lib/analysis/facets';
import { computeMetrics } from '$lib/analysis/figures';
import { readHandoffsView } from '$lib/analysis/handoffs-view';
import { readOffTopicView } from '$lib/analysis/off-topic-view';
import { readOverviewView } from '$lib/analysis/overview-view';
import { readRedirects } from '$lib/analysis/redirects-view';
import { readMessageFlags, setFlagMark } from '$lib/analysis/reply-flags';
import { readTemplatesView } from '$lib/analysis/templates-view';
import { readTextColumns, type TextColumns } from '$lib/analysis/text-flags';
import { readResponseTimesView } from '$lib/analysis/response-times-view';
import { filtersKey, selectView, type Selection, type ViewQuery } from '$lib/analysis/view-sql';
import type { BusinessHours, ViewOptions } from '$lib/analysis/view-types';
import type { Db } from '$lib/db/types';
import { serialise } from '$lib/db/util';
import { generatedAt } from '$lib/report/build-report';
import { writeReport } from '$lib/report/write-report';
import { buildShareReport, type ShareReport } from '$lib/share/share-report';
import type { OverviewView, ReportFile, ShareRequestOptions } from './engine';
import type { ViewRequest } from './messages';
import { departmentNeighbours, PREFETCHED_NEIGHBOURS, READ_AHEAD_IDLE_MS, StepAside, steppingAside } from './prefetch';
import type { InputSummary } from './protocol';

const VIEW_REQUEST_TYPES: ReadonlySet<string> = new Set<ViewRequest['type']>([
	'facets', 'overviewView', 'responseTimes', 'handoffs', 'conversations', 'conversation',
	'templates', 'offTopic', 'redirects', 'replyFlags', 'markFlag', 'commitments'
]);

/** The requests that read the text flags (reply-flags.ts tables). */
const TEXT_REQUEST_TYPES: ReadonlySet<string> = new Set<ViewRequest['type']>(['templates', 'offTopic', 'redirects', 'replyFlags', 'markFlag']);

/** How many overview pages `ViewRequests` keeps (a few kilobytes each): the user's recent ones and the read-ahead. */
const KEPT_OVERVIEWS = 16 + PREFETCHED_NEIGHBOURS;

/** True for the requests `ViewRequests.answer` handles. */
export function isViewRequest(request: { type: string }): request is ViewRequest {
	return VIEW_REQUEST_TYPES.has(request.type);
}

/**
 * Answers view requests one at a time. One at a time because a request may rebuild the metrics tables for
 * its clock: another request's queries must not run halfway through that, or between the rebuild and the
 * queries it was for.
 */
export class ViewRequests {
	readonly #run = serialise();
	/** The clock the metrics tables were last computed with; undefined = not computed yet. */
	#clock: BusinessHours | null | undefined = undefined;
	/**
	 * The last overview pages answered, by filters and clock, with the target they were read for: going back to
	 * one (unticking the department just ticked) answers at once, and a change of the target alone reads only the
	 * shares within the target (the rest of the page does not depend on it). Dropped with the metrics tables.
	 */
	readonly #overviews = new Map<string, { targetS: number; page: OverviewView }>();
	/** The filters whose rows are copied for the queries (view-sql.ts `selectView`); dropped with the metrics tables. */
	#selection: { key: string; selection: Selection | undefined } | null = null;
	/** The text flags tables hold this dataset's detection (`flagsStored`); the text requests need them. */
	#flags = false;
	/** The dataset's time zone (`useTimeZone`): commitments count days and dates in it. */
	#timeZone = 'UTC';
	/** The commitments tables hold this dataset's commitments (computed on first use). */
	#commitments = false;
	/** Bumped by every request and by reset: a read-ahead started before it stops. */
	#readAhead = 0;
	/** The latest read-ahead; settles when it has read all its pages or stopped (never rejects). */
	readingAhead: Promise<void> = Promise.resolve();
	/** The departments, most conversations first, on the current clock (for the read-ahead); dropped with the metrics. */
	#departments: string[] | null = null;
	/** How long the engine waits idle after an overview answer before reading ahead (prefetch.ts). */
	readonly #readAheadIdleMs: number;
	/**
	 * Whether the overviews have been read ahead since the metrics were computed. The first read-ahead starts at once:
	 * the person is only looking at the first overview yet, and its pages also get DuckDB-WASM's code for these
	 * statements compiled (the browser's first computed department page took up to 334 ms, later ones 126-201 ms).
	 */
	#readAheadYet = false;

	constructor(options: { readAheadIdleMs?: number } = {}) {
		this.#readAheadIdleMs = options.readAheadIdleMs ?? READ_AHEAD_IDLE_MS;
	}

	/** Builds the metrics tables on `hours` (calendar time when null), after a load or restore. */
	computeMetrics(db: Db, hours: BusinessHours | null = null): Promise<void> {
		return this.#asked(() => this.#compute(db, hours));
	}

	/** The text detection of the current dataset is stored: the text requests can be answered. */
	flagsStored(): void {
		this.#flags = true;
	}

	/** The time zone of the dataset just loaded or restored. */
	useTimeZone(timeZone: string): void {
		this.#timeZone = timeZone;
		this.#commitments = false;
	}

	/** Forgets the metrics, the text flags and the commitments (the dataset was cleared or replaced). */
	reset(): void {
		this.#flags = false;
		this.#commitments = false;
		this.#clock = undefined;
		this.#overviews.clear();
		this.#selection = null;
		this.#departments = null;
		this.#readAhead++;
	}

	/**
	 * Answers one request, after the ones asked before it. An overview answer starts reading ahead the overviews one
	 * department tick away (prefetch.ts), in the background, stepping aside for every request that comes in.
	 */
	answer(db: Db, request: ViewRequest): Promise<unknown> {
		const answer = this.#answer(db, request);
		if (request.type === 'overviewView') {
			const readAhead = this.#readAhead;
			this.readingAhead = answer.then(() => this.#readAheadAround(db, request.view, readAhead), () => undefined);
		}
		return answer;
	}

	#answer(db: Db, request: ViewRequest): Promise<unknown> {
		return this.#asked(async () => {
			if (request.type === 'facets') {
				if (this.#clock === undefined) await this.#compute(db, null); // facets read the metrics tables
				return readFacets(db);
			}
			if (TEXT_REQUEST_TYPES.has(request.type)) this.#needFlags();
			if (request.type === 'replyFlags') return readMessageFlags(db, request.conversationId);
			if (request.type === 'markFlag') return setFlagMark(db, request.mark.message_id, request.mark.flag, request.wrong);
			await this.#useClock(db, request.view);
			switch (request.type) {
				case 'overviewView':
					return this.#readOverview(db, request.view);
				case 'responseTimes':
					return readResponseTimesView(db, await this.#select(db, request.view));
				case 'handoffs':
					return readHandoffsView(db, await this.#select(db, request.view));
				case 'conversations':
					return listConversations(db, await this.#select(db, request.view), request.drill, request.limit);
				case 'conversation':
					return readConversation(db, request.conversationId);
				case 'templates':
					return readTemplatesView(db, await this.#select(db, request.view));
				case 'offTopic':
					return readOffTopicView(db, await this.#select(db, request.view), request.limit);
				case 'redirects':
					return readRedirects(db, await this.#select(db, request.view));
				case 'commitments':
					await this.#needCommitments(db);
					return readCommitmentsView(db, await this.#select(db, request.view), request.customer);
			}
		});
	}

	/** The shareable report of the whole dataset on the view's clock and target (share/share-report.ts). */
	shareReport(db: Db, input: InputSummary, options: ShareRequestOptions, view: ViewOptions): Promise<ShareReport> {
		return this.#asked(async () => {
			this.#needFlags(); // the report carries the templated and off-topic shares
			await this.#useClock(db, view);
			await this.#needCommitments(db);
			return buildShareReport(db, { ...options, targetS: view.targetS, timeZone: input.time_zone, files: input.files.length });
		});
	}

	/** The messages the text detection reads (text-flags.ts `readTextColumns`), between other requests. */
	textColumns(db: Db): Promise<TextColumns> {
		return this.#asked(async () => {
			if (this.#clock === undefined) await this.#compute(db, null); // the replies' departments come from the metrics
			return readTextColumns(db);
		});
	}

	/**
	 * The report JSON (REPORT-SCHEMA.md) of the loaded dataset on the view's clock, as a file: the app's "Download
	 * JSON". Written in pieces as the command line writes it (write-report.ts), each piece kept as a blob: the report
	 * of 1M messages is 666 MB, past the longest string JavaScript holds, and as one object it was copied to the
	 * page and turned into text there.
	 */
	reportFile(db: Db, input: InputSummary, view: ViewOptions): Promise<ReportFile> {
		return this.#asked(async () => {
			this.#needFlags(); // the report carries the text flags
			await this.#useClock(db, view);
			await this.#needCommitments(db);
			const now = Date.now();
			const pieces: Blob[] = [];
			await writeReport(db, input, async (text) => void pieces.push(new Blob([text])), { now });
			return { blob: new Blob(pieces, { type: 'application/json' }), generatedAt: generatedAt(now, input.time_zone) };
		});
	}

	async #readOverview(db: Db, view: ViewOptions): Promise<OverviewView> {
		const key = overviewKey(view);
		const previous = this.#overviews.get(key);
		this.#overviews.delete(key); // kept again (as the newest) only once this answer is complete
		const page = previous?.targetS === view.targetS
			? previous.page
			: await readOverviewView(db, this.#copyFor(view), previous?.page);
		this.#overviews.set(key, { targetS: view.targetS, page });
		if (this.#overviews.size > KEPT_OVERVIEWS) this.#overviews.delete(this.#overviews.keys().next().value!);
		return page;
	}

	/** Runs a task someone asked for, after the ones before it; a read-ahead in progress stops before its next statement. */
	#asked<T>(task: () => Promise<T>): Promise<T> {
		this.#readAhead++;
		return this.#run(task);
	}

	/**
	 * Reads the overview pages around `view` one after another while nothing else is asked, once the engine has been
	 * idle for `readAheadIdleMs`; stops for good as soon as a request comes in (the next overview answer starts a new
	 * read-ahead). Errors are dropped: the page a user then asks for runs the same queries again and reports them.
	 */
	async #readAheadAround(db: Db, view: ViewOptions, readAhead: number): Promise<void> {
		const stop = () => readAhead !== this.#readAhead;
		const background = steppingAside(db, stop);
		const idleMs = this.#readAheadYet ? this.#readAheadIdleMs : 0;
		this.#readAheadYet = true;
		await new Promise((resolve) => setTimeout(resolve, idleMs));
		if (stop()) return;
		try {
			const departments = await this.#run(async () => (this.#departments ??= await this.#readDepartments(background)));
			for (const filters of departmentNeighbours(view.filters, departments)) {
				await new Promise((resolve) => setTimeout(resolve)); // lets a waiting request message in first
				if (stop()) return;
				const neighbour = { ...view, filters };
				await this.#run(async () => {
					if (stop() || this.#overviews.has(overviewKey(neighbour))) return;
					if (this.#clock === undefined || !sameBusinessHours(this.#clock, neighbour.businessHours ?? null)) return;
					const page = await readOverviewView(background, this.#copyFor(neighbour));
					this.#overviews.set(overviewKey(neighbour), { targetS: neighbour.targetS, page });
					if (this.#overviews.size > KEPT_OVERVIEWS) this.#overviews.delete(this.#overviews.keys().next().value!);
				});
			}
		} catch {
			// StepAside, or a failed query: nothing to report (see above).
		}
	}

	/** The departments of the dataset, most conversations first (the order of the department table). */
	async #readDepartments(db: Db): Promise<string[]> {
		const rows = await db.query<{ department: string }>(`
			SELECT department FROM (SELECT unnest(departments) AS department FROM conversation_metrics)
			WHERE department IS NOT NULL GROUP BY department ORDER BY count(*) DESC, department`);
		return rows.map((r) => r.department);
	}

	/** Finds the dataset's commitments once (they depend on the messages and the time zone only). */
	async #needCommitments(db: Db): Promise<void> {
		if (this.#commitments) return;
		await computeCommitments(db, this.#timeZone);
		this.#commitments = true;
	}

	#needFlags(): void {
		if (!this.#flags) throw new Error('The text analysis (templates, off-topic replies) has not finished yet: try again when it has.');
	}

	/** The view with its filtered rows copied once for all the queries of its pages (kept while the filters stay). */
	async #select(db: Db, view: ViewOptions): Promise<ViewQuery> {
		const key = filtersKey(view.filters);
		if (this.#selection?.key !== key) {
			this.#selection = null; // a failed copy leaves nothing to trust
			this.#selection = { key, selection: await selectView(db, view.filters) };
		}
		return { ...view, selection: this.#selection.selection };
	}

	/**
	 * The view with the copy of its filtered rows when there is one; the overview does not make one (it reads all
	 * its parts in one statement, which finds the rows once itself), so its read-ahead keeps the user's copy.
	 */
	#copyFor(view: ViewOptions): ViewQuery {
		const selection = this.#selection?.key === filtersKey(view.filters) ? this.#selection.selection : undefined;
		return { ...view, selection };
	}

	async #useClock(db: Db, view: ViewOptions): Promise<void> {
		const hours = view.businessHours ?? null;
		if (this.#clock === undefined || !sameBusinessHours(this.#clock, hours)) await this.#compute(db, hours);
	}

	async #compute(db: Db, hours: BusinessHours | null): Promise<void> {
		this.#clock = undefined; // a failed rebuild leaves no clock to trust
		this.#overviews.clear();
		this.#selection = null;
		this.#departments = null;
		await computeMetrics(db, hours);
		this.#clock = hours;
		this.#readAheadYet = false;
	}
}

/** The key of an overview page in `ViewRequests`: equal filters (in any property order) on the same clock. */
function overviewKey(view: ViewOptions): string {
	return JSON.stringify([filtersKey(view.filters), view.businessHours ?? null]);
}
