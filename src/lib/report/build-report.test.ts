import { describe, expect, it } from 'vitest';
import { createMessagesTableSql } from '$lib/db/schema';
import { openNodeDb } from '$lib/db/node';
import type { Message, Role } from '$lib/model';
import { buildReport } from './build-report';

const T0 = Date.UTC(2024, 4, 10, 6, 0, 0);
let seq = 0;
function msg(conversation: string, minute: number, role: Role, text: string, department: string | null = null): Message {
	const sent_at = T0 + minute * 60_000;
	return {
		conversation_id: conversation, message_id: `m${seq + 1}`, sent_at, role, author: role, department, customer: null,
		text, source: `test row ${seq + 1}`, seq: seq++, sent_local: sent_at + 3 * 3600_000
	};
}

const CANNED = 'Ваша претензия рассмотрена. Штраф начислен в соответствии с условиями оферты, оснований для отмены не выявлено.';

describe('buildReport', () => {
	it('merges the text flags into messages and departments, in the schema order', async () => {
		const db = await openNodeDb();
		await db.exec(createMessagesTableSql('messages'));
		await db.appendMessages('messages', ['A', 'B', 'C'].flatMap((c) => [
			msg(c, 0, 'customer', 'Прошу отменить штраф по претензии'),
			msg(c, 10, 'agent', CANNED, 'Претензии')
		]));
		const input = { files: [], rows_read: 6, rows_loaded: 6, rows_rejected: 0, rejected: [], time_zone: 'Europe/Moscow', imported_at: 0 };
		const report = await buildReport(db, input, { now: T0 });
		await db.close();

		expect(Object.keys(report)).toEqual(
			['schema', 'generated_at', 'time_zone', 'input', 'summary', 'departments', 'conversations', 'messages', 'templates',
				'commitments', 'conflicts']
		);
		expect(Object.keys(report.departments[0])).toEqual([
			'department', 'conversations', 'agent_messages', 'first_response_median_s', 'first_response_p90_s',
			'reply_median_s', 'reply_p90_s', 'templated_share', 'off_topic_share', 'promises_kept_share'
		]);
		expect(report.departments[0]).toMatchObject({ department: 'Претензии', templated_share: 1 });
		expect(report.messages.map((m) => Object.keys(m))).toEqual(report.messages.map(() => [
			'message_id', 'conversation_id', 'role', 'department', 'response_s', 'template_id', 'off_topic', 'relevance'
		]));
		expect(report.messages.filter((m) => m.role === 'customer').every((m) => m.template_id === null && m.off_topic === null && m.relevance === null)).toBe(true);
		expect(report.messages.filter((m) => m.role === 'agent').map((m) => m.template_id)).toEqual(['t1', 't1', 't1']);
		expect(report.templates).toEqual([{
			template_id: 't1', messages: 3, conversations: 3, text: CANNED, departments: ['Претензии'], authors: 1, roles: ['agent']
		}]);
	});
});
