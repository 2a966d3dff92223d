import type { Role } from '$lib/model';
import { isJsonObject, memberPath, scalarText } from './json-flatten';
import { derivedMapping, ERROR_FIELD, WHERE_FIELD } from './record-fields';
import type { ColumnMapping, RawRecord } from './types';

/**
 * Telegram Desktop's `result.json` (Settings > Advanced > Export Telegram data, JSON; the fields are those
 * of github.com/telegramdesktop/tdesktop `export_output_json.cpp`): one chat
 * `{name, type, id, messages}` or a full export `{personal_information, chats: {list: [...]}}`.
 *
 * Roles, in this order:
 * 1. service messages (calls, pins, members added) -> system;
 * 2. a sender whose name or id ends in "bot"/"бот", or a message sent `via_bot` -> bot;
 * 3. the exporting user (`personal_information.user_id` of a full export) -> customer;
 * 4. the chat itself as sender (the other party of a personal chat, a channel, a group posting as itself)
 *    -> agent, or bot in a `bot_chat`;
 * 5. anyone else in a personal chat (the exporter, in a one-chat export) -> customer;
 * 6. anyone else in a group -> agent when the name says support ("поддержка", "менеджер", "support",
 *    "admin"...), else customer. Groups mix owners, staff and support: when this guess is wrong, map the role
 *    to `_author` and say who is who.
 * The conversation is the chat (its id), the department its name.
 */

/** Preset mapping of the records `readTelegram` gives. */
export const TELEGRAM_MAPPING: ColumnMapping = derivedMapping([
	'conversation_id', 'message_id', 'sent_at', 'role', 'author', 'department', 'text'
]);

const BOT_NAME = /(bot|бот)$/i;
const SUPPORT_NAME = /поддержк|менеджер|оператор|администратор|админ|support|manager|operator|admin|helpdesk/i;
/** Details of a service message worth showing after its action. */
const SERVICE_DETAILS = ['title', 'members', 'inviter', 'message_id', 'duration_seconds', 'discard_reason', 'period'];
/** Original fields kept on each record for the preview. */
const KEPT = ['id', 'type', 'date', 'from', 'from_id', 'author', 'reply_to_message_id', 'via_bot', 'forwarded_from'];

type Json = Record<string, unknown>;

/** Whether the document is a Telegram Desktop export. */
export function isTelegramExport(root: unknown): boolean {
	if (!isJsonObject(root)) return false;
	if (isJsonObject(root.chats) && Array.isArray(root.chats.list)) return true;
	return typeof root.type === 'string' && Array.isArray(root.messages) && root.messages.some(isTelegramMessage);
}

function isTelegramMessage(value: unknown): boolean {
	return isJsonObject(value) && (value.type === 'message' || value.type === 'service') && 'date' in value;
}

interface Chat {
	value: Json;
	path: string;
	name: string | null;
	/** Sender ids by which the chat itself appears (`user123` in a personal chat, `channel123`...). */
	selfIds: Set<string>;
}

/** One record per message of every chat, in file order; `row` counts them from 1. */
export function readTelegram(root: Json): RawRecord[] {
	const exporter = isJsonObject(root.personal_information) ? scalarText(root.personal_information.user_id) : null;
	const exporterId = exporter === null ? null : `user${exporter}`;
	const records: RawRecord[] = [];
	for (const chat of chatsOf(root)) {
		const messages = Array.isArray(chat.value.messages) ? chat.value.messages : [];
		messages.forEach((message, i) => {
			if (!isJsonObject(message)) return;
			const where = `${memberPath(chat.path, 'messages')}[${i}]`;
			records.push({ row: records.length + 1, fields: messageFields(message, chat, exporterId, where) });
		});
	}
	return records;
}

function chatsOf(root: Json): Chat[] {
	const lists = ['chats', 'left_chats'].filter((key) => isJsonObject(root[key]) && Array.isArray((root[key] as Json).list));
	if (lists.length === 0) return [chatOf(root, '$')];
	return lists.flatMap((key) =>
		((root[key] as Json).list as unknown[]).flatMap((chat, i) =>
			isJsonObject(chat) ? [chatOf(chat, `$.${key}.list[${i}]`)] : []
		)
	);
}

function chatOf(value: Json, path: string): Chat {
	const id = scalarText(value.id);
	const selfIds = new Set(id === null ? [] : [`user${id}`, `channel${id}`, `chat${id}`]);
	return { value, path, name: scalarText(value.name), selfIds };
}

