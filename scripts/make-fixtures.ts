/**
 * Writes the test fixtures that cannot be typed as UTF-8 text: the Windows-1251 CSV and the UTF-16 LE TSV.
 * The files it writes are committed; this script only documents how they were made.
 *
 *     npx tsx scripts/make-fixtures.ts
 *
 * Node's TextDecoder reads windows-1251 but there is no encoder for it, so the byte for each character is
 * found by decoding the bytes 0x80-0xFF once and reversing that table.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures');

/** Character -> byte for windows-1251, built from the decoder. */
function cp1251Table(): Map<string, number> {
	const decoder = new TextDecoder('windows-1251');
	const table = new Map<string, number>();
	for (let byte = 0x80; byte <= 0xff; byte++) {
		const char = decoder.decode(new Uint8Array([byte]));
		if (char !== '\uFFFD') table.set(char, byte);
	}
	return table;
}

function encodeCp1251(text: string): Uint8Array {
	const table = cp1251Table();
	const bytes: number[] = [];
	for (const char of text) {
		const code = char.codePointAt(0)!;
		const byte = code < 0x80 ? code : table.get(char);
		if (byte === undefined) throw new Error(`'${char}' has no windows-1251 byte`);
		bytes.push(byte);
	}
	return new Uint8Array(bytes);
}

function encodeUtf16leWithBom(text: string): Uint8Array {
	return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

/** A pickup point's tickets as a marketplace partner cabinet exports them: `;`, CRLF, Excel quoting. */
const RU_CSV = [
	'Номер обращения;Дата и время;Отправитель;Роль;Отдел;Сообщение',
	'48213;10.05.2024 09:15:02;ПВЗ Иваново-12 (Смирнова Е.);Клиент;;Здравствуйте! Третий день не приходит поставка, в накладной 14 мест, по факту 11.',
	'48213;10.05.2024 09:15:04;Ассистент;Бот;Техподдержка;Здравствуйте! Ваше обращение №48213 зарегистрировано, специалист ответит в ближайшее время.',
	'48213;10.05.2024 09:41:37;Алексей К.;Сотрудник;Техподдержка;"Добрый день, Елена. Уточните, пожалуйста:\r\n1) номер поставки;\r\n2) фото накладной с отметкой ""Принято с расхождением""."',
	'48213;10.05.2024 09:52:10;ПВЗ Иваново-12 (Смирнова Е.);Клиент;;Поставка WB-1187342, фото прикрепила.',
	'48213;10.05.2024 10:05:00;Система;Система;;Обращение передано в отдел «Проверка пункта»',
	'48213;10.05.2024 11:20:45;Марина П.;Сотрудник;Проверка пункта;Елена, расхождение подтвердили, 3 места довезут завтра до 12:00.',
	'48213;10.05.2024 11:22:03;ПВЗ Иваново-12 (Смирнова Е.);Клиент;;Спасибо, ждём.',
	'48214;11.05.2024 18:03:11;ПВЗ Кострома-3 (Орлов Д.);Клиент;;Почему штраф 5 000 руб. за «нарушение стандартов»? Проверка была в субботу, пункт работал, вывеска на месте.',
	'48214;11.05.2024 18:03:13;Ассистент;Бот;Техподдержка;Здравствуйте! Ваше обращение №48214 зарегистрировано, специалист ответит в ближайшее время.',
	'48214;13.05.2024 10:30:00;Ирина С.;Сотрудник;Проверка пункта;Дмитрий, по фото проверяющего не видно режима работы на двери. Передаю бренд-менеджеру для решения по штрафу.',
	'48214;13.05.2024 16:47:26;Олег В.;Сотрудник;Бренд-менеджер;Дмитрий, штраф отменён, сумма вернётся в ближайшем отчёте.',
	'48214;13.05.2024 16:50:02;ПВЗ Кострома-3 (Орлов Д.);Клиент;;Отлично, спасибо — и за скорость, и за решение.',
	''
].join('\r\n');

/** A help desk's export saved by Excel as "Unicode text": UTF-16 LE with BOM, tab-separated, CRLF. */
const EN_TSV = [
	'ticket_id\tcreated_at\tauthor\tauthor_type\tteam\tbody',
	'T-1042\t2024-03-04T08:12:09Z\tGreenway Pickup #17\tcustomer\t\tHi, the scanner rejects every parcel from batch 5531 with "unknown barcode".',
	'T-1042\t2024-03-04T08:12:11Z\tHelpBot\tbot\tSupport\tThanks! A support specialist will reply shortly.',
	'T-1042\t2024-03-04T09:03:40Z\tPriya N.\tagent\tSupport\tCould you send a photo of one label? The batch may have been relabelled at the hub.',
	'T-1042\t2024-03-04T09:20:15Z\tGreenway Pickup #17\tcustomer\t\tPhoto attached. Labels look normal.',
	'T-1042\t2024-03-04T11:45:02Z\tTom R.\tagent\tLogistics\tConfirmed, batch 5531 was relabelled. Please rescan after 13:00; the new codes are live then.',
	'T-1043\t2024-03-05T17:30:00Z\tNorth Mall Pickup\tcustomer\t\tOur payout for February is missing.',
	'T-1043\t2024-03-06T10:02:33Z\tAnna K.\tagent\tBilling\tThe payout was sent on March 5th, it should arrive within 2 business days.',
	''
].join('\r\n');

writeFileSync(join(FIXTURES, 'ru-windows1251-semicolon.csv'), encodeCp1251(RU_CSV));
writeFileSync(join(FIXTURES, 'en-utf16le.tsv'), encodeUtf16leWithBom(EN_TSV));
console.log(`wrote ru-windows1251-semicolon.csv and en-utf16le.tsv in ${FIXTURES}`);
