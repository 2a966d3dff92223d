/**
 * A hand-written topic lexicon for the off-topic score (issue 4, section 4).
 *
 * The dataset-learned association (PMI) needs repeated question/answer pairs; on a set where every question is
 * new it says nothing, and stems alone miss paraphrases («аппарат для чеков» → «касса», «сняли деньги» →
 * «санкция»). This lexicon maps word beginnings (lower case, `ё` folded to `е`) of the pickup-point domain, in
 * Russian and English, to topics. An answer on the question's topic is on-topic even with no shared word; an
 * answer whose topics are disjoint from the question's is evidence of an off-topic reply; the UI explains both
 * with the topic names and the words that carried them.
 *
 * Words that go with every topic («отправление», «заказ», «parcel», «order») are deliberately not topics: they
 * tell nothing about what the customer asks. The same holds for the object of every request in other businesses
 * («account», «booking», «flight», «locker», «постамат»), while the English lines also cover general customer care
 * (telecom bills, airlines, banks, subscriptions, food delivery, appliances), where the app's English users and
 * real English support data come from. Names of goods («fridge», «телевизор») are no topic either. Ambiguous
 * beginnings are listed as exclusions (the imperative «проверьте» is not an inspection, «переведены в возврат» is
 * not a money transfer).
 *
 * The vocabulary is written from how owners and agents talk (colloquial words too: «ревизор», «пистолет», «ТСД»,
 * «табличка», «зп»), never from the evaluation sets; relevance-topics.test.ts holds paraphrase pairs and
 * ordinary words that must stay topic-free. Words are looked up once and cached, so the lexicon's size does not
 * cost per message.
 */

/** Topic ids with the label shown in the UI. */
export const TOPIC_LABELS: Readonly<Record<string, string>> = {
	fine: 'штрафы',
	deduction: 'удержания',
	money: 'суммы',
	payout: 'выплаты',
	tariff: 'тарифы',
	register: 'касса',
	equipment: 'оборудование',
	account: 'кабинет и вход',
	photo: 'фотоотчёт',
	inspection: 'проверка пункта',
	branding: 'оформление и бренд',
	brand_manager: 'бренд-менеджер',
	territorial_manager: 'территориальный менеджер',
	delivery: 'логистика',
	returns: 'возвраты',
	storage: 'хранение',
	damage: 'брак и повреждения',
	claim: 'претензии',
	loss: 'утеря',
	schedule: 'график работы',
	contract: 'договор',
	staff: 'сотрудники',
	connectivity: 'интернет и связь',
	security: 'кражи и видеонаблюдение',
	customers: 'отзывы и конфликты',
	premises: 'помещение',
	handover: 'выдача покупателю',
	// General customer care (English support data: e-commerce, telecom, airlines, banks, subscriptions, food, appliances).
	billing: 'счета и тарифы связи',
	flight: 'перелёты: бронь и изменения',
	boarding: 'регистрация и посадка',
	baggage: 'багаж',
	pets: 'перевозка животных',
	card: 'банковские карты',
	banking: 'банковские счета и платежи',
	subscription: 'подписки',
	food: 'доставка еды',
	warranty: 'гарантия, ремонт и установка',
	promo: 'скидки и промокоды'
};

/**
 * Word beginnings per topic: a Russian line, then an English one. A word belongs to a topic when it starts with
 * one of them; the longest listed beginning wins, so «проверьте» can be excluded while «проверка» counts. An
 * entry ending in `=` matches that exact word only (used where the beginning would also start ordinary words:
 * «скол» / «сколько», «доход» / «доходит», «logo» / «logout»). Hyphenated words reach the lexicon as their
 * parts («wi-fi» → «wi», «fi»), so no entry has a hyphen. «покупатель», «клиент», «customer», «пункт»,
 * «заказ», «order», «parcel» go with every topic and are left out on purpose.
 */
