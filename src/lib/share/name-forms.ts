/**
 * Word forms of personal names, so that a name registered as "Анна Смирнова" is also found as "Анны Смирновой".
 * Russian first names, patronymics and surnames decline by their ending; the rules below over-generate a little
 * (an extra form never matches ordinary text because every form is capitalised).
 */

const CYRILLIC = /[а-яё]/i;

function titleCase(word: string): string {
	return word.charAt(0).toLocaleUpperCase('ru') + word.slice(1);
}

function withEndings(stem: string, endings: readonly string[]): string[] {
	return endings.map((e) => stem + e);
}

/** Case forms of one Russian name word (first name, patronymic or surname). */
function russianForms(word: string): string[] {
	const w = word;
	const lower = w.toLowerCase();
	const cut = (n: number) => w.slice(0, w.length - n);
	if (/(ая)$/.test(lower)) return [w, ...withEndings(cut(2), ['ой', 'ую', 'ою'])]; // Вишневская
	if (/ия$/.test(lower)) return [w, ...withEndings(cut(1), ['и', 'ю', 'ей', 'ею'])]; // Мария
	if (/я$/.test(lower)) return [w, ...withEndings(cut(1), ['и', 'е', 'ю', 'ей', 'ею', 'ёй'])]; // Наталья, Илья
	if (/а$/.test(lower)) {
		const stem = cut(1);
		const soft = /[гкхжчшщ]$/.test(stem.toLowerCase());
		return [w, ...withEndings(stem, [soft ? 'и' : 'ы', 'е', 'у', 'ой', 'ою', 'ей'])]; // Анна, Ольга, Смирнова
	}
	if (/[сц]кий$/.test(lower)) return [w, ...withEndings(cut(2), ['ого', 'ому', 'им', 'ом'])]; // Вишневский
	if (/ий$/.test(lower)) return [w, ...withEndings(cut(1), ['я', 'ю', 'ем', 'и', 'е'])]; // Дмитрий
	if (/[йь]$/.test(lower)) return [w, ...withEndings(cut(1), ['я', 'ю', 'ем', 'е'])]; // Андрей, Игорь
	if (/[еиоуыэю]$/.test(lower)) return [w]; // Петренко, Дюма: not declined
	const forms = [w, ...withEndings(w, ['а', 'у', 'ом', 'ем', 'е', 'ым', 'ы', 'ых'])]; // Иван, Иванов, Петрович
	if (/[бвгдзклмнпрстфх]е[лрк]$/.test(lower) && w.length > 4) forms.push(...withEndings(cut(2) + w.slice(-1), ['а', 'у', 'ом', 'е'])); // Павел
	return forms;
}

/** Every form under which `word` (one word of a name) may appear in text, capitalised; ё also spelt е. */
export function nameForms(word: string): string[] {
	const base = titleCase(word.trim());
	if (base.length === 0) return [];
	const forms = CYRILLIC.test(base) ? russianForms(base) : [base];
	const all = new Set<string>();
	for (const f of forms) {
		all.add(f);
		if (f.includes('ё')) all.add(f.replace(/ё/g, 'е'));
	}
	if (base.includes('ё')) for (const f of russianForms(base.replace(/ё/g, 'е'))) all.add(f);
	return [...all];
}

/** Russian patronymic or surname endings, in any case form: a capitalised word ending so is part of a name. */
export const RU_SURNAME_OR_PATRONYMIC =
	/^[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|ского|цкого|ской|цкой|енко|ович|евич|ьич|овна|евна|ична|инична|швили|дзе|ян|ук|юк)(?:а|у|ом|ым|ой|ем|е|ы|и|ну|не|ны|ной|ой|ую)?$/;

/** A patronymic in any case form ("Петровна", "Ивановичу"). */
export const RU_PATRONYMIC = /^[А-ЯЁ][а-яё]+(?:ович|евич|ьич|овн|евн|ичн)[а-яё]{0,3}$/;

/**
 * Common first names found without registration. Names that are also ordinary words when capitalised at the start
 * of a sentence (Вера, Надежда, Любовь, Роман, Лев, Слава; May, Will, Mark, Grace, Hope, Rose, Bill) are left out.
 */
