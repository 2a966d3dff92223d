import { describe, expect, it } from 'vitest';
import { scoreRelevance, type RelevanceConversation } from './relevance';

/** A small dataset with several topics, so IDF and PMI have something to learn from. */
const TOPICS: [string, string][] = [
	['Не пришла выплата за апрель, статус в обработке', 'Выплата задержана из-за реквизитов, обновите реквизиты в кабинете'],
	['Выплата меньше, где детализация удержаний?', 'Удержание — компенсация за утерянное отправление, детализация в отчёте агента'],
	['Когда придёт выплата за май?', 'Выплаты проводятся по вторникам, платёж поступит на счёт через 2 дня'],
	['Хочу оспорить штраф за проверку', 'Штраф начислен по проверке, оспорить можно претензией с фото'],
	['За что начислен штраф?', 'Штраф начислен за отсутствие вывески с режимом работы на фото проверки'],
	['Нужно заменить вывеску по брендбуку, где макет?', 'Макет вывески в Базе знаний, раздел брендбук, печатать можно у подрядчика'],
	['Можно заменить панно на обои?', 'Согласовано, панно можно заменить на обои с тем же рисунком'],
	['Сканер не считывает штрихкоды', 'Переподключите сканер в режиме HID'],
	['Касса не закрывает смену', 'Перезагрузите кассу и закройте смену в приложении'],
	['Территориальный менеджер не отвечает две недели', 'Передали руководителю региона, территориальный менеджер свяжется с вами']
];

let seq = 0;
function conv(...messages: [string, string][]): RelevanceConversation {
	const id = `c${++seq}`;
	return {
		conversation_id: id,
		messages: messages.map(([role, text], i) => ({ message_id: `${id}-${i}`, role, text, sent_at: null }))
	};
}

function background(): RelevanceConversation[] {
	const out: RelevanceConversation[] = [];
	for (let k = 0; k < 3; k++) for (const [q, a] of TOPICS) out.push(conv(['customer', q], ['agent', a]));
	return out;
}

function score(c: RelevanceConversation) {
	const result = scoreRelevance([c, ...background()]);
	return result.get(c.messages[c.messages.length - 1].message_id)!;
}

const SEED_QUESTION =
	'Подаю жалобу на бездействие территориального менеджера. Из-за пропущенного срока проверки на пункт наложили штраф ' +
	'30 000 рублей. Я обратилась к территориальному менеджеру за помощью, но он скопировал текст операторов-ботов и перестал отвечать.';
const SEED_ANSWER =
	'Добрый вечер, коллеги. Действительно, бренд-менеджер должен был до конца разобраться в вопросе. К сожалению, в этой ' +
	'ситуации уже ничего не сделать. Пожалуйста, будьте внимательны на каждом этапе работы ПВЗ, я уверена, у вас всё получится. Хорошего вам вечера 🌸';

