import type { Role } from '$lib/model';

/** Formats the importer recognises by content, not by file name alone. */
export type FormatName = 'csv' | 'json' | 'ndjson' | 'telegram' | 'twcs';

/** Text encodings the importer detects. */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/** Canonical fields an input column can be mapped to; `sent_date` + `sent_time` combine into `sent_at`. */
export type MappedField =
	| 'conversation_id'
	| 'message_id'
	| 'sent_at'
	| 'sent_date'
	| 'sent_time'
	| 'role'
	| 'author'
	| 'department'
	| 'customer'
	| 'text';

/** Which input column feeds each canonical field (absent = not in this export). */
export type ColumnMapping = Partial<Record<MappedField, string>>;

/**
 * One input record before mapping: flat text fields keyed by column name.
 * JSON objects are flattened with dotted keys (`dialogHeader.company`); fields a reader derives
 * (the conversation id of a nested thread, Telegram's role) use keys that start with `_`.
 */
export interface RawRecord {
	/** Column name -> value as text (null when absent or JSON null). */
	fields: Record<string, string | null>;
	/** 1-based data row within the file (the number shown to the user in rejected rows). */
	row: number;
}

/** What a reader learned about a file from its first bytes and rows. */
export interface FileSniff {
	format: FormatName;
	encoding: EncodingName;
	/** CSV only: the delimiter found. */
	delimiter?: string;
	/** Column names in file order (JSON: the union of keys seen in the sample). */
	columns: string[];
	/** The first records, for the mapping preview and for guessing. */
	sample: RawRecord[];
	/** Mapping the format itself dictates (Telegram, Twitter), applied before any guess. */
	presetMapping?: ColumnMapping;
	/** Role values the format itself dictates (e.g. twcs `inbound` True/False). */
	presetRoles?: Record<string, Role>;
}

/** A whole-file problem: the file cannot be read at all. The message is one sentence for a person. */
export class UnreadableFileError extends Error {
	constructor(
		readonly file: string,
		message: string
	) {
		super(message);
		this.name = 'UnreadableFileError';
	}
}

/** A timestamp format the parser knows; detected from sample values. */
export type TimestampFormat =
	| 'iso' // 2024-05-10T09:15:00, with optional fraction and optional Z / ±hh:mm offset; a space instead of T is accepted
	| 'dmy' // 10.05.2024 09:15[:00] (also 10/05/2024, 10-05-2024)
	| 'mdy' // 05/10/2024 09:15 AM (US exports; chosen only when a day > 12 proves it)
	| 'unix_s' // 1715321700
	| 'unix_ms' // 1715321700000
	| 'twitter'; // Tue Oct 31 22:10:47 +0000 2017

/** Everything needed to turn raw records of one file into messages. */
export interface ImportPlan {
	format: FormatName;
	encoding: EncodingName;
	delimiter?: string;
	mapping: ColumnMapping;
	timestampFormat: TimestampFormat;
	/** IANA zone in which zone-less timestamps are read (e.g. Europe/Moscow). */
	timeZone: string;
	/** Role value keyed by `normaliseRoleValue` -> role; values neither here nor in the built-in words are rejected. */
	roles: Record<string, Role>;
}
