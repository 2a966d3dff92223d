import { describe, expect, it } from 'vitest';
import { TOPIC_LABELS, topicAffinity, topicOfWord } from './relevance-topics';

describe('topicOfWord', () => {
	it('maps paraphrases of one topic to the same topic, in Russian and English', () => {
		expect(topicOfWord('штрафа')).toBe('fine');
		expect(topicOfWord('санкция')).toBe('fine');
		expect(topicOfWord('penalty')).toBe('fine');
		expect(topicOfWord('касса')).toBe('register');
		expect(topicOfWord('аппарат')).toBe('register');
		expect(topicOfWord('ккт')).toBe('register');
		expect(topicOfWord('receipt')).toBe('register');
		expect(topicOfWord('фотоотчет')).toBe('photo');
		expect(topicOfWord('выплата')).toBe('payout');
		expect(topicOfWord('перечислили')).toBe('payout');
	});

	it('keeps qualified roles apart', () => {
		expect(topicOfWord('бренд-менеджер')).toBe('brand_manager');
		expect(topicOfWord('территориальный менеджер')).toBe('territorial_manager');
		expect(topicOfWord('territory manager')).toBe('territorial_manager');
	});

	it('leaves out look-alikes: the imperative «проверьте», a jar («банка»), «переведены в возврат»', () => {
		expect(topicOfWord('проверка')).toBe('inspection');
		expect(topicOfWord('проверьте')).toBeNull();
		expect(topicOfWord('банке')).toBe('payout');
		expect(topicOfWord('банка')).toBeNull();
		expect(topicOfWord('переведены')).toBeNull();
		expect(topicOfWord('актуальная')).toBeNull();
		expect(topicOfWord('акт')).toBe('claim');
	});

	it('gives no topic to words that go with every topic', () => {
		for (const w of ['отправление', 'заказ', 'посылка', 'parcel', 'order']) expect(topicOfWord(w)).toBeNull();
	});

	it('labels every topic for the UI', () => {
		for (const w of ['штраф', 'касса', 'выплата', 'возврат', 'кабинет']) expect(TOPIC_LABELS[topicOfWord(w)!]).toBeTruthy();
	});
});

describe('topicAffinity', () => {
	it('is 1 for the same topic, partial for neighbours, 0 otherwise, and symmetric', () => {
		expect(topicAffinity('fine', 'fine')).toBe(1);
		expect(topicAffinity('deduction', 'fine')).toBe(0.8);
		expect(topicAffinity('photo', 'inspection')).toBe(0.5);
		expect(topicAffinity('inspection', 'photo')).toBe(0.5);
		expect(topicAffinity('payout', 'branding')).toBe(0);
		expect(topicAffinity('brand_manager', 'territorial_manager')).toBe(0);
	});
});
