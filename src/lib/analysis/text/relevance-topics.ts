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
 * tell nothing about what the customer asks. Ambiguous beginnings are listed as exclusions (the imperative
 * «проверьте» is not an inspection, «переведены в возврат» is not a money transfer).
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
	staff: 'сотрудники'
};

/**
 * Word beginnings per topic. A word belongs to a topic when it starts with one of them (the longest listed
 * beginning wins, so «проверьте» can be excluded while «проверка» counts). An entry starting with `!` excludes.
 */
const LEXICON: Readonly<Record<string, string>> = {
	fine:
		'штраф санкци пени= пеня= взыскан нарушен оспор обжал penalt fine= fined= fines= sanction violation appeal dispute contest',
	deduction: 'удержан удержал удерж списал списан списыв сняли сняла снял вычл вычет недоплат deduct withh took taken charged',
	money: 'сумм деньг денег денеж рубл тысяч средств начисл оплат amount money dollar',
	payout:
		'выплат плати платя заплат перевод перечисл зачисл вознагражд платеж платёж реквизит банк= банку= банке= банком= банков бик= расчетн payout pay paid payment transfer bank= banks= earning remunerat routing',
	tariff: 'тариф ставк коэффициент rate= rates= tariff commission',
	register:
		'касс ккт фискал фн= чек чеков чековая терминал эквайр офд смена= смену= смены= смене= сменой= аппарат till register receipt fiscal terminal shift= shifts=',
	equipment: 'сканер принтер питани перезагруз restart reboot power этикет компьютер ноутбук штрихкод штрих-код scanner printer label barcode computer laptop',
	account:
		'кабинет смс sms код= кода= коду= code= codes= парол логин войти войд вход= входа= входе= авторизац приложени учетн учётн app= apps= dashboard password login log-in sign-in',
	photo: 'фото фотоотчет фотограф снимк снимок съемк съёмк сфотограф photo picture image',
	inspection:
		'проверк проверяющ проверил проверен аудит балл оценк замечани стандарт инспекц inspect audit score',
	branding:
		'вывеск брендбук бренд макет панно обои обоев оформлен ребрендинг наклейк оклейк стойк фасад дизайн sign signage brandbook wallpaper layout branding decal sticker',
	delivery:
		'доставк доставлен поставк машин водител рейс курьер перевозчик логист накладн приемк приёмк сортировоч склад трекинг привез приеха маршрут пути транзит приедет приезд прибуд arriv заберут забор забрать вывез вывоз прием приём truck driver deliver logist shipment courier warehouse transit sorting waybill route',
	returns: 'возврат невыкуп выкуп вернуть вернут вернет вернёт отказ просроч return refund refus',
	storage: 'хранени хранит полк storage stored shelf shelves',
	damage:
		'брак подмен несоответств вложени поврежд разбит сломан треснул порван испорч намок порч дефект damage broken smashed defect crack torn',
	claim: 'претензи компенсац недовложен расхожден акт= акта= акте= актом= акты= жалоб claim compensat discrepanc complain',
	loss: 'утер утрат потерял потеря пропал недостач lost loss',
	schedule: 'график режим часы= праздни выходн schedule hours holiday opening closing',
	contract: 'договор оферт расторж документ contract agreement terminat',
	staff: 'сотрудник приемщ приёмщ персонал дресс-код форма= форме= форму= форменн employee staff uniform'
};

/** Beginnings that look like a topic word but are not one (imperatives, idioms). */
const EXCLUDE =
	'проверьте проверить проверим проверили проверяем банка= банки= переведен переведены перевожу переведу переводим передам часть частичн формат оформите оформить оформлени оформл машинально вернемся вернёмся вернусь счастлив banking signal signed sign-up fine-tun fineness rated';

/**
 * Topic pairs that are neighbours: an answer on one partly supports a question on the other (0.5), or mostly
 * (0.8) where one is the usual reason for the other (money taken is usually a fine or a compensation).
 */
const CLOSE: [string, string][] = [
	['fine', 'deduction'],
	['claim', 'deduction']
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
	['staff', 'schedule']
];

/** Topics that only ever support (a sum of money is on every money topic), never contradict on their own. */
export const WEAK_TOPICS: ReadonlySet<string> = new Set(['money']);

/** Role tokens (relevance-tokens.ts) and the topic each stands for. */
const ROLE_TOPICS: Readonly<Record<string, string>> = {
	'бренд-менеджер': 'brand_manager',
	'brand manager': 'brand_manager',
	'территориальный менеджер': 'territorial_manager',
	'territory manager': 'territorial_manager'
};

const MAX_PREFIX = 14;
/** Beginnings (any word starting so) and exact words (listed with a trailing `=`), each to its topic or null. */
const prefixes = new Map<string, string | null>();
const exact = new Map<string, string | null>();
function add(w: string, topic: string | null) {
	if (w.endsWith('=')) exact.set(w.slice(0, -1), topic);
	else prefixes.set(w, topic);
}
for (const [topic, words] of Object.entries(LEXICON)) for (const w of words.split(' ')) add(w, topic);
for (const w of EXCLUDE.split(' ')) add(w, null);

const relatedness = new Map<string, number>();
for (const [pairs, x] of [[RELATED, 0.5], [CLOSE, 0.8]] as const) {
	for (const [a, b] of pairs) {
		relatedness.set(a + '|' + b, x);
		relatedness.set(b + '|' + a, x);
	}
}

/** How much an answer on topic `a` addresses a question on topic `q`: 1 same, 0.8 or 0.5 neighbours, 0 otherwise. */
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