function messageFields(message: Json, chat: Chat, exporterId: string | null, where: string): Record<string, string | null> {
	const fields: Record<string, string | null> = {};
	for (const key of KEPT) if (key in message) fields[key] = scalarText(message[key]);
	const service = message.type === 'service';
	const chatKey = scalarText(chat.value.id) ?? chat.name ?? chat.path;
	fields._conversation = chatKey;
	fields._message_id = `${chatKey}:${scalarText(message.id) ?? where}`;
	const sent = sentAt(message);
	fields._sent_at = sent.at;
	fields._role = roleOf(message, chat, exporterId);
	fields._author = authorOf(message, service);
	fields._department = chat.name;
	fields._text = service ? serviceText(message) : messageText(message);
	fields[WHERE_FIELD] = where;
	if (sent.error) fields[ERROR_FIELD] = sent.error;
	if (message.type === 'unsupported') fields[ERROR_FIELD] = 'Telegram could not export this message (type "unsupported")';
	return fields;
}

/**
 * A channel post's signature (`author`) names the admin behind the channel's name; a deleted account has no
 * name (`from` is null), but its id still tells the authors apart.
 */
function authorOf(message: Json, service: boolean): string | null {
	if (service) return scalarText(message.actor) ?? scalarText(message.actor_id);
	return scalarText(message.author) ?? scalarText(message.from) ?? scalarText(message.from_id);
}

/**
 * `date_unixtime` (exact, UTC) when the export has it; else `date`, the exporter's wall clock without a zone. Digits
 * past the dates JavaScript holds (a damaged file: found by the import's property test) make the row an error.
 */
function sentAt(message: Json): { at: string | null; error?: string } {
	const unix = scalarText(message.date_unixtime);
	if (unix === null || !/^\d+$/.test(unix)) return { at: scalarText(message.date) };
	const date = new Date(Number(unix) * 1000);
	return Number.isNaN(date.getTime()) ? { at: null, error: `timestamp '${unix}' is not a date` } : { at: date.toISOString() };
}

function roleOf(message: Json, chat: Chat, exporterId: string | null): Role {
	if (message.type === 'service') return 'system';
	const name = scalarText(message.from) ?? '';
	const id = scalarText(message.from_id) ?? '';
	if (message.via_bot || BOT_NAME.test(name.trim()) || BOT_NAME.test(id)) return 'bot';
	if (exporterId !== null && id === exporterId) return 'customer';
	if (chat.selfIds.has(id) || (chat.name !== null && name === chat.name)) {
		return chat.value.type === 'bot_chat' ? 'bot' : 'agent';
	}
	if (isPersonal(chat)) return 'customer';
	return SUPPORT_NAME.test(name) ? 'agent' : 'customer';
}

function isPersonal(chat: Chat): boolean {
	return chat.value.type === 'personal_chat' || chat.value.type === 'bot_chat' || chat.value.type === 'saved_messages';
}

/** `text` is a string, or an array of strings and entities `{type, text}` (links, bold...) to join. */
export function joinText(text: unknown): string {
	if (typeof text === 'string') return text;
	if (!Array.isArray(text)) return '';
	const pieces = text.map((part) => (isJsonObject(part) ? (scalarText(part.text) ?? '') : (scalarText(part) ?? '')));
	return pieces.join('');
}

/** The text; a message with only an attachment says what it was (`[photo]`, `[sticker 👍]`), so it is not blank. */
function messageText(message: Json): string {
	const text = joinText(message.text);
	if (text !== '') return text;
	if (message.photo) return '[photo]';
	if (typeof message.media_type === 'string') {
		const emoji = scalarText(message.sticker_emoji);
		return `[${message.media_type.replace(/_/g, ' ')}${emoji ? ` ${emoji}` : ''}]`;
	}
	if (message.file) return `[file${message.file_name ? `: ${String(message.file_name)}` : ''}]`;
	if (isJsonObject(message.poll)) return `[poll: ${scalarText(message.poll.question) ?? ''}]`;
	return '';
}

/** `action` and its details: `phone_call (duration_seconds: 184, discard_reason: hangup)`. */
function serviceText(message: Json): string {
	// Bots' custom service lines have no action, only `information_text`.
	const action = scalarText(message.action) ?? scalarText(message.information_text) ?? 'service';
	const details = SERVICE_DETAILS.filter((key) => message[key] !== undefined && message[key] !== null).map((key) => {
		const value = message[key];
		return `${key}: ${Array.isArray(value) ? value.map(String).join(', ') : String(value)}`;
	});
	const text = joinText(message.text);
	return `${action}${details.length ? ` (${details.join(', ')})` : ''}${text ? `: ${text}` : ''}`;
}
