import type { ColumnMapping, MappedField, RawRecord } from '$lib/ingest/types';
import { guessRole } from '$lib/ingest/roles';
import { timestampFit } from '$lib/ingest/timestamps';

/** Every field a column can be mapped to, in the order they are shown and guessed. */
export const MAPPED_FIELDS: readonly MappedField[] = [
	'conversation_id', 'message_id', 'sent_at', 'sent_date', 'sent_time',
	'role', 'author', 'department', 'customer', 'text'
];

/**
 * Header names per field, strongest first. Matching ignores case, spaces, `_`, punctuation and `ё`/`е`,
 * so `ticket_id`, `Ticket ID` and `ticketId` are one name. JSON keys match by their last dotted segment
 * too (`dialogHeader.company`), and keys a reader derives start with `_` (`_conversation`).
 * Special rules live in guessMapping, not here: `id` is a message id only beside a conversation column;
 * `type` is a role only when its values are role words; date and time columns are decided by their values.
 */
export const HEADER_SYNONYMS: Readonly<Record<MappedField, readonly string[]>> = {
	conversation_id: [
		'Номер обращения', 'ID обращения', 'Обращение', 'Номер чата', 'ID чата', 'Номер тикета', 'Тикет',
		'Диалог', 'ID диалога', 'ticket_id', 'ticket', 'ticket_number', 'conversation_id', 'conversation',
		'chat_id', 'thread_id', 'case_id', 'case_number', 'session_id', 'dialog_id', 'dialogue_id', 'thread'
	],
	message_id: ['ID сообщения', 'Номер сообщения', 'message_id', 'msg_id', 'tweet_id', 'post_id'],
	sent_at: [
		'Дата и время', 'Дата/время', 'Время отправки', 'Дата отправки', 'Создано', 'Дата создания',
		'Время создания', 'Время сообщения', 'created_at', 'timestamp', 'datetime', 'date_time', 'sent_at',
		'created', 'posted_at', 'time_sent', 'date_sent'
	],
	sent_date: ['Дата', 'Дата сообщения', 'date'],
	sent_time: ['Время', 'time'],
	role: [
		'Роль', 'Тип отправителя', 'Направление', 'Тип автора', 'Кто написал', 'role', 'sender_type',
		'author_type', 'direction', 'from_type', 'sender_role', 'author_role', 'user_type', 'type'
	],
	author: [
		'Отправитель', 'Автор', 'Сотрудник', 'Оператор', 'Имя', 'Имя сотрудника', 'Имя оператора', 'ФИО',
		'author', 'sender', 'from', 'user', 'name', 'agent_name', 'sender_name', 'author_name', 'user_name',
		'username', 'screen_name', 'nick', 'agent'
	],
	department: [
		'Отдел', 'Раздел', 'Чат', 'Очередь', 'Группа', 'Линия', 'Подразделение', 'Команда', 'department',
		'team', 'queue', 'group', 'section', 'channel', 'company', 'inbox', 'brand'
	],
	customer: [
		'Клиент', 'Точка', 'ПВЗ', 'Номер ПВЗ', 'Пункт выдачи', 'ID клиента', 'Покупатель', 'customer',
		'customer_id', 'client', 'client_id', 'account', 'account_id', 'point_id', 'requester', 'pvz', 'pvz_id'
	],
	text: [
		'Сообщение', 'Текст', 'Текст сообщения', 'Содержание', 'Содержимое', 'message', 'text', 'body',
		'content', 'comment', 'message_text', 'msg'
	]
};

/** Role headers too common to trust alone (normalised): the column is a role only when its values are role words. */
const NEEDS_ROLE_VALUES = new Set(['type']);
/** Synonyms shorter than this are not looked for inside longer names (`id`, `from`, `name` would match anything). */
const MIN_CONTAINED = 5;
/** Share of sample values that must pass a value test. */
const MOSTLY = 0.5;
/** Share of values that makes a column without a matching header a timestamp or role column. */
const CLEARLY = 0.8;

const NORMALISED = new Map<MappedField, readonly string[]>(
	MAPPED_FIELDS.map((field) => [field, HEADER_SYNONYMS[field].map(normaliseHeader)])
);

/** Header name -> matching key: lower-case, `ё` -> `е`, letters and digits only. */
export function normaliseHeader(name: string): string {
	return name.toLowerCase().replace(/ё/g, 'е').replace(/[^a-z0-9а-я]+/g, '');
}

/**
 * How strongly `column` names `field` (0 = not at all): the full name equal to a synonym beats the last
 * dotted segment equal to one, which beats a long synonym inside the name; earlier synonyms win ties,
 * and a reader-derived key (`_role`) wins over a file's own column of the same name.
 */
