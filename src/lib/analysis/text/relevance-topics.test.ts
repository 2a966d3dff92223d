import { describe, expect, it } from 'vitest';
import { contentTokens, isRoleToken } from './relevance-tokens';
import { TOPIC_LABELS, topicAffinity, topicOfWord, WEAK_TOPICS } from './relevance-topics';

/** The topics of a message, read the way relevance.ts reads them: role tokens as such, other words as written. */
function topicsOf(text: string): Set<string> {
	const surfaces: string[] = [];
	const tokens = contentTokens(text, surfaces);
	const out = new Set<string>();
	tokens.forEach((t, i) => {
		const topic = topicOfWord(isRoleToken(t) ? t : surfaces[i]);
		if (topic) out.add(topic);
	});
	return out;
}

/** The best affinity of an answer's topics with a question's; a weak topic in the answer counts only when shared. */
function bestAffinity(q: Set<string>, a: Set<string>): number {
	let best = 0;
	for (const y of a) {
		for (const x of q) {
			const aff = topicAffinity(x, y);
			if (WEAK_TOPICS.has(y) && aff < 1) continue;
			best = Math.max(best, aff);
		}
	}
	return best;
}

const strong = (s: Set<string>) => [...s].some((t) => !WEAK_TOPICS.has(t));

/**
 * [question, an on-topic answer that shares no word with it, an off-topic answer from another corner of the
 * same business]. Written for these tests from how owners and agents talk, not taken from any dataset.
 */
