import type { Role } from '$lib/model';
import { stripBom } from './encoding';
import { IBM_CARE_MAPPING, isIbmCare, readIbmCare } from './ibm-care';
import {
	conversationFields,
	conversationKey,
	findMessageArrays,
	looksLikeMessage,
	type Conversation
} from './json-conversations';
import { flattenInto, isJsonObject, toFields, type FieldMap } from './json-flatten';
import { derivedMapping, ERROR_FIELD, IDENTITY_ROLES, WHERE_FIELD } from './record-fields';
import { isTelegramExport, readTelegram, TELEGRAM_MAPPING } from './telegram';
import { UnreadableFileError, type ColumnMapping, type RawRecord } from './types';

/** The records of a JSON file and what its format dictates. */
export interface JsonRecords {
	/** `telegram` for a Telegram Desktop export; `json` for any other document; `ndjson` for one object a line. */
	format: 'json' | 'ndjson' | 'telegram';
	/** One record per message, `row` = 1-based message index in the file, `_where` = its JSON path or line. */
	records: RawRecord[];
	/** Mapping the format dictates (Telegram, IBM care dumps, `_conversation` of nested conversations). */
	presetMapping?: ColumnMapping;
	/** Role values the format dictates (`_role` holds role names). */
	presetRoles?: Record<string, Role>;
}

/**
 * Reads a JSON or NDJSON document into records (see `json-conversations.ts` for how messages are found).
 * Throws `UnreadableFileError` when the text is neither, saying where it breaks.
 */
export function readJsonRecords(text: string, fileName: string): JsonRecords {
	const body = stripBom(text);
	if (body.trim() === '') throw new UnreadableFileError(fileName, 'the file is empty');
	let root: unknown;
	try {
		root = JSON.parse(body);
	} catch (error) {
		if (looksLikeNdjson(body)) return { format: 'ndjson', records: readNdjson(body) };
		throw new UnreadableFileError(fileName, describeJsonError(body, error));
	}
	if (isTelegramExport(root)) {
		const records = readTelegram(root as Record<string, unknown>);
		return { format: 'telegram', records, presetMapping: TELEGRAM_MAPPING, presetRoles: IDENTITY_ROLES };
	}
	if (isIbmCare(root)) {
		return { format: 'json', records: readIbmCare(root), presetMapping: IBM_CARE_MAPPING, presetRoles: IDENTITY_ROLES };
	}
	const records = readDocument(root);
	const nested = records.some((r) => r.fields._conversation != null);
	return { format: 'json', records, ...(nested ? { presetMapping: derivedMapping(['conversation_id']) } : {}) };
}

/**
 * Records of every messages array. Each message gets its own fields flattened, then its conversation's
 * fields (prefixed, see `Conversation.prefix`), `_conversation` and `_where`.
 * Without any messages array, a root array's objects are taken as the records (the mapping screen then
 * shows what they hold), and a root object that is itself a message is one record.
 */
function readDocument(root: unknown): RawRecord[] {
	const arrays = findMessageArrays(root);
	if (arrays.length === 0 && looksLikeMessage(root)) return [singleMessage(root)];
	if (arrays.length === 0 && Array.isArray(root)) arrays.push({ items: root, path: '$', conversation: null });
	const messageArrays = new Set<unknown>(arrays.map((a) => a.items));
	const conversations = new Map<Conversation['value'], { fields: FieldMap; key: string }>();
	const records: RawRecord[] = [];
	for (const array of arrays) {
		const conversation = array.conversation && conversationOnce(array.conversation, conversations, messageArrays);
		array.items.forEach((item, i) => {
			const fields: FieldMap = new Map();
			if (isJsonObject(item)) flattenInto(fields, item, '', messageArrays);
			else fields.set(ERROR_FIELD, 'this element is not a message object');
			if (conversation) {
				for (const [key, value] of conversation.fields) if (!fields.has(key)) fields.set(key, value);
				fields.set('_conversation', conversation.key);
			}
			fields.set(WHERE_FIELD, `${array.path}[${i}]`);
			records.push({ row: records.length + 1, fields: toFields(fields) });
		});
	}
	return records;
}

function singleMessage(root: unknown): RawRecord {
	const fields: FieldMap = new Map();
	flattenInto(fields, root, '');
	fields.set(WHERE_FIELD, '$');
	return { row: 1, fields: toFields(fields) };
}

/** A conversation's fields and key, computed once for all its messages. */
function conversationOnce(
	conversation: Conversation,
	cache: Map<Conversation['value'], { fields: FieldMap; key: string }>,
	messageArrays: ReadonlySet<unknown>
): { fields: FieldMap; key: string } {
	let entry = cache.get(conversation.value);
	if (!entry) {
		entry = { fields: conversationFields(conversation, messageArrays), key: conversationKey(conversation) };
		cache.set(conversation.value, entry);
	}
	return entry;
}

/** NDJSON: the whole text is not one JSON value, but its first line is an object and more lines follow. */
function looksLikeNdjson(body: string): boolean {
	const lines = body.split('\n').filter((line) => line.trim() !== '');
	if (lines.length < 2) return false;
	try {
		return isJsonObject(JSON.parse(lines[0]));
	} catch {
		return false;
	}
}

/** One record per non-blank line; a line that is not a JSON object is a record with `_error`. */
function readNdjson(body: string): RawRecord[] {
	const records: RawRecord[] = [];
	body.split('\n').forEach((line, i) => {
		if (line.trim() === '') return;
		const fields: FieldMap = new Map();
		try {
			const value: unknown = JSON.parse(line);
			if (isJsonObject(value)) flattenInto(fields, value, '');
			else fields.set(ERROR_FIELD, `line ${i + 1} is not a JSON object`);
		} catch (error) {
			fields.set(ERROR_FIELD, `line ${i + 1} is not valid JSON: ${oneLine((error as Error).message)}`);
		}
		fields.set(WHERE_FIELD, `line ${i + 1}`);
		records.push({ row: records.length + 1, fields: toFields(fields) });
	});
	return records;
}

/**
 * One sentence on why the JSON cannot be read. A document that ends inside a string or with brackets still
 * open was cut off; otherwise the parser's message, with the byte and line when the engine gives a position
 * (V8 does for most errors, other engines word it differently).
 */
export function describeJsonError(body: string, error: unknown): string {
	const message = oneLine(error instanceof Error ? error.message : String(error));
	if (endsInside(body)) return `JSON ends unexpectedly at byte ${utf8Length(body)}: the file looks cut off`;
	const position = /position (\d+)/.exec(message);
	if (!position) return `the JSON is not valid: ${message}`;
	const before = body.slice(0, Number(position[1]));
	const line = before.split('\n').length;
	const reason = message.replace(/\s*in JSON at position \d+.*$/s, '');
	return `the JSON is not valid at byte ${utf8Length(before)} (line ${line}): ${reason}`;
}

/** Longest engine message put into a reason. */
const MAX_ENGINE_MESSAGE = 160;

/**
 * An engine's message as part of a one-line reason: V8 quotes the text around the error ("Unexpected token 't',
 * ...\" },\n    \"team\"... is not valid JSON"), line breaks included, and that text comes from the file.
 */
function oneLine(message: string): string {
	const line = message.replace(/\s+/g, ' ').trim();
	return line.length > MAX_ENGINE_MESSAGE ? `${line.slice(0, MAX_ENGINE_MESSAGE - 1)}…` : line;
}

/** Whether the text ends inside a string or with an object or array still open. */
function endsInside(body: string): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') depth--;
	}
	return inString || depth > 0;
}

/** Bytes the text takes in UTF-8, the encoding JSON files are written in. */
function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}
