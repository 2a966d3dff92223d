/** Shapes shared by the demo generator's data tables and its simulation. */
import type { Schedule } from './clock';

export const DEPARTMENT_NAMES = [
	'Техподдержка',
	'Проверка пункта',
	'Бренд-менеджер',
	'Территориальный менеджер',
	'Претензии',
	'Выплаты',
	'Логистика'
] as const;

export type DeptName = (typeof DEPARTMENT_NAMES)[number];

/** The `Роль` column. */
export type RoleLabel = 'Клиент' | 'Сотрудник' | 'Бот' | 'Система';

/** How a staff reply goes (see replies.ts). */
export type ReplyKind = 'answer' | 'wait' | 'promise' | 'handoff' | 'redirect' | 'offtopic' | 'generic' | 'copyBot';

export interface Department {
	name: DeptName;
	/** Where to send an owner, as staff say it: «Обратитесь, пожалуйста, к бренд-менеджеру». */
	redirectTo: string;
	/** Where an owner says she was sent from: «Меня направили к вам из техподдержки». */
	sentFrom: string;
	/** Names in the `Отправитель` column; the territorial manager's name comes from the point's region. */
	staff: readonly string[];
	/** Share of new conversations in this section that the bot answers first. */
	botShare: number;
	/** Reply delay in working minutes: log-normal median and spread. */
	reply: { medianMinutes: number; sigma: number };
	hours: Schedule;
	/** Chance that a reply never comes: to the first message, and once the dialogue is under way. */
	silence: { first: number; later: number };
	/** Relative weights of reply kinds before the topic adjusts them. */
	mix: Record<ReplyKind, number>;
	/**
	 * Chance that a reply of this kind is a canned text rather than one written for the case (compose.ts).
	 * Pasted bot text is always canned; an off-topic answer to another question follows `answer`.
	 */
	canned: Record<WrittenKind, number>;
}

/** Reply kinds that staff either paste from stock or write for the case. */
export type WrittenKind = 'answer' | 'wait' | 'promise' | 'handoff' | 'redirect' | 'generic';

export interface Topic {
	key: string;
	/** Relative frequency among new conversations. */
	weight: number;
	/** The department that can actually answer. */
	home: DeptName;
	/** Sections owners write to about this topic, with weights (the home section included). */
	sections: Partial<Record<DeptName, number>>;
	/** A few words the owner uses when complaining that the reply missed: «Вопрос был про {topic}». */
	short: string;
	/** Knowledge-base article the bot suggests. */
	kb: string;
	/** The questions owners ask about it. */
	cases: readonly TopicCase[];
	/** Optional second and third messages: details, photos, urgency. */
	details: readonly string[];
	/** What the owner asks after a proper answer. */
	clarify: readonly string[];
	/** Proper answers to any of its questions, by the department giving them. */
	answers: Partial<Record<DeptName, readonly string[]>>;
	/** Replies that miss this topic in a memorable way (beside random answers to other topics). */
	offTopic?: readonly string[];
}

/** One question of a topic. */
export interface TopicCase {
	/** Phrasings of the first message (templates, see template.ts). */
	ask: readonly string[];
	/** Details and follow-up questions that fit only this question (instead of the topic's). */
	details?: readonly string[];
	clarify?: readonly string[];
	/** Answers that fit this question, by department, before the topic's general ones. */
	answers?: Partial<Record<DeptName, readonly string[]>>;
}

export interface Region {
	code: string;
	city: string;
	/** The territorial manager of all points in the region. */
	manager: string;
}

export interface Point {
	id: string;
	region: Region;
	/** «Фамилия Имя» as the export shows the owner. */
	sender: string;
	/** Verb endings in the owner's own messages: «я писала» / «я писал». */
	female: boolean;
	/** Ways staff address the owner: «Ирина», «Ирина Викторовна». */
	addresses: readonly string[];
	/** Relative activity: a few points write much more than others. */
	activity: number;
}

/** A conversation to simulate: who, where, when, about what. */
export interface ConversationSpec {
	start: number;
	point: Point;
	topic: Topic;
	/** Which of the topic's questions; drawn at random when absent. */
	question?: TopicCase;
	section: DeptName;
	/** Set when an owner opens this conversation because another section sent her here. */
	sentFrom?: DeptName;
	/** Set for the scripted story: its rows are written as they are. */
	script?: ScriptedConversation;
}

/** One row of a scripted conversation (the story). `who` is 'owner', 'bot', 'system' or a staff name. */
export interface ScriptedMessage {
	at: string;
	who: string;
	text: string;
	/** Defaults to the conversation's section. */
	dept?: DeptName;
}

export interface ScriptedConversation {
	section: DeptName;
	messages: readonly ScriptedMessage[];
}

/** A message before ids are assigned. */
export interface DraftRow {
	at: number;
	role: RoleLabel;
	sender: string;
	dept: DeptName;
	text: string;
	/** How the simulation meant a staff reply (replies.ts); absent on other rows and in the scripted story. */
	kind?: ReplyKind;
}