const RU: [string, string, string][] = [
	['Что будут смотреть, когда придут ревизоры?', 'Обычно оценивают чистоту зала, выкладку на стеллажах и внешний вид сотрудников', 'Выплата поступит на расчётный счёт в пятницу'],
	['Телефон не видит пистолет для штрихкодов', 'Отключите и снова включите Bluetooth, удалите устройство из списка сопряжённых', 'Акт о расхождении подписан, претензия закрыта'],
	['Выцвела наружная табличка', 'Закажите замену через форму «Материалы оформления»', 'Замените картридж в принтере'],
	['Почему мне урезали вознаграждение за неделю?', 'Из выплаты удержали штраф за нарушение стандарта', 'Вывеску нужно согласовать с бренд-менеджером'],
	['Вознаграждение за май так и не пришло', 'Перечисление задержано: в реквизитах указан неверный БИК', 'Перезагрузите ККТ и откройте смену заново'],
	['ККТ не пробивает покупки', 'Откройте кассовую смену и перезапустите фискальный накопитель', 'Отзыв покупателя удалён модерацией'],
	['Интернет на пункте не работает с утра', 'Перезагрузите роутер; если не поможет, звоните провайдеру', 'Срок хранения заказов продлён до семи дней'],
	['Нас обокрали ночью, вынесли часть товара', 'Напишите заявление в полицию и пришлите акт о недостаче', 'Новый макет вывески пришлём до пятницы'],
	['Покупатель оставил отзыв, что мы хамим', 'Разберём жалобу; попросите сотрудников вежливо общаться', 'Перевозчик привезёт поставку завтра'],
	['Хотим переехать в соседнее здание', 'Новый адрес согласуйте заранее: пришлите договор аренды помещения', 'Штрихкод не считывается сканером'],
	['С потолка капает вода в зале', 'Вызовите арендодателя, это его зона ответственности по договору', 'Выплата за неделю будет во вторник'],
	['Тайный покупатель снизил нам оценку', 'Проверяющий отметил грязный пол и отсутствие бейджа', 'Заберём невыкупленные возвраты в четверг'],
	['Когда начислят вознаграждение за апрель?', 'Выплата за прошлый месяц уйдёт на расчётный счёт до пятнадцатого числа', 'Фотоотчёт пришлите до конца недели'],
	['Какой у вас тариф за выдачу одного заказа?', 'Ставка за каждое отправление указана в оферте', 'Сканер подключите заново по USB'],
	['С меня списали деньги непонятно за что', 'Это удержание по акту о недовложении', 'Обновите приложение до последней версии'],
	['Хочу обжаловать санкцию за грязь в зале', 'Подайте апелляцию с фото чистого помещения', 'Курьер заберёт возвраты в среду'],
	['Заказ пылится на полке третью неделю', 'Невостребованные отправления по истечении срока хранения уходят в возврат', 'Штраф за нарушение стандартов оспорить нельзя'],
	['Товар пришёл мятый и с трещиной', 'Оформите акт о повреждении, приложите снимки', 'Смените пароль от личного кабинета'],
	['Посылка исчезла со склада, не можем найти', 'Запустили розыск; если не найдём, компенсируем стоимость', 'Вывеску меняйте по брендбуку'],
	['Как поменять часы работы на праздники?', 'График на выходные согласуйте через форму', 'Возврат денег покупателю оформляет продавец'],
	['Сотрудница уволилась, кем её заменить?', 'Новому приёмщику нужно пройти обучение в академии', 'Поставка задерживается из-за погоды'],
	['Не могу зайти в личный кабинет', 'Сбросьте пароль и авторизуйтесь по коду из СМС', 'Табличка должна висеть на фасаде'],
	['Приложение постоянно виснет', 'Очистите кэш и переустановите программу', 'Претензию по недостаче рассмотрим за десять дней'],
	['Покупатель отказался от товара прямо на выдаче', 'Оформите невыкуп, отправление уедет обратно продавцу', 'Оклейку витрины согласуйте с бренд-менеджером'],
	['Можно ли выдать платье, чтобы покупательница его померила?', 'Да, для этого в зале должна быть примерочная', 'Выплата будет в среду'],
	['Клиент пытался украсть телефон с витрины', 'Зафиксируйте попытку кражи на видеокамеру и вызовите охрану', 'Ставка за выдачу повышена с июля'],
	['Когда приедет машина с товаром?', 'Рейс перевозчика прибудет после обеда', 'Смените пароль в профиле'],
	['Где взять новые наклейки для двери?', 'Материалы оформления заказываются через бренд-менеджера', 'Удержание пересчитают в следующем периоде'],
	['Можно ли расторгнуть соглашение досрочно?', 'Прекратить сотрудничество можно по оферте, предупредив за месяц', 'Сканер надо переподключить'],
	['Камеры над кассой не пишут', 'Проверьте видеонаблюдение у подрядчика', 'Тариф за выдачу повышен'],
	['Уронили коробку, внутри всё разбилось', 'Это порча товара при хранении', 'Выплаты приходят по вторникам'],
	['Не приходят смс для входа', 'Код подтверждения отправим повторно', 'Доставка придёт завтра утром'],
	['Сколько платят за одну выдачу?', 'Ставка — двадцать рублей за каждое отправление', 'Обновите прошивку сканера'],
	['Принтер не печатает этикетки', 'Замените термоленту и перезагрузите устройство', 'Договор аренды продлите у собственника'],
	['Покупатель кричит и грубит сотруднику', 'Жалобы на поведение клиентов разбираем, при угрозах вызывайте охрану', 'Фотоотчёт загружайте до десяти утра']
];

