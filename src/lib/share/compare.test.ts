import { describe, expect, it } from 'vitest';
import { compareDepartments, departmentKey, median, ownerNames, type ComparedOwner } from './compare';
import type { ShareDepartment, ShareReport } from './share-report';
import { sampleReport } from './share-link.fixture';

function dept(department: string | null, first: number | null, patch: Partial<ShareDepartment> = {}): ShareDepartment {
	return {
		department, conversations: 10, agent_messages: 20, first_response_median_s: first, first_response_p90_s: null,
		reply_median_s: first === null ? null : first * 2, reply_p90_s: null, within_target_share: null,
		templated_share: 0.1, off_topic_share: 0.05, handoff_share: 0.2, ...patch
	};
}

const owner = (name: string, departments: ShareDepartment[], patch: Partial<ShareReport> = {}): ComparedOwner => ({
	name, report: sampleReport({ owner: name, departments, ...patch })
});

describe('compareDepartments', () => {
	it('puts each owner side by side with the group median of three owners', () => {
		const rows = compareDepartments([
			owner('А', [dept('Техподдержка', 60, { templated_share: 0.1 })]),
			owner('Б', [dept('Техподдержка', 600, { templated_share: 0.3 })]),
			owner('В', [dept('Техподдержка', 180, { templated_share: 0.2 })])
		]);
		expect(rows).toHaveLength(1);
		expect(rows[0].owners.map((f) => f?.first_response_median_s)).toEqual([60, 600, 180]);
		expect(rows[0].group.first_response_median_s).toBe(180);
		expect(rows[0].group.reply_median_s).toBe(360);
		expect(rows[0].group.templated_share).toBe(0.2);
	});

	it('leaves a gap for an owner whose report lacks a department, and takes the median of the others', () => {
		const rows = compareDepartments([
			owner('А', [dept('Техподдержка', 60), dept('Финансы', 100)]),
			owner('Б', [dept('Техподдержка', 120)]),
			owner('В', [dept('Техподдержка', 90), dept('Финансы', 300)])
		]);
		const finance = rows.find((r) => r.department === 'Финансы')!;
		expect(finance.owners[1]).toBeNull();
		expect(finance.group.first_response_median_s).toBe(200);
	});

	it('matches departments whatever their case and spacing, and department-less rows across languages', () => {
		const rows = compareDepartments([
			owner('А', [dept('Бренд-менеджер', 60), dept(null, 10)], { language: 'ru' }),
			owner('Б', [dept('  бренд-менеджер ', 120), dept(null, 30)], { language: 'en' })
		]);
		expect(rows.map((r) => r.department)).toEqual(['Бренд-менеджер', null]);
		expect(rows[0].owners.every((f) => f !== null)).toBe(true);
		expect(rows[1].group.first_response_median_s).toBe(20);
	});

	it('orders departments by their conversations across the reports, the department-less row last', () => {
		const rows = compareDepartments([
			owner('А', [dept(null, 1, { conversations: 500 }), dept('Малый', 1, { conversations: 5 })]),
			owner('Б', [dept('Большой', 1, { conversations: 50 }), dept('малый', 1, { conversations: 5 })])
		]);
		expect(rows.map((r) => r.department)).toEqual(['Большой', 'Малый', null]);
	});
});

describe('ownerNames', () => {
	const numbered = (n: number) => `Владелец ${n}`;

	it("uses each owner's own name, else their place in the list", () => {
		const reports = [sampleReport({ owner: 'ПВЗ на Ленина' }), sampleReport({ owner: null }), sampleReport({ owner: '  ' })];
		expect(ownerNames(reports, numbered)).toEqual(['ПВЗ на Ленина', 'Владелец 2', 'Владелец 3']);
	});

	it('tells apart owners who chose the same name', () => {
		const reports = [sampleReport({ owner: 'ПВЗ' }), sampleReport({ owner: 'ПВЗ' })];
		expect(ownerNames(reports, numbered)).toEqual(['ПВЗ', 'ПВЗ (2)']);
	});
});

describe('median and departmentKey', () => {
	it('takes the middle value, or the mean of the two middle ones, leaving nulls out', () => {
		expect(median([3, null, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([null])).toBeNull();
	});

	it('treats ё as е', () => {
		expect(departmentKey('Учёт')).toBe(departmentKey('учет'));
	});
});
