/**
 * The words of the shared HTML report in its two languages. Kept here rather than in src/lib/i18n: the report is
 * made in one language chosen when it is shared, whatever the app's language, and it needs only these few strings.
 */
import type { ReplyBucket } from '$lib/analysis/view-types';
import type { ShareLanguage } from './share-report';

const RU = {
	title: 'Отчёт о работе поддержки',
	owner: 'Владелец',
	period: 'Период',
	timeZone: 'часовой пояс',
	source: (files: number, messages: string, conversations: string) =>
		`Данные: ${files} ${files === 1 ? 'файл' : files < 5 ? 'файла' : 'файлов'}, ${messages} сообщений, ${conversations} обращений`,
	generated: 'Создан',
	anonymised: 'Имена, телефоны, номера заказов и другие личные данные заменены псевдонимами.',
	notAnonymised: 'Не обезличен: содержит имена и другие личные данные. Только для личного пользования.',
	conversations: 'Обращений',
	firstResponseMedian: 'Медиана первого ответа',
	replyMedian: 'Медиана ответа',
	withinTarget: (target: string) => `Ответов в пределах ${target}`,
	handoffShare: 'Обращений с передачей в другой отдел',
	departmentsTitle: 'Отделы',
	department: 'Отдел',
	noDepartment: 'без отдела',
	agentMessages: 'Ответов',
	firstResponse: 'Первый ответ',
	reply: 'Ответ',
	median: 'медиана',
	p90: '90-й процентиль',
	templated: 'Шаблонных',
	offTopic: 'Не по теме',
	handedOn: 'Передано дальше',
	timesChart: 'Время первого ответа и ответа по отделам (медиана, линия — до 90-го процентиля; шкала логарифмическая)',
	bucketsChart: 'Сколько ответов пришло за какое время',
	bucket: 'Время ответа',
	replies: 'Ответов',
	weeklyChart: 'Медиана первого ответа по неделям (шкала логарифмическая)',
	week: 'Неделя с',
	flowsChart: 'Передачи между отделами',
	flow: 'Откуда → куда',
	transfers: 'Передач',
	chainsTitle: 'Частые цепочки отделов',
	chain: 'Цепочка',
	durationMedian: 'Медиана длительности',
	pingPong: 'Возвраты',
	templatesTitle: 'Самые частые шаблоны',
	templateText: 'Текст',
	uses: 'Использований',
	humanCopiesBot: 'Сотрудники копируют бота',
	yes: 'да',
	offTopicTitle: 'Ответы не по теме: самые явные примеры',
	question: 'Вопрос',
	answer: 'Ответ',
	relevance: 'Релевантность',
	agentsTitle: 'Сотрудники',
	agent: 'Сотрудник',
	showTable: 'Таблица с числами',
	footer: 'Сделано в replyscope. Файл открывается без интернета и ничего не загружает.',
	buckets: {
		under_5m: 'до 5 мин', '5m_30m': '5–30 мин', '30m_2h': '30 мин – 2 ч', '2h_8h': '2–8 ч', '8h_24h': '8–24 ч',
		'1d_3d': '1–3 дн', over_3d: 'больше 3 дн'
	} satisfies Record<ReplyBucket, string>
};

export type ShareStrings = typeof RU;

const EN: ShareStrings = {
	title: 'Support performance report',
	owner: 'Owner',
	period: 'Period',
	timeZone: 'time zone',
	source: (files, messages, conversations) => `Data: ${files} file${files === 1 ? '' : 's'}, ${messages} messages, ${conversations} conversations`,
	generated: 'Made',
	anonymised: 'Names, phone numbers, order numbers and other personal data are replaced by pseudonyms.',
	notAnonymised: 'Not anonymised: contains names and other personal data. For your own use only.',
	conversations: 'Conversations',
	firstResponseMedian: 'Median first response',
	replyMedian: 'Median reply time',
	withinTarget: (target) => `Replies within ${target}`,
	handoffShare: 'Conversations handed to another department',
	departmentsTitle: 'Departments',
	department: 'Department',
	noDepartment: 'no department',
	agentMessages: 'Replies',
	firstResponse: 'First response',
	reply: 'Reply',
	median: 'median',
	p90: '90th percentile',
	templated: 'Templated',
	offTopic: 'Off-topic',
	handedOn: 'Handed on',
	timesChart: 'First response and reply time by department (median; the line runs to the 90th percentile; log scale)',
	bucketsChart: 'How long replies took',
	bucket: 'Reply time',
	replies: 'Replies',
	weeklyChart: 'Median first response by week (log scale)',
	week: 'Week of',
	flowsChart: 'Handoffs between departments',
	flow: 'From → to',
	transfers: 'Transfers',
	chainsTitle: 'Common department chains',
	chain: 'Chain',
	durationMedian: 'Median duration',
	pingPong: 'Back and forth',
	templatesTitle: 'Most used templates',
	templateText: 'Text',
	uses: 'Uses',
	humanCopiesBot: 'Agents copy the bot',
	yes: 'yes',
	offTopicTitle: 'Off-topic replies: the clearest examples',
	question: 'Question',
	answer: 'Answer',
	relevance: 'Relevance',
	agentsTitle: 'Agents',
	agent: 'Agent',
	showTable: 'Table of the numbers',
	footer: 'Made with replyscope. This file opens offline and loads nothing.',
	buckets: {
		under_5m: 'under 5 min', '5m_30m': '5–30 min', '30m_2h': '30 min – 2 h', '2h_8h': '2–8 h', '8h_24h': '8–24 h',
		'1d_3d': '1–3 d', over_3d: 'over 3 d'
	}
};

/** The report's words in `language`. */
export function shareStrings(language: ShareLanguage): ShareStrings {
	return language === 'ru' ? RU : EN;
}
