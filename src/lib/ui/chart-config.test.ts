import { describe, expect, it } from 'vitest';
import { buildChartConfig, niceDurationStep, pictureFileName, wrapLabel, type ChartSpec } from './chart-config';

const spec: ChartSpec = {
	type: 'bar',
	horizontal: true,
	categories: ['Техподдержка', 'Бренд-менеджер'],
	series: [
		{ label: 'Медиана', values: [600, 7_200], color: '#2563eb' },
		{ label: '90-й перцентиль', values: [3_600, null], color: '#ea580c' }
	],
	categoryTitle: 'Отдел',
	valueTitle: 'время ответа',
	formatValue: (v) => `${v} с`
};

describe('buildChartConfig', () => {
	it('puts categories on the y axis for horizontal bars', () => {
		const config = buildChartConfig(spec, 'Первый ответ', false);
		expect(config.options?.indexAxis).toBe('y');
		expect(config.options?.scales?.y?.type).toBe('category');
		expect(config.options?.scales?.x?.type).toBe('linear');
	});
	it('titles both axes with the given words', () => {
		const scales = buildChartConfig(spec, 'Первый ответ', false).options?.scales as Record<string, { title: { text: string } }>;
		expect(scales.y.title.text).toBe('Отдел');
		expect(scales.x.title.text).toBe('время ответа');
	});
	it('formats value ticks with the caller function', () => {
		const scales = buildChartConfig(spec, 'Первый ответ', false).options?.scales as Record<string, { ticks: { callback: (v: number) => string } }>;
		expect(scales.x.ticks.callback(600)).toBe('600 с');
	});
	it('keeps one dataset per series, with a legend', () => {
		const config = buildChartConfig(spec, 'Первый ответ', false);
		expect(config.data.datasets.map((d) => d.label)).toEqual(['Медиана', '90-й перцентиль']);
		expect(config.options?.plugins?.legend?.display).toBe(true);
	});
	it('hides the title on screen but carries its text for the picture', () => {
		const title = buildChartConfig(spec, 'Первый ответ', false).options?.plugins?.title;
		expect(title?.display).toBe(false);
		expect(title?.text).toBe('Первый ответ');
	});
	it('switches animation off on request', () => {
		expect(buildChartConfig(spec, 't', false).options?.animation).toBe(false);
	});
});

describe('niceDurationStep', () => {
	it('steps by minutes for a range of minutes', () => {
		expect(niceDurationStep(25 * 60)).toBe(300);
	});
	it('steps by whole hours for a range of hours', () => {
		expect(niceDurationStep(5 * 3_600)).toBe(3_600);
	});
	it('steps by days for a range of days', () => {
		expect(niceDurationStep(9 * 86_400)).toBe(172_800);
	});
	it('has a fallback for an empty range', () => {
		expect(niceDurationStep(0)).toBe(60);
	});
	it('steps by whole weeks beyond a month', () => {
		expect(niceDurationStep(400 * 86_400) % 604_800).toBe(0);
	});
});

describe('pictureFileName', () => {
	it('turns a Russian title into a file name', () => {
		expect(pictureFileName('Сообщения по дням')).toBe('сообщения-по-дням.png');
	});
	it('has a fallback for a title without letters', () => {
		expect(pictureFileName('—')).toBe('chart.png');
	});
});

describe('wrapLabel', () => {
	it('leaves a short label as it is', () => {
		expect(wrapLabel('Выплаты')).toBe('Выплаты');
	});
	it('breaks a long label at a space into two lines', () => {
		expect(wrapLabel('Территориальный менеджер')).toEqual(['Территориальный', 'менеджер']);
	});
	it('breaks after a hyphen', () => {
		expect(wrapLabel('Бренд-менеджер по ребрендингу', 10)).toEqual(['Бренд-', 'менеджер…']);
	});
	it('marks a label cut after the last line', () => {
		const lines = wrapLabel('Отдел претензий и компенсаций по штрафам и удержаниям');
		expect(lines).toHaveLength(2);
		expect((lines as string[])[1].endsWith('…')).toBe(true);
	});
	it('cuts a single overlong word', () => {
		expect(wrapLabel('Сверхдлинноеназваниеотделабезпробелов')).toBe('Сверхдлинноеназвани…');
	});
});
