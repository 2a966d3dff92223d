import type { LocaleCode } from '$lib/format';

/**
 * The importer writes its reasons (rejected rows, unreadable files) in English: they are also part of the
 * report JSON, which other programs read. This is the one place that says them in Russian for the UI.
 * Each pattern matches a sentence the ingest code produces; anything unknown is shown as it is.
 */
const RUSSIAN: [RegExp, (...groups: string[]) => string][] = [
	[/^timestamp '(.*)' is not a date$/s, (v) => `время «${v}» не читается как дата`],
	[/^timestamp is empty$/, () => 'время не указано'],
	[/^role is empty$/, () => 'не указано, кто написал (роль)'],
	[/^unknown role '(.*?)':/s, (v) => `неизвестная роль «${v}»: укажите при импорте, кто это — клиент, сотрудник, бот или система`],
	[/^row has (\d+) fields?, the header has (\d+)$/, (n, m) => `в строке ${n} ${fieldsWord(n)}, а в заголовке ${m}`],
	[/^unclosed quote: this field runs to the end of the file$/, () => 'незакрытая кавычка: поле тянется до конца файла'],
	[/^unclosed quote: this field runs on over the rows after it/, () => 'незакрытая кавычка: поле захватывает следующие строки до другой кавычки; исправьте кавычки и загрузите файл снова'],
	[/^unclosed quote: a field runs on for more than (\S+) million characters/, (n) => `незакрытая кавычка: поле длиннее ${n} млн символов, остаток файла не прочитан`],
	[/^line (\d+) is not valid JSON: (.*)$/s, (n, why) => `строка ${n} — не JSON: ${why}`],
	[/^line (\d+) is not a JSON object$/, (n) => `строка ${n} — не JSON-объект`],
	[/^this element is not a message object$/, () => 'этот элемент — не сообщение'],
	[/^Telegram could not export this message/, () => 'Telegram не смог выгрузить это сообщение'],
	[/^duplicate of (.+) row (\d+)$/, (file, row) => `повтор: то же сообщение уже есть в «${file}», строка ${row}`],
	[/^duplicate of (.+)$/, (where) => `повтор: то же сообщение уже есть (${where})`],
	[/^the file is empty$/, () => 'файл пуст'],
	[/^only a header row, no messages$/, () => 'в файле только строка заголовка, сообщений нет'],
	[/^this is not a text file/, () => 'это не текстовый файл (внутри двоичные данные, например картинка): выгрузите чат в CSV, TSV или JSON'],
	[/^this is a ZIP archive or an Excel workbook/, () => 'это ZIP-архив или книга Excel, а не текстовая выгрузка: сохраните лист как CSV и загрузите его'],
	[/^no messages found/, () => 'сообщения не найдены: ожидается массив сообщений или обращений, в которых они лежат'],
	[/^JSON ends unexpectedly at byte (\d+)/, (b) => `JSON обрывается на байте ${b}: файл, похоже, обрезан`],
	[/^the JSON is not valid at byte (\d+) \(line (\d+)\): (.*)$/s, (b, l, why) => `JSON повреждён на байте ${b} (строка ${l}): ${why}`],
	[/^the JSON is not valid: (.*)$/s, (why) => `JSON повреждён: ${why}`]
];

/** The importer's reason in the UI language. */
export function localizeReason(reason: string, locale: LocaleCode): string {
	if (locale !== 'ru') return reason;
	for (const [pattern, say] of RUSSIAN) {
		const match = pattern.exec(reason);
		if (match) return say(...match.slice(1));
	}
	return reason;
}

function fieldsWord(count: string): string {
	const n = Number(count) % 100;
	if (n % 10 === 1 && n !== 11) return 'поле';
	if (n % 10 >= 2 && n % 10 <= 4 && (n < 12 || n > 14)) return 'поля';
	return 'полей';
}