const LEXICON: Readonly<Record<string, readonly string[]>> = {
	fine: [
		'штраф оштраф санкци пени= пеня= пеню= неустойк взыскан взыскив нарушен нарушил нарушит оспор оспарив обжал опротест апелляц наказ штрафанул штрафуют',
		'penalt fine= fined= fines= sanction violation infraction breach appeal dispute contest penalis penaliz'
	],
	deduction: [
		'удерж списал списан списыв сняли сняла снял снимают= снимаете= вычл вычет вычит вычтен вычест недоплат недополуч минус= минуса= минусом= урезал урезан срезал недосчит',
		'deduct withh charged debited docked underpaid underpayment shortpaid clawback clawed'
	],
	money: [
		'сумм деньг денег денеж рубл руб= тысяч тыс= копе средств начисл оплат оплач цена= цены= цене= цену= ценой= стоимост баланс бабки= бабок= косар кэшбэк деньжат',
		'amount money dollar cash= funds= sum= sums= balance bucks= cents= cashback price= prices= cost= costs= euro= euros= pounds= quid= usd= eur= gbp= credited'
	],
	payout: [
		'выплат выплач плати платя заплат перевод перечисл зачисл вознагражд платеж реквизит банк= банку= банке= банком= банков бик= расчетн финанс зп= зарплат доход= дохода= доходы= доходов= заработок заработк детализац сверк зарабатыва заработал получк',
		'payout pay paid payment payroll salary salaries wage= wages= transfer bank= banks= iban= earning income remunerat routing invoice deposit wire= payslip payday'
	],
	tariff: [
		'тариф ставк коэффициент комисси расценк прайс процент',
		'rate= rates= tariff commission fee= fees= pricing surcharge plan= plans= bundle pricelist'
	],
	register: [
		'касс инкасс ккт ккм фискал фн= чек терминал эквайр эквайер пинпад офд смена= смену= смены= смене= сменой= аппарат наличн безнал атол эвотор',
		'register= registers= receipt fiscal terminal cashier pos= acquiring shift= shifts='
	],
	equipment: [
		'сканер сканир пистолет тсд= считыва штрихкод штрих= принтер печата напечата распечат этикет термолент термобумаг картридж компьютер ноутбук планшет смартфон монитор= монитора= мышк клавиатур кабел провод= провода= порт= порта= порту= порте= блютус блютуз сопряж подключ переподключ драйвер прошивк устройств девайс оборудован техник питани заряд заряжа заряжен аккумулятор батаре перезагруз перезапус пищалк пикает= пикнул считывател ноут= комп= компа= компе= компом= пикалк сканит термопринт мфу=',
		'scanner scan= scans= scanned scanning handheld printer printing printout label barcode toner computer laptop tablet keyboard cable usb= bluetooth pairing= paired= plug= plugged unplug device hardware equipment firmware charger battery= batteries= power restart reboot handset touchscreen'
	],
	account: [
		'кабинет лк= аккаунт учетн учетк профил парол логин залогин разлогин войти войд вход= входа= входе= авториз доступ= доступа= доступу= доступом= доступе= смс sms код= кода= коду= приложени вылетает= вылетело= вылетел= глюч глюк висн завис= зависла= зависло= зависли= зависает= баг= баги= бага= кэш кеш= двухфактор прога= проги= прогу= проге= прогой=',
		'profile password passcode login logon logout logged= signin username pin= lockout otp= code= codes= verif registr registered= app= apps= dashboard crash glitch bug= bugs= cache= log= logging= credentials authenticat passkey access= permission privacy'
	],
	photo: [
		'фото фотк фоток сфотк фотограф сфотограф снимк снимок съемк селфи ракурс',
		'photo picture image pic= pics= selfie snapshot'
	],
	inspection: [
		'проверк проверяющ проверил проверен ревизор ревизи инспекц инспектор контролер тайн аудит балл оценк оценив оценят замечани стандарт чистот выкладк чеклист проверяльщик',
		'inspect audit score mystery checklist compliance standards= cleanliness assessment assessor'
	],
	branding: [
		'вывеск табличк баннер штендер плакат постер логотип лого= брендбук бренд ребрендинг макет панно обои обоев оформлен наклейк оклейк стойк стенд фасад наружн дизайн фирменн покраск покрас выцве материалы= материалов= материалами= листовк буклет брошюр',
		'signboard signage signs= storefront shopfront facade banner poster logo= logos= brandbook brand= branded branding rebrand wallpaper layout decal sticker leaflet brochure'
	],
	brand_manager: ['бм='], // the roles themselves come as role tokens (ROLE_TOPICS below)
	territorial_manager: ['куратор'],
	delivery: [
		'доставк доставлен поставк отгруз разгруз погруз машин газел фура= фуры= фуру= грузовик водител рейс курьер перевозчик перевоз экспедитор логист накладн приемк сортировоч сортировк склад хаб= хаба= хабе= рц= сц= распределител короб паллет палет трек отслежива транзит маршрут пути путь= привез привоз завоз довез подвоз развоз приеха приедет приезд прибуд заберут забор забрать вывез вывоз прием привезли= доставят= довезут фургон грузчик увез отвез',
		'deliver shipment ship= shipped shipping dispatch courier postal postman driver truck lorry van= pallet freight logist warehouse depot hub= sorting waybill consignment transit tracking track= tracked route arriv inbound outbound eta= rider= riders='
	],
	returns: [
		'возврат возвращ невыкуп выкуп вернуть вернут вернет вернул верни обмен= обмена= обмену= обменять= обменяли= отказ просроч',
		'return refund refus exchange= exchanged= exchanges= exchanging= moneyback rma='
	],
	storage: [
		'хранени хранит полк стеллаж ячейк ячеек кладовк инвентаризац невостреб залежа держать= подержать= подержите= продержать= пылит храня храним= храню= незабран невыдан',
		'storage stored shelf shelves shelving rack= racks= inventory unclaimed uncollected'
	],
	damage: [
		'брак подмен несоответств пересорт поврежд повред разбит разбил сломан треснул трещин порван испорч порч намок помят мятая= мятый= мятое= мятые= мятую= вмятин царапин поцарап скол= скола= сколы= сколом= битый= битая= битое= битые= раздавл деформ дефект вскры подделк контрафакт поломан сломал раскол промок мокр гнил протух вздут урони продавл погнут',
		'damage broken smashed shattered crushed defect faulty crack torn dent= dents= dented scratch counterfeit fake= tampered soaked wet= spill spilt ruined stained= substitut mouldy moldy'
	],
	claim: [
		'претензи рекламац компенсац компенсир возмещ возмест ущерб недовложен некомплект расхожден акт= акта= акте= актом= акты= жалоб жалу спор= спора= спору= споры= спорн разбирательств',
		'claim compensat reimburs insur discrepanc complain grievance goodwill'
	],
	loss: [
		'утер утрат потерял потеря потерян потерь= пропал пропаж исчез затеря недостач нехватк розыск разыск материальн посеял',
		'lost loss lose= losing missing misplaced disappear vanish trace= misdeliver'
	],
	schedule: [
		'график расписани режим часы= праздн выходн перерыв обед= обеда= обеденн отпуск= отпуска= отпуске= новогодн каникул закрыться= закроемся= закрываемся= открываемся= открыться= откроемся=',
		'schedule timetable holiday weekend opening closing lunch='
	],
	contract: [
		'договор оферт соглашени расторж документ подпис подписа юрид юрист франшиз агентск лицензи эдо= инн= огрн ип= ооо= закрывающ бухгалтер упд= фактур',
		'contract agreement terminat clause signature legal lawyer franchise partnership paperwork'
	],
	staff: [
		'сотрудник сотрудниц работник персонал приемщ администратор стажер стажир обучени увол найм= наем= ваканс кадров дресс= униформ форменн бейдж подменн новеньк новичок новичк напарниц напарник сменщиц сменщик заболел больничн',
		'employee staff worker personnel hire= hired hiring trainee uniform badge= workforce newbie coworker'
	],
	connectivity: [
		'интернет вайфа роутер маршрутизатор модем провайдер ростелеком билайн мегафон мтс= сеть= сети= сетью= сигнал= сигнала= lte= офлайн оффлайн симк роуминг инет= инета= инетом= инете= инету=',
		'internet wifi wi= fi= router modem broadband isp= network connectivity connection= connections= signal disconnect reconnect offline outage roaming sim= simcard hotspot ethernet bandwidth latency fibre fiber voicemail porting= ported= pac= esim coverage mbps= landline buffering'
	],
	security: [
		'краж украл украд украст обокра своров ворова вор= воры= вора= воров= воришк грабеж ограб разбой налет= взлом мошенн хулиган угрож угроз полици полицейск охран безопасн сигнализац тревожн сейф камер видеокамер видеонаблюд видеозапис видеофиксац стащи спер= сперли= стыри утащ умыкн воруют= ворует= воровк',
		'theft thief thieves steal stole= stolen robbery robbed robber burglar shoplift police cctv camera footage security= alarm= alarms= guard= guards= fraud scam hacked hacker phishing unauthoris unauthoriz suspicious impersonat'
	],
	customers: [
		'отзыв рейтинг звезд хамств хам= хами хамят хамк грубост грубил грубит грубо= руга руган крич конфликт скандал недовол вежлив вран клевет оклевет наговор негатив орет= орут= орал= орала=',
		'reviews= reviewer rating rude impolite unfriendly behavio conflict survey badmouth'
	],
	premises: [
		'помещени здани аренд собственник ремонт переезд переех переезжа зал= зала= зале= залу= стена= стены= стене= стену= потол крыша= крыши= крыше= крышу= пол= двер крыльц пандус протечк затоп свет= электричеств электроэнерг электрик отоплен кондиционер вентиляц санузел туалет уборк уборщ площад метраж квадрат коммунал сантехн канализац съезжа съехат съедем съехал этаж тц= трц= протека капает=',
		'premises rent lease landlord relocat renovat building floor= ceiling leak= leaking flood electricity heating= toilet restroom bathroom utilities rental= landlady'
	],
	handover: [
		'выдач выдал выдать выдаем выдают выдаю выдам выдан выдава примерк примерочн примерил примеря примерит qr= вруч',
		'handover handed collect fitting'
	],
	billing: [
		'абонплат абонентск',
		'bill= bills= billed billing overcharg charge= charges= prorat arrears topup instalment installment'
	],
	// «flight», «airline», «plane», «passenger» go with every airline request, as «заказ» with every order: no topic.
	flight: [
		'пересадк стыковк перебронир',
		'rebook itinerary layover stopover departure pnr= fare= fares= reroute'
	],
	boarding: [
		'посадочн',
		'boarding gate= gates= seat= seats= seating checkin cabin= wheelchair passport lounge'
	],
	baggage: [
		'багаж чемодан кладь= клади=',
		'baggage luggage suitcase bag= bags= carousel oversize overweight stroller pram= holdall overhead='
	],
	pets: [
		'животн собак собач кошк кошек кот= кота= котом= питомц питомец щенк щенок',
		'pet= pets= dog= dogs= doggy puppy puppies cat= cats= kitten animal kennel'
	],
	card: [
		'кредитк дебетов бесконтакт банкомат чарджбэк',
		'card= cards= debitcard creditcard contactless cvv= cvc= atm= atms= chargeback mastercard amex= transaction'
	],
	banking: [
		'выписк ипотек кредитн вклад= вклада= вкладу= автоплат',
		'debit= debits= mandate statement overdraft mortgage loan= loans= savings= isa= payee cheque'
	],
	subscription: [
		'подписк автопродлен',
		'subscri unsubscri membership renewal= renew= renews= renewed autorenew trial='
	],
	food: [
		'ресторан блюд пицц суши= бургер еда= еды= едой= кафе= остыл остыв',
		'food= foods= meal= meals= restaurant takeaway takeout dish= dishes= pizza burger fries= sushi drink= drinks= cold= soggy lukewarm allerg grocer sauce'
	],
	warranty: [
		'гарантийн гарантия= гарантии= гарантию=',
		'warranty guarantee repair technician engineer installation= installer'
	],
	promo: [
		'промокод промоакц скидк купон акция= акции= акцию=',
		'coupon voucher promo discount giftcard gift= gifts= loyalty'
	]
};

