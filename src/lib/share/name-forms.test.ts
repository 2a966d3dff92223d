import { describe, expect, it } from 'vitest';
import { nameForms } from './name-forms';

describe('nameForms', () => {
	it('declines feminine names and surnames in -а', () => {
		expect(nameForms('Анна')).toEqual(expect.arrayContaining(['Анна', 'Анны', 'Анне', 'Анну', 'Анной']));
		expect(nameForms('Ольга')).toEqual(expect.arrayContaining(['Ольги', 'Ольге', 'Ольгу', 'Ольгой']));
		expect(nameForms('Смирнова')).toEqual(expect.arrayContaining(['Смирновой', 'Смирнову']));
	});

	it('declines names in -ия, -ья, -ий, -й, -ь and consonants', () => {
		expect(nameForms('Мария')).toEqual(expect.arrayContaining(['Марии', 'Марию', 'Марией']));
		expect(nameForms('Наталья')).toEqual(expect.arrayContaining(['Натальи', 'Наталье', 'Наталью', 'Натальей']));
		expect(nameForms('Дмитрий')).toEqual(expect.arrayContaining(['Дмитрия', 'Дмитрию', 'Дмитрием']));
		expect(nameForms('Андрей')).toEqual(expect.arrayContaining(['Андрея', 'Андрею', 'Андреем']));
		expect(nameForms('Игорь')).toEqual(expect.arrayContaining(['Игоря', 'Игорю', 'Игорем']));
		expect(nameForms('Иванов')).toEqual(expect.arrayContaining(['Иванова', 'Иванову', 'Ивановым']));
		expect(nameForms('Павел')).toEqual(expect.arrayContaining(['Павла', 'Павлу', 'Павлом']));
		expect(nameForms('Вишневская')).toEqual(expect.arrayContaining(['Вишневской', 'Вишневскую']));
	});

	it('spells ё also as е and capitalises', () => {
		expect(nameForms('артём')).toEqual(expect.arrayContaining(['Артём', 'Артем', 'Артёма', 'Артема']));
	});

	it('leaves Latin names as they are', () => {
		expect(nameForms('john')).toEqual(['John']);
	});
});
