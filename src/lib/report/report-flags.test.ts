import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagesTableSql } from '$lib/db/schema';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import type { Message, Role } from '$lib/model';
import { computeMetrics } from '$lib/analysis/figures';
import { computeReplyFlags } from '$lib/analysis/detect-flags';
import { setFlagMark } from '$lib/analysis/reply-flags';
import type { ReportMessage, ReportTemplate } from './types';
import { readDepartmentTextShares, readTemplates, type DepartmentTextShares } from './report-flags';
import { readReportMessages } from './report-messages';

type MessageTextFlags = Pick<ReportMessage, 'template_id' | 'off_topic' | 'relevance'>;

/** The report's text flags: per message (report-messages.ts), the templates and the department shares. */
interface TextFlags {
	byMessage: Map<string, MessageTextFlags>;
	templates: ReportTemplate[];
	departments: Map<string | null, DepartmentTextShares>;
}

async function readTextFlags(db: Db): Promise<TextFlags> {
	const messages = await readReportMessages(db);
	return {
		byMessage: new Map(messages.map(({ message_id, template_id, off_topic, relevance }) => [message_id, { template_id, off_topic, relevance }])),
		templates: await readTemplates(db),
		departments: await readDepartmentTextShares(db)
	};
}

// Hand-made: three conversations answered with the same canned reply (one template), and the seed of issue 4:
// a complaint about the territorial manager answered about the brand manager (off-topic).
const T0 = Date.UTC(2024, 4, 10, 6, 0, 0);
let seq = 0;
function msg(conversation: string, id: string, minute: number, role: Role, text: string, department: string | null = null, author = 'Мария'): Message {
	const sent_at = T0 + minute * 60_000;
	return {
		conversation_id: conversation, message_id: id, sent_at, role, author: role === 'customer' ? 'Ольга' : author,
		department, customer: null, text, source: `test row ${seq + 1}`, seq: seq++, sent_local: sent_at + 3 * 3600_000
	};
}

const CANNED = 'Ваша претензия рассмотрена. Штраф начислен в соответствии с условиями оферты, оснований для отмены не выявлено.';
const SEED_QUESTION =
	'Подаю жалобу на бездействие территориального менеджера. Из-за пропущенного срока проверки на пункт наложили штраф ' +
	'30 000 рублей. Я обратилась к территориальному менеджеру за помощью, но он скопировал текст операторов-ботов и перестал отвечать.';
const SEED_ANSWER =
	'Добрый вечер, коллеги. Действительно, бренд-менеджер должен был до конца разобраться в вопросе. К сожалению, в этой ' +
	'ситуации уже ничего не сделать. Пожалуйста, будьте внимательны на каждом этапе работы ПВЗ, я уверена, у вас всё получится. Хорошего вам вечера 🌸';

const MESSAGES: Message[] = [
	msg('A', 'a-c1', 0, 'customer', 'Прошу отменить штраф за проверку, вывеска была на месте'),
	msg('A', 'a-a1', 30, 'agent', `Здравствуйте, Ольга! ${CANNED}`, 'Претензии', 'Игорь'),
	msg('B', 'b-c1', 0, 'customer', 'Оспариваю штраф за подмену товара, есть видео приёмки'),
	msg('B', 'b-s1', 1, 'system', 'Обращение передано в отдел Претензии', 'Претензии'),
	msg('B', 'b-a1', 40, 'agent', CANNED, 'Претензии'),
	msg('C', 'c-c1', 0, 'customer', 'Почему начислен штраф за опоздание машины?'),
	msg('C', 'c-a1', 50, 'agent', `Добрый день! ${CANNED} 🌸`, 'Претензии'),
	// D: a bot greets before any customer text (not judged); the agent's department is empty (keeps the bot's).
	msg('D', 'd-b1', 0, 'bot', 'Здравствуйте! Я бот-помощник, опишите вопрос одним сообщением', 'Бренд-менеджер', 'Бот'),
	msg('D', 'd-c1', 1, 'customer', SEED_QUESTION),
	msg('D', 'd-a1', 90, 'agent', SEED_ANSWER, null, 'Анна')
];

let db: Db;
let flags: TextFlags;
beforeAll(async () => {
	db = await openNodeDb();
	await db.exec(createMessagesTableSql('messages'));
	// inserted out of time order: the detectors must see each conversation in (sent_at, seq) order
	await db.appendMessages('messages', [...MESSAGES].reverse().map((m, i) => ({ ...m, seq: i })));
	await computeMetrics(db);
	await computeReplyFlags(db);
	flags = await readTextFlags(db);
});
afterAll(() => db.close());

describe('the report\'s text flags (after computeReplyFlags)', () => {
	it('finds the canned reply of three conversations as one template', () => {
		expect(flags.templates).toEqual([{
			template_id: 't1', messages: 3, conversations: 3, text: expect.any(String), departments: ['Претензии'],
			authors: 2, roles: ['agent']
		}]);
		expect(['a-a1', 'b-a1', 'c-a1'].map((id) => flags.byMessage.get(id)?.template_id)).toEqual(['t1', 't1', 't1']);
		expect(flags.byMessage.get('d-a1')?.template_id).toBeNull();
	});

	it('flags the brand-manager answer to a complaint about the territorial manager', () => {
		const d = flags.byMessage.get('d-a1')!;
		expect(d.off_topic).toBe(true);
		expect(d.relevance).toBeLessThan(0.33);
	});

	it('gives no verdict to a reply before any customer text, and no flags to customer and system messages', () => {
		const none = { template_id: null, off_topic: null, relevance: null };
		for (const id of ['d-b1', 'a-c1', 'b-s1', 'd-c1']) expect(flags.byMessage.get(id)).toEqual(none);
	});

	it('gives the shares per effective department', () => {
		expect(flags.departments.get('Претензии')).toEqual({ templated_share: 1, off_topic_share: expect.any(Number) });
		// two replies, none templated; one judged, and it is off-topic
		expect(flags.departments.get('Бренд-менеджер')).toEqual({ templated_share: 0, off_topic_share: 1 });
		expect([...flags.departments.keys()].sort()).toEqual(['Бренд-менеджер', 'Претензии']);
	});

	it('leaves out what the user marked wrong: no template, not off-topic, shares without them', async () => {
		await setFlagMark(db, 'a-a1', 'template', true);
		await setFlagMark(db, 'd-a1', 'off_topic', true);
		const marked = await readTextFlags(db);
		expect(marked.byMessage.get('a-a1')?.template_id).toBeNull();
		expect(marked.byMessage.get('d-a1')).toMatchObject({ off_topic: false, relevance: flags.byMessage.get('d-a1')!.relevance });
		expect(marked.departments.get('Претензии')?.templated_share).toBe(0.667);
		expect(marked.departments.get('Бренд-менеджер')).toEqual({ templated_share: 0, off_topic_share: 0 });
		await setFlagMark(db, 'a-a1', 'template', false);
		await setFlagMark(db, 'd-a1', 'off_topic', false);
		expect(await readTextFlags(db)).toEqual(flags);
	});
});
