import { openAsBlob } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics } from '$lib/analysis/figures';
import { computeCommitments } from '$lib/analysis/commitments';
import { computeReplyFlags } from '$lib/analysis/detect-flags';
import { REPLY_BUCKETS } from '$lib/analysis/view-types';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import { importFiles } from '$lib/ingest/import-files';
import { proposeFile } from '$lib/ingest/propose';
import { readShareJson, renderShareHtml, SHARE_CSP } from './render-html';
import { buildShareReport, type ShareReport } from './share-report';

const EVIL = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&';
const EVIL_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;&quot;&#39;&amp;';

/** A report with the hostile string in every text field. */
function evilReport(): ShareReport {
	const d = (name: string) => `${name} ${EVIL}`;
	return {
		schema: 'replyscope.share/1', language: 'ru', owner: d('owner'), generated_at: '2024-06-01T12:00:00+03:00',
		time_zone: d('zone'), period: { first_day: '2024-05-06', last_day: '2024-05-16' },
		source: { files: 1, messages: 30, conversations: 7 }, anonymised: true, target_s: 3600,
		headline: { conversations: 7, first_response_median_s: 749.75, reply_median_s: 1800, within_target_share: 0.636, handoff_share: 0.571 },
		departments: [{
			department: d('dept'), conversations: 4, agent_messages: 6, first_response_median_s: 300, first_response_p90_s: 9000,
			reply_median_s: 3600, reply_p90_s: 208_080, within_target_share: 0.5, templated_share: 0.1, off_topic_share: 0.2, handoff_share: 0.25
		}, {
			department: null, conversations: 1, agent_messages: 1, first_response_median_s: null, first_response_p90_s: null,
			reply_median_s: 60, reply_p90_s: 60, within_target_share: 1, templated_share: null, off_topic_share: null, handoff_share: null
		}],
		reply_buckets: REPLY_BUCKETS.map((bucket, i) => ({ bucket, replies: i * 3 })),
		weekly: [{ week: '2024-05-06', department: d('dept'), conversations: 3, first_response_median_s: 600 },
			{ week: '2024-05-13', department: d('dept'), conversations: 2, first_response_median_s: 7200 }],
		chains: [{ departments: [d('from'), d('to')], conversations: 2, duration_median_s: 5000, ping_pong_share: 0 }],
		flows: [{ from: d('from'), to: d('to'), conversations: 2, transfers: 3 }],
		templates: [{ text: d('template'), uses: 5, conversations: 4, departments: [d('dept')], human_copies_bot: true }],
		off_topic_examples: [{ department: d('dept'), question: d('question'), answer: d('answer'), relevance: 0.01 }],
		agents: [{ agent: d('agent'), department: d('dept'), role: 'agent', replies: 5, reply_median_s: 100, reply_p90_s: 200 }]
	};
}

