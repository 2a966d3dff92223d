import { describe, expect, it } from 'vitest';
import { UTF8_BOM } from './csv';
import { shareCsvFiles } from './share-csv';
import type { ShareReport } from './share-report';

const report = {
	departments: [{
		department: '=cmd|calc', conversations: 4, agent_messages: 6, first_response_median_s: 300, first_response_p90_s: null,
		reply_median_s: 3600, reply_p90_s: 7200, within_target_share: 0.5, templated_share: 0.1, off_topic_share: 0.2, handoff_share: 0.25
	}],
	reply_buckets: [{ bucket: 'under_5m', replies: 3 }],
	weekly: [], flows: [], agents: [],
	chains: [{ departments: ['Техподдержка', 'Выплаты'], conversations: 2, duration_median_s: 5000, ping_pong_share: 0 }],
	templates: [{ text: '-Ожидайте, ответим', uses: 5, conversations: 4, departments: ['Выплаты'], human_copies_bot: true }]
} as unknown as ShareReport;

describe('shareCsvFiles', () => {
	const files = shareCsvFiles(report);

	it('writes one file per table, with the field names as headers', () => {
		expect(Object.keys(files)).toEqual(['departments', 'reply_buckets', 'weekly', 'flows', 'chains', 'templates', 'agents']);
		expect(files.reply_buckets).toBe(`${UTF8_BOM}bucket,replies\r\nunder_5m,3\r\n`);
		expect(files.weekly).toBe(`${UTF8_BOM}week,department,conversations,first_response_median_s\r\n`);
	});

	it('neutralises values that a spreadsheet would run', () => {
		expect(files.departments.split('\r\n')[1]).toBe("'=cmd|calc,4,6,300,,3600,7200,0.5,0.1,0.2,0.25");
		expect(files.templates.split('\r\n')[1]).toBe(`"'-Ожидайте, ответим",5,4,Выплаты,true`);
	});

	it('joins lists as a chain', () => {
		expect(files.chains.split('\r\n')[1]).toBe('Техподдержка → Выплаты,2,5000,0');
	});
});