const EN: [string, string, string][] = [
	["The barcode gun won't connect to my phone", 'Turn Bluetooth off and on, then forget the device and pair it again', 'Your payout will arrive on Friday'],
	['When will I get paid for last month?', 'Payouts are transferred to your bank every Tuesday', 'Replace the signboard according to the brandbook'],
	['Why was I charged a penalty?', 'The fine is for a missing photo report', 'The courier will pick up returns tomorrow'],
	['Someone broke in last night and stole three parcels', 'File a police report and send us the CCTV footage', 'Your rating dropped because of late shipments'],
	['Customers leave bad reviews about our counter staff', 'Ratings are recalculated weekly and rude behaviour is looked into', 'The lease must be renewed with the landlord'],
	['The internet at my pickup point keeps dropping', 'Restart the router; if the connection does not come back, call your ISP', 'The lease must be renewed with the landlord'],
	['My landlord wants to raise the rent', 'Moving to new premises must be approved in advance', 'A scanner firmware update is available'],
	['The box arrived crushed', 'Open a damage claim with photos of the packaging', 'Change your password in the app'],
	["Where is my shipment? It's been a week", 'The truck is in transit and will reach you tomorrow', 'Your store signage must match the brandbook'],
	['What time do you close on holidays?', 'The weekend timetable is in the schedule section', 'The parcel was damaged in transit'],
	["I can't log into my dashboard", 'Reset your password and sign in with the one-time code', 'The penalty was cancelled'],
	['The customer refused the item at the counter', 'Process it as a return so it goes back to the seller', 'Your commission rate is 5 percent'],
	// General customer care: telecom, airlines, banks, subscriptions, food delivery, appliances, parcel lockers.
	['Why is my bill so high this month?', 'The extra charges come from roaming in Spain', 'Your suitcase can weigh up to 23 kg'],
	['I was charged twice for one purchase', 'The duplicate billing has been refunded', 'Your locker code is in the app'],
	['There is no signal on my phone since yesterday', 'An outage in your area is being fixed by our engineers', 'Your pizza will arrive in 20 minutes'],
	['Can I take my dog with me?', 'Small pets travel in the cabin in a carrier', 'Your card has been blocked for your security'],
	['My flight was cancelled, can you rebook me?', 'We moved you to the 7am departure tomorrow on the same fare', 'The restaurant forgot the fries in your meal'],
	['Can I change my seat after check-in?', 'The gate agent can move you to a window place', 'Your bill is due on the 5th'],
	['My suitcase did not come off the carousel', 'We traced your bag, it is on the next plane', 'Your promo code gives 10 percent off'],
	['My card did not work at the shop', 'Contactless payments are limited to 100 pounds per transaction', 'Your flight boards at gate 12'],
	['Someone used my card without permission', 'We blocked the fraudulent transactions and sent a replacement', 'Your luggage is on the next plane'],
	['I set up a direct debit but nothing was taken', 'The mandate becomes active from your next statement', 'Your seat is 14C'],
	['How do I cancel my subscription?', 'Turn off auto renewal under membership settings', 'Boarding starts at gate 5'],
	['My food arrived cold', 'Sorry the meal was lukewarm, we refunded the restaurant charge', 'Your new SIM has been activated'],
	['The fridge is still under warranty, can someone fix it?', 'A technician will visit to repair it on Tuesday', 'Your boarding pass is in the app']
];

describe('topic lexicon on paraphrases', () => {
	for (const [lang, cases] of [['ru', RU], ['en', EN]] as const) {
		describe(lang, () => {
			it.each(cases)('«%s»: a paraphrase shares a topic or a neighbour', (q, on) => {
				const qt = topicsOf(q);
				const at = topicsOf(on);
				// The pair must really be a paraphrase: no content word in common.
				const qw = new Set(contentTokens(q));
				expect(contentTokens(on).filter((w) => qw.has(w))).toEqual([]);
				expect(bestAffinity(qt, at), `${[...qt]} / ${[...at]}`).toBeGreaterThan(0);
			});

			it.each(cases)('«%s»: an answer from another topic shares none', (q, _on, off) => {
				const qt = topicsOf(q);
				const at = topicsOf(off);
				expect(strong(qt) && strong(at), `${[...qt]} / ${[...at]}`).toBe(true);
				expect(bestAffinity(qt, at), `${[...qt]} / ${[...at]}`).toBe(0);
			});
		});
	}
});

