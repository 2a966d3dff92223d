/**
 * Inputs for the bulk-vs-TS parity tests (csv-bulk.test.ts) and the WASM probe: the CSV fixtures, the demo data and
 * generated files around the rules the SQL reproduces (DST gaps and overlaps, every timestamp format, blank rows,
 * quotes, roles). Each case says whether the bulk path must take it.
 */
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import type { NamedBlob } from './propose';

/** One import: its files, the dataset's zone, and whether every CSV file of it must take the bulk path. */
export interface ParityCase {
	name: string;
	files: { name: string; path?: string; text?: string; bytes?: number[] }[];
	timeZone: string;
	/** true: every file takes the bulk path; false: every file falls back; undefined: not checked. */
	bulk?: boolean;
	/** The error the TS path itself meets on DuckDB-WASM (its Arrow append takes times after 1685 only). */
	wasmError?: string;
}

const FIXTURES: [string, boolean | undefined][] = [
	['tests/fixtures/ru-windows1251-semicolon.csv', true],
	['tests/fixtures/en-utf16le.tsv', true],
	['tests/fixtures/split-date-time.csv', true],
	['tests/fixtures/twcs-sample.csv', false],
	['tests/fixtures/bad/bad-dates.csv', true],
	['tests/fixtures/bad/crlf-bom.csv', true],
	['tests/fixtures/bad/duplicates.csv', true],
	['tests/fixtures/bad/field-count.csv', false],
	['tests/fixtures/bad/html-formulas.csv', true],
	['tests/fixtures/bad/no-columns.csv', undefined],
	['tests/fixtures/bad/out-of-order.csv', true],
	['tests/fixtures/bad/unclosed-quote-eof.csv', false],
	['tests/fixtures/bad/unclosed-quote.csv', false],
	['tests/fixtures/bad/unicode.csv', true],
	['tests/fixtures/bad/unknown-roles.csv', true],
	['data/demo/support-chats.csv', true]
];

const H = 'conversation_id,message_id,sent_at,role,author,department,text';

