import type { ColumnMapping, EncodingName, FormatName, ImportPlan } from '$lib/ingest/types';
import type { RejectedRow, Role } from '$lib/model';

/** What one input file gave (REPORT-SCHEMA.md `input.files[]`). */
export interface FileSummary {
	name: string;
	format: FormatName;
	encoding: EncodingName;
	delimiter?: string;
	rows_read: number;
	rows_loaded: number;
	rows_rejected: number;
}

/** REPORT-SCHEMA.md `input`: rows_read = rows_loaded + rows_rejected, per file and in total. */
export interface InputSummary {
	files: FileSummary[];
	rows_read: number;
	rows_loaded: number;
	rows_rejected: number;
	rejected: RejectedRow[];
	/** The dataset's time zone (zone-less timestamps were read in it). */
	time_zone: string;
	/** When the import finished, epoch ms. */
	imported_at: number;
}

/** The importer's guess for one file, shown to the user to confirm or change before loading. */
export interface FileProposal {
	/** File name. */
	name: string;
	/** File size in bytes. */
	size: number;
	/** The plan as guessed (mapping, timestamp format, roles, time zone); the user may edit it. */
	plan: ImportPlan;
	/** Column names in file order. */
	columns: string[];
	/** The first rows as text, in `columns` order, for the preview table. */
	preview: (string | null)[][];
	/** Role values in the sample that no rule recognises (the user maps them, or they are rejected). */
	unknownRoles: string[];
	/** Distinct role values seen in the sample with the role each maps to (null = unknown). */
	roleValues: { value: string; role: Role | null }[];
	/** Required fields not found (a time column, text); import is refused until they are mapped. */
	missing: string[];
	/** Set when the file cannot be read at all: one sentence for a person; the file is then skipped. */
	error?: string;
}

/** Progress of a running import or analysis. */
export interface Progress {
	/** What is happening now. */
	phase: 'reading' | 'checking' | 'saving' | 'analysing';
	/** File being read (reading phase). */
	file?: string;
	/** Fraction done in [0, 1], when known. */
	fraction?: number;
	/** Rows read so far. */
	rows?: number;
}

/** Progress of the text detection (templates, off-topic replies, reply kinds). */
export interface DetectionProgress {
	/** What is happening now: reading the replies, running the detectors, storing the flags. */
	phase: 'reading' | 'detecting' | 'storing';
	/** Fraction done in [0, 1]. */
	fraction: number;
}

/** What the text detection found in the whole dataset. */
export interface DetectionSummary {
	/** Agent/bot replies looked at. */
	replies: number;
	/** Templates found. */
	templates: number;
	/** How long it took, ms. */
	ms: number;
}

/** Headline figures (REPORT-SCHEMA.md `summary`). */
export interface Summary {
	conversations: number;
	messages: number;
	first_response_median_s: number | null;
	reply_median_s: number | null;
}

/** Messages of one local day (dataset time zone). */
export interface DayCount {
	/** 'YYYY-MM-DD'. */
	day: string;
	messages: number;
}

/** The mapping a user confirmed for files with this header, remembered in localStorage. */
export interface RememberedMapping {
	mapping: ColumnMapping;
	roles: Record<string, Role>;
}
