import { flattenInto, isJsonObject, memberPath, scalarText, type FieldMap } from './json-flatten';

/**
 * Finding messages in JSON by their shape, whatever the keys are called (`messages`, `dialogContent`,
 * `conversation_parts`, `entries`...).
 *
 * - A message is an object with a text-like field (text, message, body, content...) holding text and a
 *   time-like field (date, time, created..., `*_at`) holding text or a number.
 * - A messages array is an array in which at least half the elements are messages.
 * - The conversation of a messages array is the nearest enclosing object that is an element of an array
 *   (one conversation of a list), or the root object when there is none. A messages array at the root has no
 *   conversation.
 */

/** An array of messages found in the file. */
export interface MessageArray {
	/** The array itself (elements may include a few non-messages, reported as such). */
	items: unknown[];
	/** JSON path of the array, e.g. `$[3].dialogContent`. */
	path: string;
	/** The conversation it belongs to; null for a root array of messages. */
	conversation: Conversation | null;
}

/** An object holding one conversation's messages. */
export interface Conversation {
	/** The conversation object. */
	value: Record<string, unknown>;
	/** Its JSON path, e.g. `$[3]`; the conversation id when it has no id field. */
	path: string;
	/**
	 * First key segment of its fields on each message: the key of the list that holds it (`conversations.id`
	 * for `{"conversations": [{"id": ...}]}`), or `conversation` for a root array or root object.
	 */
	prefix: string;
}

const TEXT_KEY = /text|message|body|content|utterance|comment|msg|сообщ|текст/i;
const TIME_KEY = /date|time|created|sent|timestamp|^ts$|_at$|дата|время/i;
/** Nesting below which nothing is searched (no real export goes this deep). */
const MAX_DEPTH = 32;

/** Whether a value has the shape of a message: text plus a time. */
export function looksLikeMessage(value: unknown): boolean {
	if (!isJsonObject(value)) return false;
	let text = false;
	let time = false;
	for (const [key, v] of Object.entries(value)) {
		if (!text && TEXT_KEY.test(key) && (typeof v === 'string' || Array.isArray(v))) text = true;
		else if (!time && TIME_KEY.test(key) && (typeof v === 'string' || typeof v === 'number')) time = true;
	}
	return text && time;
}

function isMessageArray(value: unknown[]): boolean {
	let messages = 0;
	for (const item of value) if (looksLikeMessage(item)) messages++;
	return messages > 0 && messages * 2 >= value.length;
}

/** Every messages array in the document, in document order. */
export function findMessageArrays(root: unknown): MessageArray[] {
	const found: MessageArray[] = [];
	const rootConversation = isJsonObject(root) ? { value: root, path: '$', prefix: 'conversation' } : null;
	walk(root, '$', null, rootConversation, found, 0);
	return found;
}

function walk(
	value: unknown,
	path: string,
	key: string | null,
	conversation: Conversation | null,
	found: MessageArray[],
	depth: number
): void {
	if (depth > MAX_DEPTH) return;
	if (Array.isArray(value)) {
		if (isMessageArray(value)) {
			found.push({ items: value, path, conversation });
			return;
		}
		value.forEach((item, i) => {
			const itemPath = `${path}[${i}]`;
			const own = isJsonObject(item) ? { value: item, path: itemPath, prefix: key ?? 'conversation' } : conversation;
			walk(item, itemPath, key, own, found, depth + 1);
		});
	} else if (isJsonObject(value)) {
		for (const [childKey, child] of Object.entries(value)) {
			if (typeof child === 'object' && child !== null) {
				walk(child, memberPath(path, childKey), childKey, conversation, found, depth + 1);
			}
		}
	}
}

/** The conversation's own fields, prefixed (see `Conversation.prefix`), without any messages array. */
export function conversationFields(conversation: Conversation, messageArrays: ReadonlySet<unknown>): FieldMap {
	const fields: FieldMap = new Map();
	flattenInto(fields, conversation.value, conversation.prefix, messageArrays);
	return fields;
}

/** Names of id fields, normalised (lower case, no `_`/`-`), most telling first. */
const ID_NAMES = [
	'conversationid', 'ticketid', 'sessionid', 'chatid', 'threadid', 'dialogid', 'dialogueid', 'caseid', 'id', 'uuid'
];

/**
 * The conversation id: its id-like field (`id`, `sessionID`, `conversation_id`, `ticket_id`...), looked for on the
 * object itself and then in the objects it holds directly (IBM's `dialogHeader.sessionID`); else its JSON path.
 */
export function conversationKey(conversation: Conversation): string {
	const own = idField(conversation.value);
	if (own !== null) return own;
	for (const child of Object.values(conversation.value)) {
		const nested = isJsonObject(child) ? idField(child) : null;
		if (nested !== null) return nested;
	}
	return conversation.path;
}

function idField(object: Record<string, unknown>): string | null {
	const byName = new Map<string, string>();
	for (const [key, value] of Object.entries(object)) {
		const text = scalarText(value);
		if (text !== null && text.trim() !== '') byName.set(key.toLowerCase().replace(/[_-]/g, ''), text);
	}
	for (const name of ID_NAMES) {
		const text = byName.get(name);
		if (text !== undefined) return text;
	}
	return null;
}