/** Generated files: name, text, zone, must take the bulk path. */
const GENERATED: [string, string, string, boolean][] = [
	[
		'dst-berlin-iso.csv',
		[
			H,
			// spring forward 2024-03-31 02:00 -> 03:00; fall back 2024-10-27 03:00 -> 02:00
			'c1,,2024-03-31 01:59:59,customer,A,,before the gap',
			'c1,,2024-03-31 02:00:00,agent,B,,in the gap',
			'c1,,2024-03-31T02:30:00.5,agent,B,,in the gap with a fraction',
			'c1,,2024-03-31 03:00,customer,A,,after the gap',
			'c2,,2024-10-27 01:59:59.999,customer,A,,before the overlap',
			'c2,,2024-10-27 02:00:00,agent,B,,overlap start',
			'c2,,2024-10-27 02:59:59,agent,B,,overlap end',
			'c2,,2024-10-27 03:00:00,agent,B,,after the overlap',
			'c3,,2024-10-27T02:30:00+01:00,customer,A,,offset +01:00',
			'c3,,2024-10-27T02:30:00+0200,customer,A,,offset +0200',
			'c3,,2024-10-27T00:30:00Z,customer,A,,Z',
			'c3,,2024-10-27 00:30 UTC,customer,A,,UTC word',
			'c3,,2024-10-27T00:30:00+19:00,customer,A,,offset out of range',
			'c3,,2024-10-27T00:30:00-03,customer,A,,offset -03',
			'c4,,2024-02-29 10:00,customer,A,,leap day',
			'c4,,2023-02-29 10:00,customer,A,,not a leap day',
			'c4,,2024-04-31 10:00,customer,A,,April 31',
			'c4,,2024-13-01 10:00,customer,A,,month 13',
			'c4,,2024-01-01 24:00,customer,A,,hour 24',
			'c4,,2024-01-01 23:60,customer,A,,minute 60',
			'c4,,2024-01-01,customer,A,,date only',
			'c4,,2024-1-2 3:04:05.123456,customer,A,,short fields',
			'c4,,  2024-01-02 03:04:05  ,customer,A,,padded',
			'c4,,1969-12-31 23:59:59,customer,A,,before 1970',
			'c4,,yesterday,customer,A,,not a date',
			'c5,,2024-02-29 23:59:59,customer,A,,fast leap day',
			'c5,,2023-02-29 23:59:59,customer,A,,fast not a leap day',
			'c5,,2024-04-31T10:00:00,customer,A,,fast April 31',
			'c5,,2024-01-01 23:59:60,customer,A,,fast second 60',
			'c5,,2024-01-01 24:00:00,customer,A,,fast hour 24',
			'c5,,2024-01- 1 10:00:00,customer,A,,fast space in the day',
			'c5,,2024-01-01 1 :00:00,customer,A,,fast space in the hour',
			'c5,,2024-03-31T02:30:00,customer,A,,fast in the gap',
			'c5,,2024-10-27 02:30:00,customer,A,,fast in the overlap',
			'c4,,,customer,A,,empty'
		].join('\n'),
		'Europe/Berlin',
		true
	],
	[
		'dst-newyork-mdy.csv',
		[
			H,
			// spring forward 2024-03-10 02:00 -> 03:00; fall back 2024-11-03 02:00 -> 01:00
			'c1,,03/10/2024 1:59 AM,customer,A,,before the gap',
			'c1,,03/10/2024 2:30 AM,agent,B,,in the gap',
			'c1,,03/10/2024 3:00 AM,agent,B,,after the gap',
			'c2,,11/03/2024 12:59:59 AM,customer,A,,before the overlap',
			'c2,,11/03/2024 1:00 AM,customer,A,,overlap',
			'c2,,11/03/2024 1:59:59 a.m.,customer,A,,overlap end',
			'c2,,11/03/2024 2:00 PM,customer,A,,after',
			'c2,,11/13/2024 13:00 PM,customer,A,,13 PM',
			'c2,,11/13/2024 0:30 AM,customer,A,,0 AM',
			'c2,,11/13/24 12:30 pm,customer,A,,two-digit year',
			'c2,,11-13-2024 12:30,customer,A,,dashes',
			'c2,,11-13/2024 12:30,customer,A,,mixed separators',
			'c2,,"11/13/2024, 12:30",customer,A,,comma',
			'c2,,11/13/2024T12:30,customer,A,,T'
		].join('\r\n'),
		'America/New_York',
		true
	],
	[
		'dmy-moscow.csv',
		[
			'Чат;Время;Роль;Текст',
			'1;31.03.2024 02:30;Клиент;в Москве нет перехода',
			'1;31.02.2024 10:00;Оператор;нет такого дня',
			'1;1.3.2024 9:05:07,250;  оператор  ;дробь через запятую',
			'',
			';;;',
			'1;01.03.2024 09:05;Ё-бот;неизвестная роль?',
			'1;31.03.2024 02:30:00;Клиент;быстрый путь',
			'1;29.02.2023 10:00:00;Клиент;быстрый путь, нет такого дня',
			'1;01. 3.2024 10:00:00;Клиент;пробел в месяце',
			'1;01.03.2024 10:00:61;Клиент;61 секунда',
			'1;01.03.2024  1:00:00;Клиент;два пробела',
			'1;01.03.2024 09:06;\u200Bклиент;невидимый пробел',
			'1;01.03.2024 09:07;;пустая роль',
			'1;01.03.2024 09:08;Сотрудник;"многострочный',
			'текст; с ""кавычками"""',
			'  ;  ;  ;  ',
			'2;02.03.2024 10:00;Клиент;после пустых строк'
		].join('\n'),
		'Europe/Moscow',
		true
	],
	[
		'unix.csv',
		[
			'message_id,sent_at,role,text',
			'1,1715321700,customer,seconds',
			'2,1715321700.123456,agent,seconds with fraction',
			'3,171532170,agent,nine digits',
			'4,1715321700000,agent,ms in the s column'
		].join('\n'),
		'Europe/Berlin',
		true
	],
	[
		'unix-ms.csv',
		['message_id,sent_at,role,text', '1,1715321700123,customer,ms', '2,1715321700123.9,agent,fraction', '3,1715321700,agent,seconds'].join('\n'),
		'UTC',
		true
	],
	[
		'split-berlin.csv',
		[
			'conv;date;time;role;text',
			'1;31.03.2024;02:15;customer;gap via the time column',
			'1;27.10.2024;02:15;agent;overlap via the time column',
			'1;27.10.2024 00:00;02:15 PM;agent;midnight date and PM time',
			'1;27.10.2024 10:00;02:15;agent;date with a time',
			'1;27.10.2024;;agent;empty time',
			'1;;10:00;agent;empty date'
		].join('\n'),
		'Europe/Berlin',
		true
	],
	['year-99.csv', [H, 'c1,,0099-06-01 12:00,customer,A,,year 99', 'c1,,0001-01-01 00:00:00,customer,A,,fast year 1', 'c1,,2024-06-01 12:00,agent,B,,now'].join('\n'), 'Europe/Berlin', false],
	['space-quote.csv', [H, 'c1,,2024-01-01 10:00,customer,A,, "a, b"'].join('\n'), 'UTC', false],
	['text-after-quote.csv', [H, 'c1,,2024-01-01 10:00,customer,A,,"a" b'].join('\n'), 'UTC', false]
];