describe('renderShareHtml', () => {
	const html = renderShareHtml(evilReport());

	it('escapes every value from the data: no tag of theirs survives', () => {
		expect(html).not.toContain('<img');
		expect(html).not.toContain('onerror=alert(1)>');
		expect(html.match(/<script/g)).toHaveLength(1); // the JSON data block only
		for (const field of ['owner', 'zone', 'dept', 'from', 'template', 'question', 'answer', 'agent']) {
			expect(html).toContain(`${field} ${EVIL_ESCAPED}`);
		}
	});

	it('embeds the report as JSON that cannot close its block and reads back the same', () => {
		const block = html.slice(html.indexOf('id="replyscope-share">'));
		expect(block.indexOf('</script>')).toBe(block.length - '</script>\n</body>\n</html>\n'.length);
		expect(block).toContain('\\u003cimg src=x');
		expect(readShareJson(html)).toEqual(evilReport());
	});

	it('carries the strict CSP and refers to nothing outside the file', () => {
		expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${SHARE_CSP}">`);
		expect(html).not.toMatch(/https?:|url\(|@import|<link|<iframe|<object|<embed|\ssrc="|\shref="/i);
	});

	it('draws the four charts, each with a title and, but the first, a table of its numbers', () => {
		expect(html.match(/<svg /g)).toHaveLength(4);
		expect(html.match(/<title>/g)!.length).toBeGreaterThan(4);
		expect(html.match(/<details>/g)).toHaveLength(3);
	});

	it('writes durations as people read them, in the report\'s language', () => {
		expect(html).toContain('1 ч'); // the target
		expect(html).toContain('2 дн 10 ч'); // 208 080 s = 2 d 9 h 48 min
		const en = renderShareHtml({ ...evilReport(), language: 'en' });
		expect(en).toContain('<html lang="en">');
		expect(en).toContain('2 d 10 h');
		expect(en).toContain('Replies within 1 h');
	});

	it('names a department-less row and says when the report is not anonymised', () => {
		expect(html).toContain('без отдела');
		expect(renderShareHtml({ ...evilReport(), anonymised: false })).toContain('Не обезличен');
	});
});

describe('the HTML report of the demo data', () => {
	let db: Db;
	let html: string;
	let report: ShareReport;
	beforeAll(async () => {
		db = await openNodeDb();
		const file = new File([await openAsBlob('data/demo/support-chats.csv')], 'support-chats.csv');
		await importFiles(db, [file], [(await proposeFile(file, 'Europe/Moscow')).plan]);
		await computeMetrics(db);
		await computeReplyFlags(db);
		await computeCommitments(db, 'Europe/Moscow');
		report = await buildShareReport(db, {
			language: 'ru', anonymise: true, includeTexts: true, targetS: 3600, timeZone: 'Europe/Moscow', files: 1
		});
		html = renderShareHtml(report);
	}, 120_000);
	afterAll(() => db.close());

	it('is small: JSON under 100 KB, HTML under 1 MB', () => {
		const json = Buffer.byteLength(JSON.stringify(report));
		const size = Buffer.byteLength(html);
		console.log(`demo share report: JSON ${json} bytes, HTML ${size} bytes`);
		expect(json).toBeLessThan(100 * 1024);
		expect(size).toBeLessThan(1024 * 1024);
	});

	it('contains none of the customers\' and agents\' names, points, phones or order numbers', async () => {
		const people = await db.query<{ name: string }>(`
			SELECT DISTINCT author AS name FROM messages WHERE role IN ('customer', 'agent') AND author IS NOT NULL
			UNION SELECT DISTINCT customer FROM messages WHERE customer IS NOT NULL`);
		const texts = (await db.query<{ text: string }>('SELECT text FROM messages')).map((m) => m.text).join('\n');
		const phones = texts.match(/(?:\+7|(?<!\d)8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/g) ?? [];
		const orders = texts.match(/(?<!\d)\d{8}-\d{4}-\d(?!\d)/g) ?? [];
		expect(people.length).toBeGreaterThan(50);
		expect(orders.length).toBeGreaterThan(50);
		const leaks = [...people.map((p) => p.name), ...phones, ...orders].filter((value) => html.includes(value));
		expect(leaks).toEqual([]);
		// Each word of a person's name, too (a surname alone, "Тарасова"), in any case ending the name list knows.
		const words = new Set(people.flatMap((p) => p.name.split(/[\s,]+/)).filter((w) => w.length >= 4 && /^\p{Lu}/u.test(w)));
		expect([...words].filter((w) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'u').test(html))).toEqual([]);
	});

	it('names people when not anonymised (so the test above can see a leak)', async () => {
		const own = renderShareHtml(await buildShareReport(db, {
			language: 'ru', anonymise: false, includeTexts: true, targetS: 3600, timeZone: 'Europe/Moscow', files: 1
		}));
		const [{ name }] = await db.query<{ name: string }>(`
			SELECT author AS name FROM messages WHERE role = 'agent' GROUP BY author ORDER BY count(*) DESC LIMIT 1`);
		expect(own).toContain(name);
	});
});
