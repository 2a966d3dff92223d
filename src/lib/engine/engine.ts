import type { ImportPlan } from '$lib/ingest/types';
import type {
	AgentRow, BotHumanRow, BucketCount, ChainRow, ConversationDetail, ConversationRow, DepartmentRow, Drill, Facets,
	HandoffFlow, Headline, PassingRow, ViewOptions, WeeklyPoint
} from '$lib/analysis/view-types';
import type { FlagMark, OffTopicView, RedirectRow, ReplyFlags, TemplatesView } from '$lib/analysis/text-view-types';
import type { CommitmentsView } from '$lib/analysis/commitments-view-types';
import type { ShareOptions, ShareReport } from '$lib/share/share-report';
import type { DayCount, DetectionProgress, DetectionSummary, FileProposal, InputSummary, Progress } from './protocol';

/** The overview page of a view. */
export interface OverviewView {
	headline: Headline;
	departments: DepartmentRow[];
	weekly: WeeklyPoint[];
	buckets: BucketCount[];
	/** Messages per local day, days without messages omitted. */
	messagesPerDay: DayCount[];
}

/** The response-times page of a view. */
export interface ResponseTimesView {
	departments: DepartmentRow[];
	agents: AgentRow[];
	botHuman: BotHumanRow[];
	/** The 20 conversations with the longest first response (unanswered ones by their wait so far are not included). */
	slowest: ConversationRow[];
}

/** The handoffs page of a view. */
export interface HandoffsView {
	flows: HandoffFlow[];
	/** The most common chains with at least two departments, most conversations first (at most 20). */
	chains: ChainRow[];
	passing: PassingRow[];
}

/** The report JSON as a file to save, and its `generated_at` (for the file's name). */
export interface ReportFile {
	blob: Blob;
	generatedAt: string;
}

/** What the page chooses for a shareable report (the rest comes from the dataset and the view). */
export type ShareRequestOptions = Pick<ShareOptions, 'language' | 'owner' | 'anonymise' | 'includeTexts'>;

/** A running job: its result, and a way to stop it (the previous dataset then stays as it was). */
export interface Job<T> {
	result: Promise<T>;
	cancel(): void;
}

/**
 * What the pages ask of the data engine. In the browser it runs in a Web Worker (DuckDB-WASM, parsing,
 * analysis) so the page stays responsive; `client.ts` implements it over postMessage.
 */
export interface Engine {
	/** Sniffs the files and guesses how to read each one (nothing is loaded yet). */
	propose(files: File[], timeZone: string): Promise<FileProposal[]>;
	/** Loads the files with the confirmed plans into a new dataset, replacing the previous one only on success. */
	load(files: File[], plans: ImportPlan[], onProgress: (p: Progress) => void): Job<InputSummary>;
	/** The dataset saved in this browser, if any (loaded into the engine), else null. */
	restore(): Promise<InputSummary | null>;
	/** Departments, agents, customers and days of the dataset, for the filter controls. */
	facets(): Promise<Facets>;
	/** The overview page for these filters, target and clock. */
	overviewView(view: ViewOptions): Promise<OverviewView>;
	responseTimes(view: ViewOptions): Promise<ResponseTimesView>;
	handoffs(view: ViewOptions): Promise<HandoffsView>;
	/** The conversations behind a chart element (within the view's filters), slowest first response first; at most `limit`. */
	conversations(view: ViewOptions, drill: Drill, limit?: number): Promise<ConversationRow[]>;
	/** One conversation's timeline (times on the view's clock), or null when there is no such conversation. */
	conversation(id: string, view: ViewOptions): Promise<ConversationDetail | null>;
	/**
	 * Finds templates, off-topic replies and reply kinds in the loaded dataset (in a second worker, so the pages keep
	 * answering meanwhile). The text requests below need it done; a new load or a clear drops its result.
	 */
	detect(onProgress: (p: DetectionProgress) => void): Job<DetectionSummary>;
	/** The templates page for these filters (needs `detect`). */
	templates(view: ViewOptions): Promise<TemplatesView>;
	/** The off-topic replies of the view, surest first, at most `limit` (needs `detect`). */
	offTopic(view: ViewOptions, limit?: number): Promise<OffTopicView>;
	/** Redirect replies of the view by department sent from and to (needs `detect`). */
	redirects(view: ViewOptions): Promise<RedirectRow[]>;
	/** The flags of one conversation's agent/bot replies, in order (needs `detect`). */
	replyFlags(conversationId: string): Promise<ReplyFlags[]>;
	/**
	 * The commitments page for these filters (issue 8): conflicts, promises and deadlines per department, broken
	 * ones, and the timeline of `customer` (else of the customer with most conflicts). Found on first use.
	 */
	commitments(view: ViewOptions, customer?: string): Promise<CommitmentsView>;
	/** Marks one flag of a reply as wrong (or not any more); kept in this browser with the dataset. */
	markFlag(mark: FlagMark, wrong: boolean): Promise<void>;
	/**
	 * The shareable report (share/share-report.ts) of the whole loaded dataset, times on the view's clock, with the
	 * view's target (needs `detect`). The engine fills in the time zone and the number of files.
	 */
	shareReport(options: ShareRequestOptions, view: ViewOptions): Promise<ShareReport>;
	/** The report JSON (REPORT-SCHEMA.md) of the loaded dataset as a file, times on the view's clock. */
	reportFile(view: ViewOptions): Promise<ReportFile>;
	/** Deletes the dataset from the engine and from this browser's storage. */
	clear(): Promise<void>;
}