export const COMMON_FIRST_NAMES: readonly string[] = [
	// Russian, male
	'Александр', 'Алексей', 'Анатолий', 'Андрей', 'Антон', 'Артём', 'Аркадий', 'Борис', 'Вадим', 'Валентин', 'Валерий',
	'Василий', 'Виктор', 'Виталий', 'Владимир', 'Владислав', 'Вячеслав', 'Геннадий', 'Георгий', 'Григорий', 'Даниил',
	'Денис', 'Дмитрий', 'Евгений', 'Егор', 'Иван', 'Игорь', 'Илья', 'Кирилл', 'Константин', 'Леонид', 'Максим',
	'Матвей', 'Михаил', 'Никита', 'Николай', 'Олег', 'Павел', 'Пётр', 'Руслан', 'Семён', 'Сергей', 'Станислав',
	'Степан', 'Тимур', 'Фёдор', 'Юрий', 'Ярослав', 'Саша', 'Дима', 'Серёжа', 'Женя', 'Миша', 'Коля', 'Паша',
	// Russian, female
	'Александра', 'Алёна', 'Алина', 'Алла', 'Анастасия', 'Анжела', 'Анна', 'Валентина', 'Валерия', 'Варвара',
	'Вероника', 'Виктория', 'Галина', 'Дарья', 'Диана', 'Евгения', 'Екатерина', 'Елена', 'Елизавета', 'Жанна', 'Зоя',
	'Инна', 'Ирина', 'Карина', 'Кристина', 'Ксения', 'Лариса', 'Лидия', 'Людмила', 'Маргарита', 'Марина', 'Мария',
	'Милана', 'Наталья', 'Наталия', 'Нина', 'Оксана', 'Ольга', 'Полина', 'Светлана', 'Софья', 'София', 'Тамара',
	'Татьяна', 'Ульяна', 'Эльвира', 'Юлия', 'Яна', 'Маша', 'Лена', 'Оля', 'Таня', 'Катя', 'Настя', 'Света', 'Юля',
	'Ксюша', 'Даша', 'Наташа', 'Галя', 'Вика', 'Лиза', 'Аня', 'Ира', 'Люда', 'Вася', 'Петя', 'Ваня', 'Лёша', 'Костя',
	'Витя', 'Гриша', 'Федя', 'Гульнара', 'Ринат', 'Алия', 'Эльмира', 'Артур', 'Снежана', 'Анжелика',
	// English
	'James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Daniel',
	'Matthew', 'Anthony', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kevin', 'Brian', 'George', 'Edward', 'Timothy',
	'Jason', 'Jeffrey', 'Ryan', 'Jacob', 'Eric', 'Jonathan', 'Stephen', 'Justin', 'Scott', 'Brandon', 'Benjamin',
	'Samuel', 'Gregory', 'Alexander', 'Patrick', 'Tom', 'Mike', 'Chris', 'Alex', 'Dave', 'Steve', 'Peter', 'Emily',
	'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Lisa',
	'Nancy', 'Sandra', 'Ashley', 'Kimberly', 'Donna', 'Michelle', 'Carol', 'Amanda', 'Melissa', 'Stephanie',
	'Rebecca', 'Sharon', 'Laura', 'Cynthia', 'Amy', 'Anna', 'Angela', 'Helen', 'Emma', 'Olivia', 'Sophia', 'Kate',
	'Jane', 'Julia', 'Maria', 'Rachel', 'Nicole', 'Natalie', 'Hannah', 'Megan', 'Priya', 'Carlos', 'Juan', 'Luis',
	'Ahmed', 'Mohammed', 'Wei', 'Bob', 'Jim', 'Joe', 'Ben', 'Dan', 'Nick', 'Matt', 'Josh', 'Jake', 'Luke', 'Adam', 'Oliver',
	'Jack', 'Harry', 'Lucy', 'Chloe', 'Sophie', 'Marcus', 'Rajesh', 'Ana', 'Jose', 'Mohamed', 'Fatima', 'Olga', 'Ivan', 'Dmitry', 'Sergey'
];

