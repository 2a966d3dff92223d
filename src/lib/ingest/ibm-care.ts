import { flattenInto, isJsonObject, scalarText, toFields, type FieldMap } from './json-flatten';
import { derivedMapping, ERROR_FIELD, WHERE_FIELD } from './record-fields';
import type { ColumnMapping, RawRecord } from './types';

/**
 * IBM's Twitter customer-care dump (github.com/IBM/twitter-customer-care-document-prediction): an array of
 * conversations `{dialogHeader{company, sessionID, ...}, dialogContent[], agentURL{}}`. In `dialogContent` the
 * key `client` (`client1`... for others joining) or `agent` holds the screen name and says the role.
 * `agentURL` is the company's final reply: it has the text (`url_utterance`) and the tweet id but no time.
 */

/**
 * Twitter's snowflake ids carry their creation time: ms since this epoch, shifted left by 22 bits
 * (github.com/twitter-archive/snowflake/blob/snowflake-2010/README.mkdn).
 */
const TWITTER_EPOCH_MS = 1288834974657n;
const ROLE_KEY = /^(client|agent)\d*$/;

/** Preset mapping of the records `readIbmCare` gives. */
export const IBM_CARE_MAPPING: ColumnMapping = derivedMapping([
	'conversation_id', 'message_id', 'sent_at', 'role', 'author', 'department', 'text'
]);

/** Whether the document has the IBM care shape (checked on the first conversations). */
export function isIbmCare(root: unknown): root is unknown[] {
	if (!Array.isArray(root) || root.length === 0) return false;
	return root.slice(0, 5).every((c) => isJsonObject(c) && Array.isArray(c.dialogContent) && isJsonObject(c.dialogHeader));
}

/** One record per message and per final agent reply, in file order; `row` counts them from 1. */
export function readIbmCare(root: unknown[]): RawRecord[] {
	const records: RawRecord[] = [];
	root.forEach((conversation, i) => {
		if (!isJsonObject(conversation)) return;
		const header = isJsonObject(conversation.dialogHeader) ? conversation.dialogHeader : {};
		const context: Context = {
			company: scalarText(header.company),
			session: scalarText(header.sessionID) ?? `$[${i}]`,
			header
		};
		const messages = Array.isArray(conversation.dialogContent) ? conversation.dialogContent : [];
		messages.forEach((message, j) => {
			records.push(messageRecord(message, `$[${i}].dialogContent[${j}]`, context, records.length + 1));
		});
		if (isJsonObject(conversation.agentURL)) {
			records.push(finalReplyRecord(conversation.agentURL, `$[${i}].agentURL`, context, records.length + 1));
		}
	});
	return records;
}

interface Context {
	company: string | null;
	session: string;
	header: Record<string, unknown>;
}

function messageRecord(message: unknown, where: string, context: Context, row: number): RawRecord {
	if (!isJsonObject(message)) return notAMessage(where, row);
	const fields: FieldMap = new Map();
	flattenInto(fields, message, '');
	const roleKey = Object.keys(message).find((key) => ROLE_KEY.test(key));
	const id = scalarText(message.tweet_ID);
	setDerived(fields, context, where, {
		role: roleKey === undefined ? null : roleKey.startsWith('agent') ? 'agent' : 'customer',
		author: roleKey === undefined ? null : scalarText(message[roleKey]),
		sentAt: scalarText(message.datetime) ?? snowflakeTime(id),
		text: scalarText(message.message),
		id
	});
	return { row, fields: toFields(fields) };
}

/** The final reply: written by the company account, at the time its tweet id encodes. */
function finalReplyRecord(reply: Record<string, unknown>, where: string, context: Context, row: number): RawRecord {
	const fields: FieldMap = new Map();
	flattenInto(fields, reply, '');
	const id = scalarText(reply.tweet_ID);
	setDerived(fields, context, where, {
		role: 'agent',
		author: context.company,
		sentAt: snowflakeTime(id),
		text: scalarText(reply.url_utterance),
		id
	});
	return { row, fields: toFields(fields) };
}

interface Derived {
	role: string | null;
	author: string | null;
	sentAt: string | null;
	text: string | null;
	id: string | null;
}

function setDerived(fields: FieldMap, context: Context, where: string, derived: Derived): void {
	flattenInto(fields, context.header, 'conversation.dialogHeader');
	fields.set('_conversation', context.session);
	fields.set('_message_id', derived.id);
	fields.set('_sent_at', derived.sentAt);
	fields.set('_role', derived.role);
	fields.set('_author', derived.author);
	fields.set('_department', context.company);
	fields.set('_text', derived.text);
	fields.set(WHERE_FIELD, where);
}

function notAMessage(where: string, row: number): RawRecord {
	return { row, fields: { [ERROR_FIELD]: 'this element is not a message object', [WHERE_FIELD]: where } };
}

/** ISO time of a Twitter snowflake id; null when the id is not one. */
export function snowflakeTime(id: string | null): string | null {
	if (id === null || !/^\d{1,20}$/.test(id.trim())) return null;
	const ms = Number((BigInt(id.trim()) >> 22n) + TWITTER_EPOCH_MS);
	return new Date(ms).toISOString();
}