/**
 * Beginnings that look like a topic word but are not one, by the entry they would otherwise fall under.
 */
const EXCLUDE = [
	'проверьте проверить проверим проверили проверяем', // «проверка»: the agent's own checking, not an inspection of the point
	'банка= банки=', // «банк»: a jar, or «банки» the plural that is more often the jar
	'переведен переведены перевожу переведу переводим передам', // «перевод»: handed to another agent or status, not paid
	'машинально', // «машин»
	'вернемся вернусь вернутся=', // «вернут»: «мы вернёмся / вернутся к вам с ответом»
	'оформлени оформл', // «оформлен»: «оформление заказа / претензии» is processing, not the point's design
	'выдачи=', // «выдач»: nearly always «пункт(а) выдачи», the point itself
	'выдало=', // «выдал»: «приложение выдало ошибку»
	'профильн', // «профил»: «профильный специалист»
	'коробк', // «короб» (delivery boxes): one box is the parcel itself
	'приемлем', // «прием»: «приемлемый» is acceptable
	'площадк', // «площад»: «на площадке» is the marketplace platform
	'вложени', // was damage («вложение» = contents); chat exports mark attachments «[Вложение: IMG_1.jpg]»
	'чекбокс', // «чек»: a tick box in the app
	'вручную', // «вруч» (handing over): «введите код вручную» is by hand
	'sign=' // «sign in» far outnumbers a shop sign; the board itself is «signboard», «signage»
];