/**
 * Capitalised words that are never taken for a name, even after a greeting or inside a registered name
 * ("Служба поддержки", "Support Team"): pronouns, roles, departments, greetings.
 */
export const NOT_NAMES: ReadonlySet<string> = new Set(
	[
		'ваш', 'ваша', 'ваше', 'ваши', 'вашего', 'вашей', 'вам', 'вас', 'вы', 'мы', 'я', 'нам', 'наш', 'наша', 'это',
		'коллеги', 'коллега', 'партнёр', 'партнер', 'партнёры', 'партнеры', 'друзья', 'клиент', 'клиенты', 'сотрудник',
		'пожалуйста', 'спасибо', 'благодарим', 'уважаемый', 'уважаемая', 'уважаемые', 'извините', 'подскажите',
		'служба', 'поддержка', 'поддержки', 'оператор', 'менеджер', 'бот', 'помощник', 'отдел', 'администратор',
		'техподдержка', 'бренд-менеджер', 'территориальный', 'проверка', 'пункта', 'претензии', 'выплаты', 'пвз',
		'все', 'всем', 'господа', 'сегодня', 'завтра', 'да', 'нет', 'хорошо', 'ок', 'по', 'на', 'в', 'к', 'с', 'и',
		'i', 'we', 'you', 'your', 'our', 'the', 'a', 'an', 'please', 'thanks', 'thank', 'team', 'support', 'there',
		'all', 'everyone', 'sir', 'madam', 'customer', 'agent', 'bot', 'this', 'sorry', 'again', 'and', 'so', 'yes',
		'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'no', 'ok', 'okay', 'for', 'it', 'my', 'as', 'we\'re', 'i\'m', 'folks', 'guys', 'service', 'desk', 'admin',
		'когда', 'почему', 'как', 'что', 'где', 'кто', 'не', 'ни', 'у', 'при', 'после', 'до', 'для', 'из', 'от', 'за',
		'о', 'об', 'а', 'но', 'или', 'если', 'там', 'тут', 'вот', 'уже', 'ещё', 'еще', 'только', 'так', 'мой', 'моя',
		'мои', 'этот', 'эта', 'эти', 'есть', 'был', 'была', 'было', 'будет', 'сколько', 'какой', 'какая', 'можно',
		'нужно', 'опять', 'снова', 'заказ', 'товар', 'штраф', 'деньги', 'оплата', 'вопрос', 'проблема', 'жалоба',
		'претензия', 'ситуация', 'информация', 'конечно', 'понял', 'поняла', 'подскажите', 'скажите', 'прошу', 'хочу',
		'проверка', 'выплата', 'выплаты', 'москва', 'россия', 'рф', 'ооо', 'ип', 'ао', 'пао', 'wildberries', 'ozon',
		'яндекс', 'маркет', 'вайлдберриз', 'озон', 'мегамаркет', 'авито',
		'can', 'could', 'would', 'is', 'are', 'do', 'does', 'did', 'just', 'what', 'when', 'why', 'how', 'where', 'any',
		'hope', 'here', 'following', 'regarding', 'unfortunately', 'order', 'great', 'sure', 'welcome', 'got', 'that',
		'let', 'amazon', 'ebay', 'ups', 'fedex', 'usps', 'dhl', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
		'saturday', 'sunday', 'street', 'avenue', 'road', 'apt', 'suite', 'inc', 'llc', 'ltd',
		'youtube', 'apple', 'google', 'microsoft', 'adobe', 'mojang', 'xbox', 'playstation', 'spotify', 'zoom',
		'dropbox', 'netflix', 'windows', 'iphone', 'android', 'gmail', 'paypal', 'stripe', 'banks', 'bank',
		'department', 'manager', 'claims', 'payouts', 'today', 'tomorrow', 'hello', 'hi', 'hey', 'dear', 'regards'
	]
);

/** True when `word` may be part of a person's name (not a pronoun, role or department word). */
export function mayBeName(word: string): boolean {
	return word.length >= 2 && !NOT_NAMES.has(word.toLowerCase().replace(/ё/g, 'е')) && !NOT_NAMES.has(word.toLowerCase());
}
