import { REPLY_BUCKETS } from '$lib/analysis/view-types';
import type { ShareReport } from './share-report';

/** A small report with every list filled, Cyrillic and markup-looking text included. */
export function sampleReport(patch: Partial<ShareReport> = {}): ShareReport {
	return {
		schema: 'replyscope.share/1', language: 'ru', owner: 'ПВЗ на Ленина <b>', generated_at: '2024-06-01T12:00:00+03:00',
		time_zone: 'Europe/Moscow', period: { first_day: '2024-05-06', last_day: '2024-05-16' },
		source: { files: 1, messages: 30, conversations: 7 }, anonymised: true, target_s: 3600,
		headline: { conversations: 7, first_response_median_s: 749.75, reply_median_s: 1800, within_target_share: 0.636, handoff_share: 0.571 },
		departments: [{
			department: 'Техподдержка', conversations: 4, agent_messages: 6, first_response_median_s: 300, first_response_p90_s: 9000,
			reply_median_s: 3600, reply_p90_s: 208_080, within_target_share: 0.5, templated_share: 0.1, off_topic_share: 0.2, handoff_share: 0.25
		}, {
			department: null, conversations: 1, agent_messages: 1, first_response_median_s: null, first_response_p90_s: null,
			reply_median_s: 60, reply_p90_s: 60, within_target_share: 1, templated_share: null, off_topic_share: null, handoff_share: null
		}],
		reply_buckets: REPLY_BUCKETS.map((bucket, i) => ({ bucket, replies: i * 3 })),
		weekly: [{ week: '2024-05-06', department: 'Техподдержка', conversations: 3, first_response_median_s: 600 }],
		chains: [{ departments: ['Техподдержка', 'Финансы'], conversations: 2, duration_median_s: 5000, ping_pong_share: 0 }],
		flows: [{ from: 'Техподдержка', to: 'Финансы', conversations: 2, transfers: 3 }],
		templates: [{ text: 'Здравствуйте, Клиент 1!', uses: 5, conversations: 4, departments: ['Техподдержка'], human_copies_bot: true }],
		agents: [{ agent: 'Сотрудник 1', department: 'Техподдержка', role: 'agent', replies: 5, reply_median_s: 100, reply_p90_s: 200 }],
		...patch
	};
}
