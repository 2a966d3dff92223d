/**
 * The support sections an owner can write to, and how each behaves. The numbers are invented but
 * shaped like what owners describe: the bot answers in seconds, tech support in minutes to hours,
 * the brand manager in days, the territorial manager slowly and sometimes never, claims in 1-3 days.
 */
import type { Department, DeptName } from '../types';
import type { Schedule } from '../clock';

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const WEEKDAYS = [1, 2, 3, 4, 5];

const office = (from: number, to: number): Schedule => ({ days: WEEKDAYS, from, to, restsOnHolidays: true });
const line = (from: number, to: number, days = EVERY_DAY): Schedule => ({ days, from, to, restsOnHolidays: false });

export const BOT_NAME = 'Бот-помощник';
export const SYSTEM_NAME = 'Система';

export const DEPARTMENTS: Record<DeptName, Department> = {
	Техподдержка: {
		name: 'Техподдержка',
		redirectTo: 'в техподдержку',
		sentFrom: 'из техподдержки',
		staff: ['Анастасия К.', 'Дмитрий С.', 'Екатерина М.', 'Максим Р.', 'Ольга Л.', 'Артём В.', 'Юлия Н.', 'Сергей Б.'],
		botShare: 0.6,
		reply: { medianMinutes: 25, sigma: 1.3 },
		hours: line(8, 22),
		silence: { first: 0.02, later: 0.05 },
		mix: { answer: 50, wait: 8, promise: 4, handoff: 12, redirect: 12, offtopic: 4, generic: 5, copyBot: 3 },
		canned: { answer: 0.03, wait: 0.8, promise: 0.8, handoff: 0.3, redirect: 0.3, generic: 0.3 }
	},
	'Проверка пункта': {
		name: 'Проверка пункта',
		redirectTo: 'в раздел «Проверка пункта»',
		sentFrom: 'из раздела «Проверка пункта»',
		staff: ['Валерия Т.', 'Никита Ж.', 'Алина Г.', 'Павел Е.'],
		botShare: 0.3,
		reply: { medianMinutes: 180, sigma: 1.1 },
		hours: line(9, 20, [1, 2, 3, 4, 5, 6]),
		silence: { first: 0.04, later: 0.08 },
		mix: { answer: 55, wait: 10, promise: 5, handoff: 10, redirect: 10, offtopic: 4, generic: 4, copyBot: 2 },
		canned: { answer: 0.1, wait: 0.85, promise: 0.85, handoff: 0.4, redirect: 0.4, generic: 0.4 }
	},
	'Бренд-менеджер': {
		name: 'Бренд-менеджер',
		redirectTo: 'к бренд-менеджеру',
		sentFrom: 'от бренд-менеджера',
		staff: ['Кристина Лебедева', 'Марина Белова'],
		botShare: 0,
		reply: { medianMinutes: 900, sigma: 0.8 },
		hours: office(10, 19),
		silence: { first: 0.1, later: 0.15 },
		mix: { answer: 60, wait: 12, promise: 10, handoff: 4, redirect: 4, offtopic: 4, generic: 4, copyBot: 2 },
		canned: { answer: 0, wait: 0.5, promise: 0.5, handoff: 0.1, redirect: 0.1, generic: 0.1 }
	},
	'Территориальный менеджер': {
		name: 'Территориальный менеджер',
		redirectTo: 'к территориальному менеджеру',
		sentFrom: 'от территориального менеджера',
		staff: [],
		botShare: 0,
		reply: { medianMinutes: 700, sigma: 1.2 },
		hours: office(10, 18),
		silence: { first: 0.25, later: 0.5 },
		mix: { answer: 30, wait: 8, promise: 6, handoff: 4, redirect: 12, offtopic: 10, generic: 12, copyBot: 18 },
		canned: { answer: 0, wait: 0, promise: 0, handoff: 0, redirect: 0, generic: 0 }
	},
	Претензии: {
		name: 'Претензии',
		redirectTo: 'в раздел «Претензии»',
		sentFrom: 'из раздела «Претензии»',
		staff: ['Ольга П.', 'Игорь Н.', 'Валентина Ш.', 'Татьяна Д.'],
		botShare: 0.6,
		reply: { medianMinutes: 720, sigma: 0.5 },
		hours: office(9, 18),
		silence: { first: 0.04, later: 0.12 },
		mix: { answer: 55, wait: 6, promise: 15, handoff: 4, redirect: 5, offtopic: 5, generic: 6, copyBot: 4 },
		canned: { answer: 0.35, wait: 0.9, promise: 0.9, handoff: 0.7, redirect: 0.7, generic: 0.7 }
	},
	Выплаты: {
		name: 'Выплаты',
		redirectTo: 'в раздел «Выплаты»',
		sentFrom: 'из раздела «Выплаты»',
		staff: ['Ирина Ф.', 'Роман К.', 'Елена С.'],
		botShare: 0.5,
		reply: { medianMinutes: 150, sigma: 1.1 },
		hours: office(9, 18),
		silence: { first: 0.04, later: 0.08 },
		mix: { answer: 60, wait: 8, promise: 10, handoff: 5, redirect: 8, offtopic: 4, generic: 3, copyBot: 2 },
		canned: { answer: 0.4, wait: 0.9, promise: 0.9, handoff: 0.75, redirect: 0.75, generic: 0.75 }
	},
	Логистика: {
		name: 'Логистика',
		redirectTo: 'в раздел «Логистика»',
		sentFrom: 'из логистики',
		staff: ['Владимир А.', 'Светлана О.', 'Кирилл М.'],
		botShare: 0.4,
		reply: { medianMinutes: 90, sigma: 1.1 },
		hours: line(8, 21),
		silence: { first: 0.05, later: 0.08 },
		mix: { answer: 55, wait: 10, promise: 8, handoff: 8, redirect: 8, offtopic: 4, generic: 4, copyBot: 3 },
		canned: { answer: 0.1, wait: 0.85, promise: 0.85, handoff: 0.4, redirect: 0.4, generic: 0.4 }
	}
};