describe('topicOfWord', () => {
	it('maps paraphrases of one topic to the same topic, in Russian and English', () => {
		expect(topicOfWord('штрафа')).toBe('fine');
		expect(topicOfWord('оштрафовали')).toBe('fine');
		expect(topicOfWord('санкция')).toBe('fine');
		expect(topicOfWord('penalty')).toBe('fine');
		expect(topicOfWord('касса')).toBe('register');
		expect(topicOfWord('аппарат')).toBe('register');
		expect(topicOfWord('ккт')).toBe('register');
		expect(topicOfWord('receipt')).toBe('register');
		expect(topicOfWord('фотоотчет')).toBe('photo');
		expect(topicOfWord('выплата')).toBe('payout');
		expect(topicOfWord('перечислили')).toBe('payout');
		expect(topicOfWord('зп')).toBe('payout');
		expect(topicOfWord('ревизоры')).toBe('inspection');
		expect(topicOfWord('тсд')).toBe('equipment');
		expect(topicOfWord('пистолет')).toBe('equipment');
		expect(topicOfWord('табличка')).toBe('branding');
	});

	it('folds ё in the lexicon as in the text', () => {
		expect(topicOfWord('приемщик')).toBe('staff');
		expect(topicOfWord('съемка')).toBe('photo');
	});

	it('keeps qualified roles apart', () => {
		expect(topicOfWord('бренд-менеджер')).toBe('brand_manager');
		expect(topicOfWord('территориальный менеджер')).toBe('territorial_manager');
		expect(topicOfWord('territory manager')).toBe('territorial_manager');
		expect(topicOfWord('менеджер пвз')).toBe('staff');
	});

	it('leaves out look-alikes: the imperative «проверьте», a jar («банка», «переведены в возврат»', () => {
		expect(topicOfWord('проверка')).toBe('inspection');
		expect(topicOfWord('проверьте')).toBeNull();
		expect(topicOfWord('банке')).toBe('payout');
		expect(topicOfWord('банка')).toBeNull();
		expect(topicOfWord('переведены')).toBeNull();
		expect(topicOfWord('актуальная')).toBeNull();
		expect(topicOfWord('акт')).toBe('claim');
	});

	it('reads «пункт выдачи» as the point, but «выдача» and «выдали» as handing over', () => {
		expect(topicOfWord('выдачи')).toBeNull();
		expect(topicOfWord('выдача')).toBe('handover');
		expect(topicOfWord('выдали')).toBe('handover');
	});

	it('gives no topic to words that go with every topic', () => {
		for (const w of ['отправление', 'заказ', 'посылка', 'покупатель', 'клиент', 'пункт', 'пвз', 'товар', 'parcel', 'order', 'customer'])
			expect(topicOfWord(w), w).toBeNull();
	});

	it('gives no topic to ordinary words that start like a topic word', () => {
		const ordinary = [
			// Russian
			'сколько', 'доходит', 'зависит', 'доступно', 'доступен', 'наличие', 'наличии', 'приемлемо', 'профильный',
			'проверьте', 'проверили', 'вернемся', 'вернутся', 'переведено', 'машинально', 'вложение',
			'чекбокс', 'площадка', 'коробка', 'вручную', 'сушилка', 'отпишитесь', 'промотка', 'программа', 'телевизор', 'холодильник', 'адрес', 'оформление', 'украшение', 'крышка', 'потерпите', 'сегодня', 'человек',
			'ситуация', 'статус', 'заявка', 'время', 'проблема', 'работает', 'понедельник', 'почему', 'продавец',
			// English
			'please', 'still', 'until', 'review', 'sign', 'taken', 'took', 'ticket', 'issue', 'update', 'status',
			'problem', 'number', 'request', 'welcome', 'seller', 'store', 'item', 'until', 'till', 'billion', 'planet',
			'petrol', 'catalog', 'cardboard', 'cabinet', 'gateway', 'menu', 'install', 'standing', 'hours', 'declined',
			'carrier', 'hold', 'keep', 'swap', 'phone', 'data', 'online', 'email', 'address', 'delayed', 'late'
		];
		expect(ordinary.length).toBeGreaterThanOrEqual(40);
		expect(ordinary.filter((w) => topicOfWord(w) !== null).map((w) => `${w} → ${topicOfWord(w)}`)).toEqual([]);
	});

	it('keeps English words that go with every kind of request topic-free, as «заказ» is in Russian', () => {
		// An account, an order, a flight or a locker is what any request is about in its business, as «пункт» is for a point.
		const everyTopic = [
			'order', 'parcel', 'package', 'customer', 'account', 'service', 'thanks', 'today', 'please', 'item', 'box', 'time', 'change',
			'cancel', 'cancelled', 'flight', 'airline', 'plane', 'passenger', 'booking', 'locker', 'постамат', 'перелет', 'самолет'
		];
		expect(everyTopic.filter((w) => topicOfWord(w) !== null).map((w) => `${w} → ${topicOfWord(w)}`)).toEqual([]);
	});

	it('gives general customer care its own topics, in English and Russian', () => {
		const pairs: [string, string, string][] = [
			['bill', 'charges', 'billing'],
			['rebooking', 'itinerary', 'flight'],
			['boarding', 'seats', 'boarding'],
			['luggage', 'suitcase', 'baggage'],
			['dog', 'pets', 'pets'],
			['card', 'contactless', 'card'],
			['mortgage', 'overdraft', 'banking'],
			['subscription', 'membership', 'subscription'],
			['restaurant', 'meal', 'food'],
			['warranty', 'technician', 'warranty'],
			['coupon', 'voucher', 'promo'],
			['refund', 'exchange', 'returns'],
			['router', 'broadband', 'connectivity'],
			['пересадка', 'стыковка', 'flight'],
			['багаж', 'чемодан', 'baggage'],
			['собака', 'питомец', 'pets'],
			['банкомат', 'кредитка', 'card'],
			['подписка', 'автопродление', 'subscription'],
			['промокод', 'скидка', 'promo']
		];
		for (const [q, a, topic] of pairs) {
			expect(topicOfWord(q), q).toBe(topic);
			expect(topicOfWord(a), a).toBe(topic);
		}
	});

	it('reads colloquial Russian of owners and agents', () => {
		const words: [string, string][] = [
			['стащили', 'security'],
			['сперли', 'security'],
			['пищалка', 'equipment'],
			['съезжаем', 'premises'],
			['вранье', 'customers'],
			['звезд', 'customers'],
			['новенькая', 'staff'],
			['проге', 'account'],
			['держать', 'storage'],
			['пылится', 'storage'],
			['незабранные', 'storage'],
			['инет', 'connectivity'],
			['уронили', 'damage'],
			['урезали', 'deduction'],
			['увезут', 'delivery'],
			['закрываемся', 'schedule'],
			['заработала', 'payout']
		];
		expect(words.filter(([w, t]) => topicOfWord(w) !== t).map(([w]) => `${w} → ${topicOfWord(w)}`)).toEqual([]);
	});

	it('labels every topic for the UI', () => {
		for (const w of ['штраф', 'касса', 'выплата', 'возврат', 'кабинет', 'роутер', 'кража', 'отзыв', 'аренда', 'примерочная', 'bill', 'rebook', 'boarding', 'baggage', 'dog', 'card', 'mortgage', 'subscription', 'restaurant', 'warranty', 'coupon'])
			expect(TOPIC_LABELS[topicOfWord(w)!], w).toBeTruthy();
	});
});