/**
 * Topic pairs that are neighbours: an answer on one partly supports a question on the other (RELATED), or more
 * (CLOSE) where one is the usual reason for the other (money taken is usually a fine or a compensation). The two
 * weights are tuned with the scoring in relevance.ts.
 */
const CLOSE: [string, string][] = [
	['fine', 'deduction'],
	['claim', 'deduction'],
	// A consumer's "charged" is a line on the bill; a bill that went up is mostly the plan or bundle.
	['billing', 'deduction'],
	['billing', 'tariff']
];
const RELATED: [string, string][] = [
	['fine', 'money'],
	['fine', 'claim'],
	['fine', 'inspection'],
	['deduction', 'money'],
	['deduction', 'payout'],
	['money', 'payout'],
	['money', 'tariff'],
	['payout', 'tariff'],
	['register', 'equipment'],
	['equipment', 'account'],
	['photo', 'inspection'],
	['inspection', 'branding'],
	['branding', 'brand_manager'],
	['returns', 'storage'],
	['returns', 'damage'],
	['damage', 'claim'],
	['loss', 'claim'],
	['returns', 'delivery'],
	['schedule', 'contract'],
	['staff', 'schedule'],
	// No internet: the app, the register's fiscal data and the scanner's pairing are the usual victims.
	['connectivity', 'equipment'],
	['connectivity', 'account'],
	['connectivity', 'register'],
	// A theft ends as a shortage and a claim; camera footage settles substitutions; guards and alarms are the premises'.
	['security', 'loss'],
	['security', 'claim'],
	['security', 'damage'],
	['security', 'premises'],
	// A rude-staff review is about the staff; ratings feed the inspection score; a customer's complaint may become a claim.
	['customers', 'staff'],
	['customers', 'inspection'],
	['customers', 'claim'],
	['customers', 'handover'],
	// The lease is in a contract; a facade carries the sign; a move or repair closes the point; inspectors judge the hall.
	['premises', 'branding'],
	['premises', 'contract'],
	['premises', 'schedule'],
	['premises', 'inspection'],
	// A refusal at the counter becomes a return; goods wait on the shelf until handed over; the customer opens them there.
	['handover', 'returns'],
	['handover', 'storage'],
	['handover', 'damage'],
	// General customer care. A bill is paid by card or direct debit and goes up with roaming or an add-on subscription;
	// a wrong charge ends as a refund.
	['billing', 'payout'],
	['billing', 'card'],
	['billing', 'banking'],
	['billing', 'connectivity'],
	['billing', 'subscription'],
	['billing', 'returns'],
	['billing', 'promo'],
	['subscription', 'account'],
	['subscription', 'contract'],
	['subscription', 'tariff'],
	// Cards and accounts at one bank; a card used by someone else is fraud; a bank transfer is a payout.
	['card', 'banking'],
	['card', 'security'],
	['banking', 'payout'],
	['banking', 'security'],
	// A trip: the booking, the seat and the gate, the bags and the pet in the cabin; a cancelled flight is refunded.
	['flight', 'boarding'],
	['boarding', 'baggage'],
	['boarding', 'pets'],
	['flight', 'baggage'],
	['flight', 'pets'],
	['baggage', 'pets'],
	['flight', 'returns'],
	['baggage', 'loss'],
	['baggage', 'damage'],
	// A meal comes by courier, arrives spilled or cold, and is refunded.
	['food', 'delivery'],
	['food', 'damage'],
	['food', 'returns'],
	// An appliance breaks or arrives broken, is repaired under warranty or returned; an engineer fixes the line too.
	['warranty', 'damage'],
	['warranty', 'returns'],
	['warranty', 'equipment'],
	['warranty', 'connectivity'],
	// A promo code is a discount at checkout; the leaflets that carry it are printed material.
	['promo', 'branding']
];