/**
 * A file longer than the head the bulk path checks against the TS path (CSV_BATCH records), with what must then be
 * right without that check: times years after the head's (the zone table is rebuilt), DST edges, blank rows,
 * multi-line quoted text, rejected rows.
 */
function longFile(): string {
	const lines = ['conversation_id;sent_at;role;author;text'];
	const roles = ['Клиент', 'Оператор', 'бот', ' support ', 'courier', ''];
	for (let i = 1; i <= 6000; i++) {
		const year = i <= 5500 ? 2024 : 2031;
		const day = new Date(Date.UTC(year, 0, 1) + (i % 365) * 86_400_000);
		const d = `${String(day.getUTCDate()).padStart(2, '0')}.${String(day.getUTCMonth() + 1).padStart(2, '0')}.${year}`;
		const time = i % 97 === 0 ? '02:30' : `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:07`;
		const when = i % 1999 === 0 ? '31.02.2031 10:00' : `${d} ${time}`;
		const text = i % 13 === 0 ? `"строка ${i}\nвторая; с ""кавычками"""` : `текст ${i}`;
		lines.push(`c${Math.floor(i / 7)};${when};${i > 5000 ? roles[i % roles.length] : roles[i % 3]};автор ${i % 11};${text}`);
		if (i % 1500 === 0) lines.push('', ';;;;', ' ; ; ; ; ');
	}
	return lines.join('\n');
}

/** Every case; generated files live in memory. */
export function parityCases(): ParityCase[] {
	const cases: ParityCase[] = FIXTURES.map(([path, bulk]) => ({
		name: basename(path),
		files: [{ name: basename(path), path }],
		timeZone: 'Europe/Moscow',
		bulk
	}));
	for (const [name, text, timeZone, bulk] of GENERATED) cases.push({ name, files: [{ name, text }], timeZone, bulk });
	cases.find((c) => c.name === 'year-99.csv')!.wasmError = 'Out of range for the messages table';
	cases.push({ name: 'long.csv', files: [{ name: 'long.csv', text: longFile() }], timeZone: 'Europe/Berlin', bulk: true });
	cases.push({
		name: 'two files with duplicates across them',
		files: [
			{ name: 'duplicates.csv', path: 'tests/fixtures/bad/duplicates.csv' },
			{ name: 'duplicates.csv', path: 'tests/fixtures/bad/duplicates.csv' },
			{ name: 'dst-berlin-iso.csv', text: GENERATED[0][1] }
		],
		timeZone: 'America/New_York',
		bulk: true
	});
	return cases;
}

/** The case's files as blobs. */
export async function caseFiles(c: ParityCase): Promise<NamedBlob[]> {
	return Promise.all(
		c.files.map(async (f) =>
			f.path ? new File([await openAsBlob(f.path)], f.name) : new File([f.text ?? new Uint8Array(f.bytes ?? [])], f.name)
		)
	);
}
