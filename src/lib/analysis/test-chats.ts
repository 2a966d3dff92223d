/** Hand-made conversations for the analysis tests: messages written by their wall-clock time in Moscow. */
import { createMessagesTableSql } from '$lib/db/schema';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import type { Message, Role } from '$lib/model';
import { computeMetrics } from './figures';
import type { BusinessHours, ViewOptions } from './view-types';

/** Moscow has had no daylight-saving time since 2014: local = UTC + 3 h all year. */
const MOSCOW_MS = 3 * 3_600_000;

/** Optional parts of a test message. */
export interface MessageExtras {
	department?: string | null;
	author?: string | null;
	customer?: string | null;
}

/** A message builder whose `seq` counts up in call order (input order breaks ties in time). */
export function messageMaker() {
	let seq = 0;
	return (conversation: string, id: string, local: string, role: Role, extras: MessageExtras = {}): Message => {
		const sent_local = Date.parse(`${local.replace(' ', 'T')}Z`);
		if (Number.isNaN(sent_local)) throw new Error(`bad test time ${local}`);
		return {
			conversation_id: conversation,
			message_id: id,
			sent_at: sent_local - MOSCOW_MS,
			role,
			author: extras.author !== undefined ? extras.author : role === 'customer' ? 'Клиент' : 'Оператор',
			department: extras.department ?? null,
			customer: extras.customer !== undefined ? extras.customer : null,
			text: `${role} ${id}`,
			source: `test row ${seq + 1}`,
			seq: seq++,
			sent_local
		};
	};
}

/** A Node database with these messages and their metrics. */
export async function openTestDb(messages: Message[], hours: BusinessHours | null = null): Promise<Db> {
	const db = await openNodeDb();
	await db.exec(createMessagesTableSql('messages'));
	await db.appendMessages('messages', messages);
	await computeMetrics(db, hours);
	return db;
}

/** A view with no filters, the default target and calendar time, changed by `changes`. */
export function viewOf(changes: Partial<ViewOptions> = {}): ViewOptions {
	return { filters: {}, targetS: 3600, businessHours: null, ...changes };
}