describe('topicAffinity', () => {
	// The two neighbour weights are tuned in relevance-topics.ts with the scoring; the tests hold only their order.
	const close = topicAffinity('deduction', 'fine');
	const related = topicAffinity('photo', 'inspection');

	it('is 1 for the same topic, partial for neighbours (close above related), 0 otherwise, and symmetric', () => {
		expect(topicAffinity('fine', 'fine')).toBe(1);
		expect(close).toBeGreaterThan(related);
		expect(close).toBeLessThan(1);
		expect(related).toBeGreaterThan(0);
		expect(topicAffinity('inspection', 'photo')).toBe(related);
		expect(topicAffinity('fine', 'deduction')).toBe(close);
		expect(topicAffinity('payout', 'branding')).toBe(0);
		expect(topicAffinity('brand_manager', 'territorial_manager')).toBe(0);
	});

	it('gives the new topics neighbours of their own', () => {
		expect(topicAffinity('connectivity', 'equipment')).toBe(related);
		expect(topicAffinity('security', 'loss')).toBe(related);
		expect(topicAffinity('customers', 'staff')).toBe(related);
		expect(topicAffinity('premises', 'contract')).toBe(related);
		expect(topicAffinity('handover', 'returns')).toBe(related);
		expect(topicAffinity('security', 'payout')).toBe(0);
	});

	it('sets general customer-care topics next to their usual neighbours only', () => {
		// A consumer's "charged" is a bill line; a higher bill is usually the plan.
		expect(topicAffinity('billing', 'deduction')).toBe(close);
		expect(topicAffinity('billing', 'tariff')).toBe(close);
		expect(topicAffinity('flight', 'baggage')).toBe(related);
		expect(topicAffinity('pets', 'flight')).toBe(related);
		expect(topicAffinity('card', 'banking')).toBe(related);
		expect(topicAffinity('boarding', 'flight')).toBe(related);
		// A card question answered about a bank's direct debits is only related; about flights or food, unrelated.
		expect(topicAffinity('card', 'flight')).toBe(0);
		expect(topicAffinity('food', 'connectivity')).toBe(0);
		expect(topicAffinity('subscription', 'baggage')).toBe(0);
	});
});
