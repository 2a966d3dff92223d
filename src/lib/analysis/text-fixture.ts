/**
 * Hand-made conversations for the text-screen tests (reply-flags, templates, off-topic, redirects), Russian and
 * English, Moscow wall clock. What a reader should find in them:
 *
 * | id | started          | replies (author, effective department)                | what the replies are                         |
 * |----|------------------|-------------------------------------------------------|----------------------------------------------|
 * | A  | Mon 05-06 10:00  | Игорь (Претензии)                                     | the canned claim reply, with a greeting      |
 * | B  | Tue 05-07 11:00  | Мария (Претензии)                                     | the canned claim reply as is                 |
 * | C  | Wed 05-08 12:00  | Бот (bot, Претензии)                                  | the canned claim reply, greeting and emoji   |
 * | D  | Thu 05-09 09:00  | Бот (bot, Бренд-менеджер), Анна (department empty)    | bot hello before any customer text; Анна     |
 * |    |                  |                                                       | answers about the brand manager to a         |
 * |    |                  |                                                       | complaint about the territorial manager      |
 * | E  | Fri 05-10 14:00  | Пётр (Техподдержка)                                   | «обратитесь к бренд-менеджеру»: a redirect   |
 * |    |                  |                                                       | to a department not in E's list              |
 * | F  | Mon 05-13 10:00  | Пётр (Техподдержка), Вера (Бренд-менеджер)            | "contact the brand manager", Вера answers |
 * | G  | Tue 05-14 15:00  | Борис (Выплаты) twice                                 | "please wait ... forwarded", then a goodbye  |
 *
 * The canned reply is one template (3 conversations, A-C, 2 humans and the bot). Weeks: A-E in the week of
 * 2024-05-06, F and G in the week of 2024-05-13. Departments lists: A-C [Претензии], D [Бренд-менеджер],
 * E [Техподдержка], F [Техподдержка, Бренд-менеджер], G [Выплаты].
 */
import type { Message, Role } from '$lib/model';
import { messageMaker } from './test-chats';

export const CLAIMS = 'Претензии';
export const BRAND = 'Бренд-менеджер';
export const SUPPORT = 'Техподдержка';
export const PAYOUTS = 'Выплаты';

export const CANNED =
	'Ваша претензия рассмотрена. Штраф начислен в соответствии с условиями оферты, оснований для отмены не выявлено.';
export const SEED_QUESTION =
	'Подаю жалобу на бездействие территориального менеджера. Из-за пропущенного срока проверки на пункт наложили штраф ' +
	'30 000 рублей. Я обратилась к территориальному менеджеру за помощью, но он скопировал текст операторов-ботов и перестал отвечать.';
export const SEED_ANSWER =
	'Добрый вечер, коллеги. Действительно, бренд-менеджер должен был до конца разобраться в вопросе. К сожалению, в этой ' +
	'ситуации уже ничего не сделать. Пожалуйста, будьте внимательны на каждом этапе работы ПВЗ, я уверена, у вас всё получится. Хорошего вам вечера 🌸';

export function textChats(): Message[] {
	const m = messageMaker();
	const say = (conversation: string, id: string, local: string, role: Role, text: string, author: string, department: string | null = null) =>
		({ ...m(conversation, id, local, role, { author, department, customer: role === 'customer' ? author : null }), text });
	const ask = (conversation: string, id: string, local: string, text: string) =>
		say(conversation, id, local, 'customer', text, `ПВЗ-${conversation}`);
	return [
		ask('A', 'a-c1', '2024-05-06 10:00:00', 'Прошу отменить штраф за проверку, вывеска была на месте'),
		say('A', 'a-a1', '2024-05-06 10:30:00', 'agent', `Здравствуйте, Ольга! ${CANNED}`, 'Игорь', CLAIMS),
		ask('B', 'b-c1', '2024-05-07 11:00:00', 'Оспариваю штраф за подмену товара, есть видео приёмки'),
		say('B', 'b-a1', '2024-05-07 11:40:00', 'agent', CANNED, 'Мария', CLAIMS),
		ask('C', 'c-c1', '2024-05-08 12:00:00', 'Почему начислен штраф за опоздание машины?'),
		say('C', 'c-b1', '2024-05-08 12:00:05', 'bot', `Добрый день! ${CANNED} 🌸`, 'Бот', CLAIMS),
		say('D', 'd-b1', '2024-05-09 09:00:00', 'bot', 'Здравствуйте! Я бот-помощник, опишите вопрос одним сообщением', 'Бот', BRAND),
		ask('D', 'd-c1', '2024-05-09 09:01:00', SEED_QUESTION),
		say('D', 'd-a1', '2024-05-09 10:30:00', 'agent', SEED_ANSWER, 'Анна'),
		ask('E', 'e-c1', '2024-05-10 14:00:00', 'Хочу заменить вывеску на пункте, кто согласует новый макет?'),
		ask('E', 'e-c2', '2024-05-10 14:01:00', 'Старая вывеска выцвела'),
		say('E', 'e-a1', '2024-05-10 15:00:00', 'agent', 'По вопросам вывески обратитесь к бренд-менеджеру через раздел «Обращения».', 'Пётр', SUPPORT),
		ask('F', 'f-c1', '2024-05-13 10:00:00', 'I need a new sign layout for my pickup point'),
		say('F', 'f-a1', '2024-05-13 10:10:00', 'agent', 'Please contact the brand manager about the sign layout.', 'Пётр', SUPPORT),
		ask('F', 'f-c2', '2024-05-13 10:20:00', 'Hello brand team, where is the sign layout?'),
		say('F', 'f-a2', '2024-05-13 11:00:00', 'agent', 'Hi! The new sign layout for your pickup point is attached, print it in A1 size.', 'Вера', BRAND),
		ask('G', 'g-c1', '2024-05-14 15:00:00', 'When will my payout for May arrive?'),
		say('G', 'g-a1', '2024-05-14 15:05:00', 'agent', 'Please wait, your request has been forwarded to a specialist.', 'Борис', PAYOUTS),
		say('G', 'g-a2', '2024-05-14 15:06:00', 'agent', 'Thank you for contacting us! Have a nice day!', 'Борис', PAYOUTS)
	];
}