describe('scoreRelevance', () => {
	it('flags the seed: a complaint about the territorial manager answered about the brand manager', () => {
		const r = score(conv(['customer', SEED_QUESTION], ['agent', SEED_ANSWER]));
		expect(r.off_topic).toBe(true);
		expect(r.relevance).toBe(0.05);
		expect(r.reason).toContain('бренд-менеджер');
	});

	it('flags the seed even when both sides share a claim number', () => {
		const r = score(conv(['customer', SEED_QUESTION + ' Претензия 40020013.'], ['agent', 'По претензии 40020013: ' + SEED_ANSWER]));
		expect(r.off_topic).toBe(true);
		expect(r.reason).toContain('территориальный менеджер');
	});

	it('takes the role after a complaint word as the subject even when another role is named more often', () => {
		const question =
			'Бренд-менеджер долго отвечал, я ждала бренд-менеджера неделю, бренд-менеджер ответил поздно. ' +
			'Теперь подаю жалобу на территориального менеджера: он скопировал текст бота.';
		const r = score(conv(['customer', question], ['agent', SEED_ANSWER]));
		expect(r.off_topic).toBe(true);
	});

	it('does not flag an on-topic answer that shares the claim number', () => {
		const r = score(
			conv(['customer', 'Прошу отменить штраф по отправлению 35734374-0946-2, есть видео'], ['agent', 'По отправлению 35734374-0946-2 проверили записи, решение пришлём в чат'])
		);
		expect(r.off_topic).toBe(false);
		expect(r.matched).toContain('35734374-0946-2');
	});

	it('flags an answer taken from a neighbouring topic', () => {
		const r = score(conv(['customer', 'Не пришла выплата за апрель, статус в обработке'], ['agent', 'Согласовано, панно можно заменить на обои с тем же рисунком']));
		expect(r.off_topic).toBe(true);
	});

	it('does not flag an on-topic answer worded differently from the question', () => {
		const r = score(conv(['customer', 'Когда придёт выплата за май?'], ['agent', 'Выплата задержана из-за реквизитов, обновите реквизиты в кабинете']));
		expect(r.off_topic).toBe(false);
	});

	it('does not flag an on-topic paraphrase that shares no stem with the question (topic lexicon)', () => {
		const r = score(conv(['customer', 'За что с меня сняли тридцать тысяч?'], ['agent', 'Эта сумма — санкция за несданный вовремя фотоотчёт']));
		expect(r.off_topic).toBe(false);
		expect(r.parts?.cosine).toBe(0);
		expect(r.matched.some((m) => m.includes('→ санкция'))).toBe(true); // «сняли» or «тысяч»: both name the fine's topic
	});

	it('sees «аппарат для чеков» and «касса» as the same topic', () => {
		const r = score(conv(['customer', 'Аппарат для чеков не включается'], ['agent', 'Проверьте блок питания кассы']));
		expect(r.off_topic).toBe(false);
		expect(r.matched.some((m) => m.startsWith('касса'))).toBe(true);
	});

	it('flags an off-topic answer that repeats the question\'s number: the id does not override clashing topics', () => {
		const r = score(
			conv(
				['customer', 'Штраф по отправлению 40912775-0624-1 за утерю, товар лежит у нас на полке'],
				['agent', 'Отправление 40912775-0624-1 сейчас в пути']
			)
		);
		expect(r.off_topic).toBe(true);
		expect(r.reason).toContain('same number 40912775-0624-1, but');
		expect(r.reason).toContain('штрафы');
	});

	it('explains a clash of topics in the reason', () => {
		const r = score(conv(['customer', 'Касса не печатает чеки'], ['agent', 'Выплата за неделю поступит на расчётный счёт в пятницу']));
		expect(r.off_topic).toBe(true);
		// «печатает» is the printer's job, so the question names оборудование beside касса.
		expect(r.reason).toBe('the answer is about выплаты, the customer wrote about касса, оборудование');
	});

	it('leaves the topic lexicon out on a dataset it does not describe (few replies name its topics on both sides)', () => {
		const clash = conv(['customer', 'Касса не печатает чеки'], ['agent', 'Выплата за неделю поступит на расчётный счёт в пятницу']);
		const elsewhere: RelevanceConversation[] = [];
		for (let k = 0; k < 30; k++)
			elsewhere.push(conv(['customer', `Как сварить борщ номер ${k} без свёклы?`], ['agent', `Добавьте томатную пасту и морковь, борщ ${k} станет красным`]));
		const r = scoreRelevance([clash, ...elsewhere]).get(clash.messages[1].message_id)!;
		expect(r.parts?.topic).toBeNull();
		expect(r.reason ?? '').not.toContain('the answer is about');
		// the same pair among pickup-point chats is judged by its topics (the test above)
		expect(score(clash).parts?.topic).not.toBeNull();
	});

	it.each([
		['Что будут смотреть, когда придут ревизоры?', 'Обычно оценивают чистоту зала, выкладку на стеллажах и внешний вид сотрудников'],
		['Телефон не видит пистолет для штрихкодов', 'Отключите и снова включите Bluetooth, удалите устройство из списка сопряжённых'],
		['Выцвела наружная табличка', 'Закажите замену через форму «Материалы оформления»']
	])('does not flag a paraphrase with no shared word: «%s»', (question, answer) => {
		const r = score(conv(['customer', question], ['agent', answer]));
		expect(r.parts?.cosine).toBe(0);
		expect(r.off_topic).toBe(false);
	});

	it('does not let one coincidental word pair carry the score (association shrunk by its evidence)', () => {
		// Seen together once only: the learned link counts a third of its strength, the topics decide.
		const c = conv(['customer', 'Пылесос гудит'], ['agent', 'Выплата поступит в пятницу']);
		const once = conv(['customer', 'Пылесос гудит'], ['agent', 'Выплата поступит в пятницу']);
		const r = scoreRelevance([c, once]).get(c.messages[1].message_id)!;
		expect(r.parts?.evidence).toBeLessThan(0.5);
	});

	it('does not flag a plain acknowledgement', () => {
		const r = score(conv(['customer', 'Сканер не считывает штрихкоды'], ['agent', 'Благодарим за обращение! Хорошего дня 🌸']));
		expect(r.off_topic).toBe(false);
	});

	it('does not flag a short clarifying question', () => {
		const r = score(conv(['customer', 'Касса не закрывает смену'], ['agent', 'Подскажите модель кассы?']));
		expect(r.off_topic).toBe(false);
		expect(r.reason).toBe('short clarifying question');
	});

	it('returns null before any customer text', () => {
		const c = conv(['bot', 'Здравствуйте! Я бот-помощник, опишите вопрос'], ['customer', 'Касса не закрывает смену']);
		const r = scoreRelevance([c]).get(c.messages[0].message_id)!;
		expect(r.relevance).toBeNull();
		expect(r.off_topic).toBeNull();
	});

	it('keeps relevance within [0, 1]', () => {
		const all = scoreRelevance(background());
		const scores = [...all.values()].map((r) => r.relevance).filter((x): x is number => x !== null);
		expect(scores.length).toBeGreaterThan(0);
		expect(scores.every((x) => x >= 0 && x <= 1)).toBe(true);
	});

	it('leaves a reply unjudged when nothing links it to the question or sets it apart', () => {
		// no shared word, no topic on both sides, and a dataset with nothing about these words
		const c = conv(['customer', 'Где лучше поставить фикус?'], ['agent', 'Растениям нужен свет у окна']);
		const r = scoreRelevance([c]).get(c.messages[1].message_id)!;
		expect(r.off_topic).toBeNull();
		expect(r.reason).toMatch(/nothing to judge by/);
	});

	it('does not flag a longer reply that is mostly a question back', () => {
		const r = score(conv(['customer', 'Не пришла выплата'], ['agent', 'Подскажите, пожалуйста, за какой период и на какой счёт вы её ждали, и меняли ли реквизиты?']));
		expect(r.off_topic).toBe(false);
	});

	it('does not flag a short thank-you to a customer who reports what they did', () => {
		// alone in its dataset, with no background to lift its score
		const c = conv(['customer', 'Переклеила угол обоев, фото в отчёте'], ['agent', 'Спасибо, стена выглядит аккуратно, замечание снято.']);
		const r = scoreRelevance([c]).get(c.messages[1].message_id)!;
		expect(r.off_topic).toBe(false);
		expect(r.reason).toBe('acknowledgement of what the customer reported doing');
	});
});