/** Topics that only ever support (a sum of money is on every money topic), never contradict on their own. */
export const WEAK_TOPICS: ReadonlySet<string> = new Set(['money']);

/** Role tokens (relevance-tokens.ts) and the topic each stands for. */
const ROLE_TOPICS: Readonly<Record<string, string>> = {
	'бренд-менеджер': 'brand_manager',
	'brand manager': 'brand_manager',
	'территориальный менеджер': 'territorial_manager',
	'territory manager': 'territorial_manager',
	'менеджер пвз': 'staff' // Ozon's name for a point's employee
};

const MAX_PREFIX = 14;
/** Beginnings (any word starting so) and exact words (listed with a trailing `=`), each to its topic or null. */
const prefixes = new Map<string, string | null>();
const exact = new Map<string, string | null>();
/** Adds one entry; a beginning listed twice or too long to be looked up is a mistake in the lists above. */
function add(entry: string, topic: string | null) {
	if (topic !== null && !(topic in TOPIC_LABELS)) throw new Error(`relevance-topics: unknown topic ${topic}`);
	const w = entry.replaceAll('ё', 'е');
	const isExact = w.endsWith('=');
	const key = isExact ? w.slice(0, -1) : w;
	const map = isExact ? exact : prefixes;
	if (map.has(key)) throw new Error(`relevance-topics: «${entry}» is listed twice`);
	if (!isExact && key.length > MAX_PREFIX) throw new Error(`relevance-topics: «${entry}» is longer than ${MAX_PREFIX} letters`);
	map.set(key, topic);
}
for (const [topic, lines] of Object.entries(LEXICON)) for (const line of lines) for (const w of line.split(' ')) add(w, topic);
for (const line of EXCLUDE) for (const w of line.split(' ')) add(w, null);