export function headerScore(field: MappedField, column: string): number {
	const name = normaliseHeader(column);
	const dot = column.lastIndexOf('.');
	const segment = dot >= 0 ? normaliseHeader(column.slice(dot + 1)) : name;
	const synonyms = NORMALISED.get(field) ?? [];
	let best = 0;
	synonyms.forEach((synonym, rank) => {
		if (synonym === name) best = Math.max(best, 300 - rank);
		else if (synonym === segment) best = Math.max(best, 200 - rank);
		else if (synonym.length >= MIN_CONTAINED && name.includes(synonym)) best = Math.max(best, 100 + synonym.length);
	});
	// A reader-derived `_text` is the canonical value a format dictates: it beats a raw `text` beside it.
	return column.startsWith('_') && best >= 200 ? best + 50 : best;
}

/** Non-empty sample values of a column. */
function valuesOf(sample: readonly RawRecord[], column: string): string[] {
	const values: string[] = [];
	for (const record of sample) {
		const value = record.fields[column];
		if (typeof value === 'string' && value.trim() !== '') values.push(value.trim());
	}
	return values;
}

/** Share of values passing `test`; null when there are no values to judge by. */
function share(values: readonly string[], test: (value: string) => boolean): number | null {
	if (values.length === 0) return null;
	return values.filter(test).length / values.length;
}

function timestampShare(values: readonly string[]): number | null {
	if (values.length === 0) return null;
	const fit = timestampFit(values);
	return fit ? fit.parsed / fit.total : 0;
}

const CLOCK = /\d:\d\d/;
const UNIX = /^\d{10}(?:\d{3})?(?:\.\d+)?$/;
const NUMBERS = /^[\d\s.,:+-]+$/;
const TIME_OF_DAY = /^\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?(?:\s*[AaPp]\.?[Mm]\.?)?$/;

/** Columns not yet used, and the guess being built. */
interface Guess {
	mapping: ColumnMapping;
	free: Set<string>;
	sample: readonly RawRecord[];
}

/**
 * Guesses which column feeds each field from the header names, using sample values to decide between
 * candidates. Each column feeds at most one field. `preset` (a format's own mapping) is kept as it is.
 */
export function guessMapping(columns: string[], sample: RawRecord[], preset: ColumnMapping = {}): ColumnMapping {
	const guess: Guess = { mapping: { ...preset }, free: new Set(columns), sample };
	for (const column of Object.values(preset)) if (column) guess.free.delete(column);
	if (!guess.mapping.sent_at && !guess.mapping.sent_date) guessTime(guess);
	assignByHeader(guess, ['conversation_id', 'message_id', 'role', 'author', 'department', 'customer', 'text']);
	guessMessageId(guess);
	guessRoleByValues(guess);
	guessTextByLength(guess);
	return guess.mapping;
}

function use(guess: Guess, field: MappedField, column: string): void {
	guess.mapping[field] = column;
	guess.free.delete(column);
}

/** Free columns whose header names `field`, best first, that pass `accept` (given their values). */
function candidates(guess: Guess, field: MappedField, accept: (values: string[]) => boolean = () => true): string[] {
	return [...guess.free]
		.map((column, order) => ({ column, order, score: headerScore(field, column) }))
		.filter((c) => c.score > 0 && accept(valuesOf(guess.sample, c.column)))
		.sort((a, b) => b.score - a.score || a.order - b.order)
		.map((c) => c.column);
}

/**
 * The time of each message: a date-and-time column whose values parse; else a `Дата` column (with the
 * `Время` column beside it when the dates carry no time); else a lone `time` column holding full
 * timestamps; else any column whose values are clearly timestamps.
 */
function guessTime(guess: Guess): void {
	const parses = (values: string[]) => (timestampShare(values) ?? 1) >= MOSTLY;
	const datetime = candidates(guess, 'sent_at', parses)[0];
	if (datetime) return use(guess, 'sent_at', datetime);
	const date = candidates(guess, 'sent_date', parses)[0];
	const clock = (values: string[]) => (share(values, (v) => TIME_OF_DAY.test(v) || CLOCK.test(v)) ?? 1) >= MOSTLY;
	const time = candidates(guess, 'sent_time', clock).find((c) => c !== date);
	if (date) {
		const dated = valuesOf(guess.sample, date);
		const withTime = share(dated, (v) => CLOCK.test(v) || UNIX.test(v)) ?? 0;
		if (withTime >= MOSTLY || !time) return use(guess, 'sent_at', date);
		use(guess, 'sent_date', date);
		return use(guess, 'sent_time', time);
	}
	if (time && (timestampShare(valuesOf(guess.sample, time)) ?? 1) >= MOSTLY) return use(guess, 'sent_at', time);
	guessTimeByValues(guess);
}

