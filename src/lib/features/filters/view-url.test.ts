import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from './schedule';
import { DEFAULT_TARGET_S, hasFilters, isDay, readViewUrl, viewSearch, writeViewUrl } from './view-url';

const read = (query: string) => readViewUrl(new URLSearchParams(query));

describe('readViewUrl', () => {
	it('gives everything, one hour, calendar time for an empty link', () => {
		expect(read('')).toEqual({ options: { filters: {}, targetS: DEFAULT_TARGET_S, businessHours: null }, hoursError: null });
	});
	it('reads dates, repeated departments, agents, customers and the target', () => {
		const { options } = read('from=2024-05-01&to=2024-05-31&dept=A&dept=B&agent=Иванов&customer=ПВЗ-1&target=900');
		expect(options.filters).toEqual({ from: '2024-05-01', to: '2024-05-31', departments: ['A', 'B'], agents: ['Иванов'], customers: ['ПВЗ-1'] });
		expect(options.targetS).toBe(900);
	});
	it('reads the schedule of the brief', () => {
		expect(read('hours=mon-fri+09:00-18:00').options.businessHours).toEqual(DEFAULT_SCHEDULE);
	});
	it('reports an unreadable schedule and leaves business hours off', () => {
		const state = read('hours=someday');
		expect(state.options.businessHours).toBeNull();
		expect(state.hoursError?.code).toBe('unknown-day');
	});
	it('ignores impossible dates and a bad target', () => {
		const { options } = read('from=2024-02-30&to=yesterday&target=-5');
		expect(options.filters).toEqual({});
		expect(options.targetS).toBe(DEFAULT_TARGET_S);
	});
	it('puts a backwards range the right way round', () => {
		expect(read('from=2024-06-01&to=2024-05-01').options.filters).toEqual({ from: '2024-05-01', to: '2024-06-01' });
	});
	it('drops empty and repeated values', () => {
		expect(read('dept=&dept=A&dept=A').options.filters.departments).toEqual(['A']);
	});
});

describe('writeViewUrl', () => {
	it('writes the example link of the brief', () => {
		const params = writeViewUrl({
			filters: { from: '2024-05-01', to: '2024-05-31', departments: ['A', 'B'] },
			targetS: 900,
			businessHours: DEFAULT_SCHEDULE
		});
		expect(params.toString()).toBe('from=2024-05-01&to=2024-05-31&dept=A&dept=B&target=900&hours=mon-fri+09%3A00-18%3A00');
	});
	it('leaves out the default target and empty lists', () => {
		expect(writeViewUrl({ filters: { departments: [] }, targetS: DEFAULT_TARGET_S, businessHours: null }).toString()).toBe('');
	});
	it('keeps parameters that are not the view’s and replaces the old view', () => {
		const params = writeViewUrl({ filters: { agents: ['Б'] }, targetS: 3_600, businessHours: null }, new URLSearchParams('tab=2&agent=А&target=60'));
		expect(params.getAll('agent')).toEqual(['Б']);
		expect(params.get('tab')).toBe('2');
		expect(params.has('target')).toBe(false);
	});
	it('is read back to the same view, Cyrillic included', () => {
		const options = { filters: { from: '2024-03-01', departments: ['Бренд-менеджер', 'Проверка пункта'], customers: ['ПВЗ-77-0061'] }, targetS: 28_800, businessHours: DEFAULT_SCHEDULE };
		expect(readViewUrl(writeViewUrl(options)).options).toEqual(options);
	});
});

describe('viewSearch', () => {
	it('is empty for the default view and starts with "?" otherwise', () => {
		expect(viewSearch({ filters: {}, targetS: DEFAULT_TARGET_S, businessHours: null })).toBe('');
		expect(viewSearch({ filters: { to: '2024-05-01' }, targetS: DEFAULT_TARGET_S, businessHours: null })).toBe('?to=2024-05-01');
	});
});

describe('isDay and hasFilters', () => {
	it('knows real days', () => {
		expect(isDay('2024-02-29')).toBe(true);
		expect(isDay('2023-02-29')).toBe(false);
	});
	it('does not count empty lists as filters', () => {
		expect(hasFilters({ departments: [] })).toBe(false);
		expect(hasFilters({ customers: ['x'] })).toBe(true);
	});
});