const relatedness = new Map<string, number>();
for (const [pairs, x] of [[RELATED, 0.1], [CLOSE, 0.4]] as const) {
	for (const [a, b] of pairs) {
		if (!(a in TOPIC_LABELS && b in TOPIC_LABELS)) throw new Error(`relevance-topics: unknown topic in ${a}, ${b}`);
		relatedness.set(a + '|' + b, x);
		relatedness.set(b + '|' + a, x);
	}
}

/** How much an answer on topic `a` addresses a question on topic `q`: 1 same, the CLOSE or RELATED weight for neighbours, 0 otherwise. */
export function topicAffinity(q: string, a: string): number {
	if (q === a) return 1;
	return relatedness.get(q + '|' + a) ?? 0;
}

const cache = new Map<string, string | null>();

/** The topic of one lower-case word or role token, or null. The longest listed beginning decides. */
export function topicOfWord(word: string): string | null {
	const role = ROLE_TOPICS[word];
	if (role) return role;
	const hit = cache.get(word);
	if (hit !== undefined) return hit;
	let topic: string | null = exact.get(word) ?? null;
	for (let n = exact.has(word) ? 0 : Math.min(word.length, MAX_PREFIX); n >= 2; n--) {
		const t = prefixes.get(n === word.length ? word : word.slice(0, n));
		if (t !== undefined) {
			topic = t;
			break;
		}
	}
	if (cache.size < 200_000) cache.set(word, topic);
	return topic;
}