/** A column with no time-like header whose values are clearly dates (not Unix numbers: ids look the same). */
function guessTimeByValues(guess: Guess): void {
	for (const column of guess.free) {
		const values = valuesOf(guess.sample, column);
		const fit = values.length > 0 ? timestampFit(values) : null;
		if (fit && !fit.format.startsWith('unix') && fit.parsed / fit.total >= CLEARLY) {
			return use(guess, 'sent_at', column);
		}
	}
}

/** Greedy: the strongest (field, column) header match first, until nothing matches. */
function assignByHeader(guess: Guess, fields: MappedField[]): void {
	const pairs: { field: MappedField; column: string; score: number }[] = [];
	for (const field of fields) {
		if (guess.mapping[field]) continue;
		for (const column of guess.free) {
			const score = headerScore(field, column) + valueBonus(guess, field, column);
			if (score > 0) pairs.push({ field, column, score });
		}
	}
	pairs.sort((a, b) => b.score - a.score);
	for (const { field, column } of pairs) {
		if (!guess.mapping[field] && guess.free.has(column)) use(guess, field, column);
	}
}

/**
 * Role columns are told apart by their values: a bonus for role words (`type` gets nothing without them,
 * its header being too common). Other fields are judged by the header alone.
 */
function valueBonus(guess: Guess, field: MappedField, column: string): number {
	if (field !== 'role' || headerScore(field, column) === 0) return 0;
	const roleShare = share(valuesOf(guess.sample, column), (v) => guessRole(v) !== null);
	if (NEEDS_ROLE_VALUES.has(normaliseHeader(column)) && (roleShare ?? 0) < MOSTLY) return -1000;
	return (roleShare ?? 0) * 50;
}

/** A bare `id` column is the message id when another column holds the conversation. */
function guessMessageId(guess: Guess): void {
	if (guess.mapping.message_id || !guess.mapping.conversation_id) return;
	const id = [...guess.free].find((column) => normaliseHeader(column) === 'id');
	if (id) use(guess, 'message_id', id);
}

/** Without a role header: a free column whose values are clearly role words. */
function guessRoleByValues(guess: Guess): void {
	if (guess.mapping.role) return;
	for (const column of guess.free) {
		const roleShare = share(valuesOf(guess.sample, column), (v) => guessRole(v) !== null);
		if (roleShare !== null && roleShare >= CLEARLY) return use(guess, 'role', column);
	}
}

/** Without a text header: the free column with the longest values on average (numbers do not count). */
function guessTextByLength(guess: Guess): void {
	if (guess.mapping.text) return;
	let best: { column: string; length: number } | null = null;
	for (const column of guess.free) {
		const values = valuesOf(guess.sample, column);
		if (values.length === 0 || values.every((v) => NUMBERS.test(v))) continue;
		if ((timestampShare(values) ?? 0) >= MOSTLY) continue;
		const length = values.reduce((sum, v) => sum + v.length, 0) / values.length;
		if (!best || length > best.length) best = { column, length };
	}
	if (best) use(guess, 'text', best.column);
}

/** Required fields the mapping lacks: a time (`sent_at`, or `sent_date` with an optional `sent_time`) and `text`. */
export function missingFields(mapping: ColumnMapping): MappedField[] {
	const missing: MappedField[] = [];
	if (!mapping.sent_at && !mapping.sent_date) missing.push('sent_at');
	if (!mapping.text) missing.push('text');
	return missing;
}

/**
 * A stable key for "files with this header", under which the user's mapping is remembered. Names are
 * trimmed and sorted (JSON samples list keys in the order first seen), but keep their case: the
 * remembered mapping refers to them and must find them again.
 */
export function headerSignature(columns: string[]): string {
	const names = columns.map((c) => c.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' '));
	return JSON.stringify([...new Set(names)].sort());
}

/** The command line's repeatable `--map field=Column` -> a mapping (the column name may contain `=`). */
export function parseMapOption(entries: string[]): ColumnMapping {
	const mapping: ColumnMapping = {};
	for (const entry of entries) {
		const eq = entry.indexOf('=');
		const field = (eq < 0 ? entry : entry.slice(0, eq)).trim();
		const column = eq < 0 ? '' : entry.slice(eq + 1).trim();
		if (!(MAPPED_FIELDS as readonly string[]).includes(field)) {
			throw new Error(`--map: unknown field '${field}' in '${entry}'; fields are ${MAPPED_FIELDS.join(', ')}`);
		}
		if (column === '') throw new Error(`--map: '${entry}' names no column (example: --map "text=Сообщение")`);
		mapping[field as MappedField] = column;
	}
	return mapping;
}
