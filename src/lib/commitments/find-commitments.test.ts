import { describe, expect, it } from 'vitest';
import { formatIsoWithOffset } from '../ingest/time-zone';
import { findCommitments } from './find-commitments';
import type { CommitmentKind } from './types';

const MSK = 'Europe/Moscow';
const NY = 'America/New_York';
const YEKT = 'Asia/Yekaterinburg';

/** Reference times: weekdays as in the name, wall clock of the zone. */
const MON = '2024-05-13T10:15:00+03:00';
const FRI = '2024-05-17T16:40:00+03:00';
const SAT_DEC = '2024-12-28T12:00:00+03:00';
const WED_JAN31 = '2024-01-31T09:00:00+03:00';
const FRI_NY = '2024-03-08T15:00:00-05:00'; // US clocks go forward on Sunday 2024-03-10 at 02:00
const MON_YEKT = '2024-05-13T03:30:00+05:00'; // still Sunday in UTC

/** [text, sent at, zone, kind, due_at]: one commitment each. */
const TABLE: readonly (readonly [string, string, string, CommitmentKind, string])[] = [
	['Ответим в течение 3 рабочих дней.', MON, MSK, 'promise', '2024-05-16T23:59:59+03:00'],
	['Позвоню завтра в 10:00.', MON, MSK, 'promise', '2024-05-14T10:00:00+03:00'],
	['Водитель свяжется с вами до 15:00.', MON, MSK, 'promise', '2024-05-13T15:00:00+03:00'],
	["We'll get back to you within 24 hours.", MON, MSK, 'promise', '2024-05-14T10:15:00+03:00'],
	['Загрузите фотоотчёт до 20 мая включительно.', MON, MSK, 'deadline', '2024-05-20T23:59:59+03:00'],
	['Материалы нужно предоставить в течение 3 рабочих дней.', MON, MSK, 'deadline', '2024-05-16T23:59:59+03:00'],
	['Please reply by Friday.', MON, MSK, 'deadline', '2024-05-17T23:59:59+03:00'],
	['Мы ответим в течение трёх рабочих дней.', MON, MSK, 'promise', '2024-05-16T23:59:59+03:00'],
	['Рассмотрим обращение в течение одного рабочего дня.', MON, MSK, 'promise', '2024-05-14T23:59:59+03:00'],
	['Ответ поступит в течение 5 рабочих дней.', MON, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Средства поступят в течение 3-х банковских дней.', MON, MSK, 'promise', '2024-05-16T23:59:59+03:00'],
	['Специалист перезвонит в течение 2 часов.', MON, MSK, 'promise', '2024-05-13T12:15:00+03:00'],
	['Ответим в течение 2 дней.', MON, MSK, 'promise', '2024-05-15T23:59:59+03:00'],
	['Проверим в течение суток.', MON, MSK, 'promise', '2024-05-14T10:15:00+03:00'],
	['Свяжемся с вами в течение дня.', MON, MSK, 'promise', '2024-05-13T23:59:59+03:00'],
	['Сообщим результат до конца дня.', MON, MSK, 'promise', '2024-05-13T23:59:59+03:00'],
	['Исправьте нарушения до конца месяца.', MON, MSK, 'deadline', '2024-05-31T23:59:59+03:00'],
	['Ответим в понедельник до 12:00.', MON, MSK, 'promise', '2024-05-20T12:00:00+03:00'],
	['Пришлите документы до 20.05.', MON, MSK, 'deadline', '2024-05-20T23:59:59+03:00'],
	['Необходимо загрузить материалы до 20.05.2024.', MON, MSK, 'deadline', '2024-05-20T23:59:59+03:00'],
	['Please upload the photos by May 20.', MON, MSK, 'deadline', '2024-05-20T23:59:59+03:00'],
	["I'll call you by 5 pm.", MON, MSK, 'promise', '2024-05-13T17:00:00+03:00'],
	['We will reply tomorrow.', MON, MSK, 'promise', '2024-05-14T23:59:59+03:00'],
	['Please send the report today.', MON, MSK, 'deadline', '2024-05-13T23:59:59+03:00'],
	['Submit the documents within 3 business days.', MON, MSK, 'deadline', '2024-05-16T23:59:59+03:00'],
	['Мы вернёмся с ответом в течение недели.', MON, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Предоставьте ответ в течение 14 календарных дней.', MON, MSK, 'deadline', '2024-05-27T23:59:59+03:00'],
	['Загрузите видео в пятницу до 18:00.', MON, MSK, 'deadline', '2024-05-17T18:00:00+03:00'],
	['Оплатите штраф до 1 июня.', MON, MSK, 'deadline', '2024-06-01T23:59:59+03:00'],
	['Подтвердите до 12:30 сегодня.', MON, MSK, 'deadline', '2024-05-13T12:30:00+03:00'],
	['Сегодня до 15:00 пришлите фото.', MON, MSK, 'deadline', '2024-05-13T15:00:00+03:00'],
	['Мы свяжемся с вами послезавтра.', MON, MSK, 'promise', '2024-05-15T23:59:59+03:00'],
	['You need to fix this by the end of the week.', MON, MSK, 'deadline', '2024-05-19T23:59:59+03:00'],
	['We will refund you by end of day.', MON, MSK, 'promise', '2024-05-13T23:59:59+03:00'],
	['Please respond by EOD.', MON, MSK, 'deadline', '2024-05-13T23:59:59+03:00'],
	['We will contact you on Monday at 10:00.', MON, MSK, 'promise', '2024-05-20T10:00:00+03:00'],
	['The courier will arrive by 3:30 pm.', MON, MSK, 'promise', '2024-05-13T15:30:00+03:00'],
	['Please provide the documents no later than May 31, 2024.', MON, MSK, 'deadline', '2024-05-31T23:59:59+03:00'],
	["We'll review it within two business days.", MON, MSK, 'promise', '2024-05-15T23:59:59+03:00'],
	['You must upload the photo report by 20 May inclusive.', MON, MSK, 'deadline', '2024-05-20T23:59:59+03:00'],
	['Reply within 48 hours, please.', MON, MSK, 'deadline', '2024-05-15T10:15:00+03:00'],
	['Устраните замечания до 17 часов.', MON, MSK, 'deadline', '2024-05-13T17:00:00+03:00'],
	['Позвоним в 10 часов утра завтра.', MON, MSK, 'promise', '2024-05-14T10:00:00+03:00'],
	['Перезвоню через 30 минут.', MON, MSK, 'promise', '2024-05-13T10:45:00+03:00'],
	['Укажите данные до конца недели.', MON, MSK, 'deadline', '2024-05-19T23:59:59+03:00'],
	['Ответим в течение 24 часов.', MON, MSK, 'promise', '2024-05-14T10:15:00+03:00'],
	['Срок рассмотрения обращения — до 5 рабочих дней.', MON, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Ожидайте ответа в течение двух рабочих дней.', MON, MSK, 'promise', '2024-05-15T23:59:59+03:00'],
	['Курьер приедет завтра с 10:00 до 18:00.', MON, MSK, 'promise', '2024-05-14T18:00:00+03:00'],
	['A specialist will call you between 10 am and 12 pm tomorrow.', MON, MSK, 'promise', '2024-05-14T12:00:00+03:00'],
	['Запрос передан ответственному отделу, срок ответа — до 72 часов.', MON, MSK, 'promise', '2024-05-16T10:15:00+03:00'],
	['Срок рассмотрения составляет 5 рабочих дней.', MON, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Your refund will be processed within 5-7 business days.', MON, MSK, 'promise', '2024-05-22T23:59:59+03:00'],
	['The deadline for submitting the documents is May 20.', MON, MSK, 'deadline', '2024-05-20T23:59:59+03:00'],
	['Someone from the team will contact you no later than Thursday, 2 p.m.', MON, MSK, 'promise', '2024-05-16T14:00:00+03:00'],
	['Для прохождения проверки необходимо в срок до 15.05.2024 включительно направить фото.', MON, MSK, 'deadline', '2024-05-15T23:59:59+03:00'],
	['Выплата за период с 1 по 15 мая поступит 20 мая.', MON, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Выплата поступит 20–21 мая.', MON, MSK, 'promise', '2024-05-21T23:59:59+03:00'],
	['Загрузите фото, проверка занимает 3 рабочих дня.', MON, MSK, 'promise', '2024-05-16T23:59:59+03:00'],
	['Срок ответа — 3 рабочих дня.', MON, MSK, 'promise', '2024-05-16T23:59:59+03:00'],
	['Компенсация будет начислена в течение 30 дней.', MON, MSK, 'promise', '2024-06-12T23:59:59+03:00'],
	['The photos will be checked within 3 days.', MON, MSK, 'promise', '2024-05-16T23:59:59+03:00'],
	['We will reply within a day.', MON, MSK, 'promise', '2024-05-14T23:59:59+03:00'],
	['Выложите фото до завтра.', MON, MSK, 'deadline', '2024-05-14T23:59:59+03:00'],
	['Kindly send the invoice by 20/05.', MON, MSK, 'deadline', '2024-05-20T23:59:59+03:00'],
	['We aim to respond within 1 business day.', MON, MSK, 'promise', '2024-05-14T23:59:59+03:00'],
	['I will check with the warehouse and update you by 4:00 PM today.', MON, MSK, 'promise', '2024-05-13T16:00:00+03:00'],
	['Thanks! The payout for May 1-15 will arrive on May 20.', MON, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Выплата будет произведена 20.05.2024 г.', MON, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Ответим в течении 2х рабочих дней', MON, MSK, 'promise', '2024-05-15T23:59:59+03:00'],
	['Ожидайте звонка курьера сегодня с 14 до 18 часов.', MON, MSK, 'promise', '2024-05-13T18:00:00+03:00'],
	['Согласуем до 14 мая.', MON, MSK, 'promise', '2024-05-14T23:59:59+03:00'],
	['У клиентов режим работы обновится к 19:00.', MON, MSK, 'promise', '2024-05-13T19:00:00+03:00'],
	['Звонок с территориальным менеджером поставили на 15 мая в 19:00, он позвонит на номер из кабинета.', MON, MSK, 'promise', '2024-05-15T19:00:00+03:00'],
	['Ответим в течение двадцати четырёх часов.', MON, MSK, 'promise', '2024-05-14T10:15:00+03:00'],
	['Please reply by noon.', MON, MSK, 'deadline', '2024-05-13T12:00:00+03:00'],
	['Загрузите фотоотчёт до 13 мая включительно.', MON, MSK, 'deadline', '2024-05-13T23:59:59+03:00'],
	['Пришлите фото до 18.05 до 12:00 по мск.', MON, MSK, 'deadline', '2024-05-18T12:00:00+03:00'],
	['Ответим в течение 3 (трёх) рабочих дней.', MON, MSK, 'promise', '2024-05-16T23:59:59+03:00'],
	['Загрузите до 15-00.', MON, MSK, 'deadline', '2024-05-13T15:00:00+03:00'],
	['Please reply by Fri.', MON, MSK, 'deadline', '2024-05-17T23:59:59+03:00'],
	['Оплатите до 20 числа.', MON, MSK, 'deadline', '2024-05-20T23:59:59+03:00'],
	['Оплатите до 10 числа.', MON, MSK, 'deadline', '2024-06-10T23:59:59+03:00'],
	['Доставим 15-20 мая.', MON, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Please pay the invoice by the 10th.', MON, MSK, 'deadline', '2024-06-10T23:59:59+03:00'],
	['Срок устранения нарушений — 5 рабочих дней.', MON, MSK, 'deadline', '2024-05-20T23:59:59+03:00'],
	['You have until Friday to upload the photos.', MON, MSK, 'deadline', '2024-05-17T23:59:59+03:00'],
	['Could you please send us the photos by end of day tomorrow?', MON, MSK, 'deadline', '2024-05-14T23:59:59+03:00'],
	['Please respond by COB Friday.', MON, MSK, 'deadline', '2024-05-17T23:59:59+03:00'],
	['Завтра до конца дня пришлём ответ.', MON, MSK, 'promise', '2024-05-14T23:59:59+03:00'],
	['Ваша заявка на выплату будет обработана до конца следующей недели.', MON, MSK, 'promise', '2024-05-26T23:59:59+03:00'],
	['We will fix it by the end of next month.', MON, MSK, 'promise', '2024-06-30T23:59:59+03:00'],
	['The refund should arrive within 3-5 business days.', MON, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Expect the courier tomorrow before 6 pm.', MON, MSK, 'promise', '2024-05-14T18:00:00+03:00'],
	// sent on a Friday: working days skip the weekend, a weekday is the next one
	['Ответим в течение 3 рабочих дней.', FRI, MSK, 'promise', '2024-05-22T23:59:59+03:00'],
	['Please reply by Friday.', FRI, MSK, 'deadline', '2024-05-24T23:59:59+03:00'],
	['Ответим в течение 1 рабочего дня.', FRI, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Загрузите фотоотчёт до 17 мая.', FRI, MSK, 'deadline', '2024-05-17T23:59:59+03:00'],
	["We'll get back to you within 2 working days.", FRI, MSK, 'promise', '2024-05-21T23:59:59+03:00'],
	// verbs and forms beyond the first lists: future verbs, a passive after "будет", prefixed imperatives
	['Камеру подключим в течение одного рабочего дня.', FRI, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Начисление будет рассчитано в течение 3 рабочих дней.', FRI, MSK, 'promise', '2024-05-22T23:59:59+03:00'],
	['Разницу доплатим до конца месяца.', FRI, MSK, 'promise', '2024-05-31T23:59:59+03:00'],
	['Переподпишите акт сегодня до 18.00.', FRI, MSK, 'deadline', '2024-05-17T18:00:00+03:00'],
	['Успейте загрузить фото до 20.05.', FRI, MSK, 'deadline', '2024-05-20T23:59:59+03:00'],
	['Ждём отчёт к понедельнику.', FRI, MSK, 'deadline', '2024-05-20T23:59:59+03:00'],
	['The courier will collect the parcel within 1 business day.', FRI, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Your compensation will be paid within three working days.', FRI, MSK, 'promise', '2024-05-22T23:59:59+03:00'],
	['Please pay by 6pm on December 9.', FRI, MSK, 'deadline', '2024-12-09T18:00:00+03:00'],
	['Держу на контроле, напишу в среду.', FRI, MSK, 'promise', '2024-05-22T23:59:59+03:00'],
	['Отпишусь сегодня до вечера.', FRI, MSK, 'promise', '2024-05-17T18:00:00+03:00'],
	['Ответ поступит в понедельник до обеда.', FRI, MSK, 'promise', '2024-05-20T12:00:00+03:00'],
	['Желательно загрузить фото до вторника.', FRI, MSK, 'deadline', '2024-05-21T23:59:59+03:00'],
	['Срок ответа — 5 раб. дн.', FRI, MSK, 'promise', '2024-05-24T23:59:59+03:00'],
	['Решение примем в течение 2 р.д.', FRI, MSK, 'promise', '2024-05-21T23:59:59+03:00'],
	['The signage will be dispatched within 5 bus. days.', FRI, MSK, 'promise', '2024-05-24T23:59:59+03:00'],
	['Будем благодарны, если вы пришлете замеры до конца следующей недели.', FRI, MSK, 'deadline', '2024-05-26T23:59:59+03:00'],
	["As agreed: 1) you'll send the signed addendum by May 24; 2) I'll confirm the hours.", FRI, MSK, 'deadline', '2024-05-24T23:59:59+03:00'],
	['Крайний день — пятница.', MON, MSK, 'deadline', '2024-05-17T23:59:59+03:00'],
	['Замену привезём к среде.', FRI, MSK, 'promise', '2024-05-22T23:59:59+03:00'],
	['Срок по ребрендингу продлили до 27 мая, подрядчик успеет.', FRI, MSK, 'deadline', '2024-05-27T23:59:59+03:00'],
	['Расхождение сверим до 20 мая, акт оформите в «Приемке».', FRI, MSK, 'promise', '2024-05-20T23:59:59+03:00'],
	['Мы свяжемся с вами завтра.', FRI, MSK, 'promise', '2024-05-18T23:59:59+03:00'],
	['Исправьте до конца рабочей недели.', FRI, MSK, 'deadline', '2024-05-17T23:59:59+03:00'],
	// sent on a Saturday in late December: year wrap, month and year ends
	['Исправьте до 10 января.', SAT_DEC, MSK, 'deadline', '2025-01-10T23:59:59+03:00'],
	['Ответим в течение 3 рабочих дней.', SAT_DEC, MSK, 'promise', '2025-01-01T23:59:59+03:00'],
	['Пришлите отчёт до конца месяца.', SAT_DEC, MSK, 'deadline', '2024-12-31T23:59:59+03:00'],
	['Please reply by Monday.', SAT_DEC, MSK, 'deadline', '2024-12-30T23:59:59+03:00'],
	['Предоставьте документы до конца года.', SAT_DEC, MSK, 'deadline', '2024-12-31T23:59:59+03:00'],
	['Ответим в течение месяца.', SAT_DEC, MSK, 'promise', '2025-01-28T23:59:59+03:00'],
	['Загрузите до 05.01.25.', SAT_DEC, MSK, 'deadline', '2025-01-05T23:59:59+03:00'],
	['Please submit by January 3rd.', SAT_DEC, MSK, 'deadline', '2025-01-03T23:59:59+03:00'],
	['We will call you tomorrow at 9 am.', SAT_DEC, MSK, 'promise', '2024-12-29T09:00:00+03:00'],
	// the last day of January in a leap year
	['Ответим в течение месяца.', WED_JAN31, MSK, 'promise', '2024-02-29T23:59:59+03:00'],
	['Пришлите документы до конца месяца.', WED_JAN31, MSK, 'deadline', '2024-01-31T23:59:59+03:00'],
	['Сделайте это до 29 февраля.', WED_JAN31, MSK, 'deadline', '2024-02-29T23:59:59+03:00'],
	['Ответим в течение 2 рабочих дней.', WED_JAN31, MSK, 'promise', '2024-02-02T23:59:59+03:00'],
	['Предоставьте материалы в течение 5 рабочих дней.', WED_JAN31, MSK, 'deadline', '2024-02-07T23:59:59+03:00'],
	// New York across the spring-forward weekend: hours are instants, days and clock times are wall clock
	['We will get back to you within 48 hours.', FRI_NY, NY, 'promise', '2024-03-10T16:00:00-04:00'],
	['Please reply within 3 business days.', FRI_NY, NY, 'deadline', '2024-03-13T23:59:59-04:00'],
	['Our agent will call you on Sunday at 10:00 am.', FRI_NY, NY, 'promise', '2024-03-10T10:00:00-04:00'],
	['Ответим завтра до 12:00.', FRI_NY, NY, 'promise', '2024-03-09T12:00:00-05:00'],
	['Please upload the photos by tomorrow.', FRI_NY, NY, 'deadline', '2024-03-09T23:59:59-05:00'],
	['Позвоним в воскресенье в 2:30.', FRI_NY, NY, 'promise', '2024-03-10T03:30:00-04:00'],
	// the local date, not the UTC one, is the message's date
	['Ответим в течение 1 рабочего дня.', MON_YEKT, YEKT, 'promise', '2024-05-14T23:59:59+05:00'],
	['Ответим завтра до 10:00.', MON_YEKT, YEKT, 'promise', '2024-05-14T10:00:00+05:00']
];

describe('findCommitments: the date table', () => {
	it('has at least 60 phrases', () => expect(TABLE.length).toBeGreaterThanOrEqual(60));

	it.each(TABLE)('%s (sent %s, %s)', (text, sent, zone, kind, due) => {
		const found = findCommitments(text, Date.parse(sent), zone);
		expect(found.map((c) => [c.kind, formatIsoWithOffset(c.due_at, zone)])).toEqual([[kind, due]]);
	});
});

describe('findCommitments: a date just before the message', () => {
	it.each(['Загрузите фотоотчёт до 15 мая.', 'Срок загрузки был до 14 мая, он уже истёк.', 'The deadline for this claim was May 1.'])(
		'is a past reference, not a deadline a year ahead: %s',
		(text) => expect(findCommitments(text, Date.parse(FRI), MSK)).toEqual([])
	);
});

describe('findCommitments: what is not a commitment', () => {
	it.each([
		'Если машина не приедет до 15:00, напишите.',
		'Информация будет предоставлена дополнительно.',
		'Ответим в ближайшее время.',
		'If the courier does not arrive by 3 pm, let us know.',
		'В случае непредоставления материалов до 20 мая будет наложен штраф.',
		'Ваш пункт работает до 21:00.',
		'Заказ был доставлен 20 мая.',
		'Вы должны были загрузить фотоотчёт до 15 мая.',
		'We will get back to you soon.',
		'Ответ будет в течение нескольких дней.',
		'Мы работаем с 10:00 до 18:00.',
		'Здравствуйте! Подскажите, пожалуйста, номер заказа.',
		'Обращение от 10 мая рассмотрено.',
		'Заявка №4421 создана 13.05 в 09:12.',
		'Мы закрываем чат. Если вопросы останутся, напишите до пятницы.',
		'We are open from 9 am to 6 pm, Monday to Friday.',
		'We will get back to you within hours.',
		'Проверка заняла 3 рабочих дня.',
		'Please note the inspection is scheduled for May 20.',
		'Обратите внимание, проверка назначена на 20 мая.',
		'Штраф будет отменён, если до 20 мая вы загрузите фото.',
		'Для пересмотра пришлите видео выдачи за 26 мая целиком.',
		'Срок хранения для ПВЗ-77-1480 уменьшили до 7 дней.',
		'This ticket will be closed in 3 days if there is no reply.',
		'Учетную запись сотрудника отключили в 11:30, его выдачи сохранятся в отчетах.',
		'Хранение для вашего пункта сократили до 7 дней, незабранные уедут автоматически.',
		'Извините, что так долго, сегодня большая очередь.',
		'Гарантировать сегодня не могу, проверка идет 2 дня.',
		'Покупатель пишет: «Верните деньги до понедельника, иначе пойду в суд».',
		'Ваш пункт выдает заказы с 10:00 до 21:00.',
		'Выплата производится еженедельно по пятницам до 18:00.',
		'Сертификат подписи действует до 15 июля 2025 года, продлевать его не нужно.',
		'Ответ придет здесь же, обычно в течение дня.',
		'Поставили напоминание на 5 июня, до этого писать не нужно.',
		'Пусть сотрудник выйдет и зайдет заново, письмо коллегам отправлено сегодня.',
		"The courier's note ‘Your refund will be processed by Friday’ was not from us.",
		'Выплата за период 22.04–28.04 придет по графику.',
		'Просим подписать акт, так как 1 июня закрывается период.'
	])('%s', (text) => {
		expect(findCommitments(text, Date.parse(MON), MSK)).toEqual([]);
	});
});

describe('findCommitments: phrases and several commitments', () => {
	it('keeps each commitment of a message, with the words that set it', () => {
		const found = findCommitments('Загрузите фотоотчёт до 20 мая, мы проверим его в течение 3 рабочих дней.', Date.parse(MON), MSK);
		expect(found.map((c) => [c.kind, c.phrase, formatIsoWithOffset(c.due_at, MSK)])).toEqual([
			['deadline', 'до 20 мая', '2024-05-20T23:59:59+03:00'],
			['promise', 'в течение 3 рабочих дней', '2024-05-16T23:59:59+03:00']
		]);
	});

	it('keeps the phrase as written (capitals, ё)', () => {
		const [c] = findCommitments('ЗАГРУЗИТЕ отчёт До 20 Мая Включительно', Date.parse(MON), MSK);
		expect(c.phrase).toBe('До 20 Мая Включительно');
	});

	it('keeps a repeated commitment once', () => {
		expect(findCommitments('Ответим до 15:00. Да, ответим до 15:00.', Date.parse(MON), MSK)).toHaveLength(1);
	});
});
