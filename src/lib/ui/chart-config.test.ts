import { describe, expect, it } from 'vitest';
import {
	buildChartConfig,
	logDurationTicks,
	needsLogScale,
	niceDurationStep,
	pickElement,
	pictureFileName,
	valueRange,
	withAlpha,
	wrapLabel,
	type ChartSpec
} from './chart-config';

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

describe('logDurationTicks', () => {
	it('marks whole minutes, hours and days from below the smallest to above the largest value', () => {
		expect(logDurationTicks(400, 5 * 86_400)).toEqual([300, 1_800, 7_200, 28_800, 86_400, 604_800]);
	});
	it('does not crowd the top tick with one just below it', () => {
		const ticks = logDurationTicks(10, 5 * 86_400);
		expect(ticks.at(-2)! * 3).toBeLessThanOrEqual(ticks.at(-1)!);
	});
	it('keeps no more than the asked number of ticks, first and last included', () => {
		const ticks = logDurationTicks(1, 2_419_200, 6);
		expect(ticks.length).toBeLessThanOrEqual(7);
		expect(ticks[0]).toBe(1);
		expect(ticks.at(-1)).toBe(2_419_200);
	});
});

describe('needsLogScale and valueRange', () => {
	it('asks for a log scale when minutes meet days', () => {
		expect(needsLogScale(valueRange([{ label: 'a', values: [60, null, 7 * 86_400], color: '#000000' }]))).toBe(true);
		expect(needsLogScale(valueRange([{ label: 'a', values: [600, 3_600], color: '#000000' }]))).toBe(false);
	});
	it('has no range without values', () => {
		expect(valueRange([{ label: 'a', values: [null], color: '#000000' }])).toBeNull();
	});
});

describe('buildChartConfig extensions', () => {
	const line: ChartSpec = { ...spec, type: 'line', horizontal: false, series: [{ label: 'A', values: [60, 7 * 86_400], color: '#2563eb' }], logarithmic: true };
	it('draws a logarithmic value axis when asked and the values allow it', () => {
		const scales = buildChartConfig(line, 't', false).options?.scales as Record<string, { type: string; min: number }>;
		expect(scales.y.type).toBe('logarithmic');
		expect(scales.y.min).toBe(60);
	});
	it('stacks both axes for a stacked chart', () => {
		const scales = buildChartConfig({ ...spec, stacked: true }, 't', false).options?.scales as Record<string, { stacked: boolean }>;
		expect(scales.x.stacked).toBe(true);
		expect(scales.y.stacked).toBe(true);
	});
	it('draws an overlay as ungrouped bars, the first narrower and in front', () => {
		const datasets = buildChartConfig({ ...spec, overlay: true }, 't', false).data.datasets as { grouped: boolean; barPercentage: number; order: number }[];
		expect(datasets.map((d) => d.grouped)).toEqual([false, false]);
		expect(datasets[0].barPercentage).toBeLessThan(datasets[1].barPercentage);
		expect(datasets[0].order).toBeLessThan(datasets[1].order);
	});
	it('colours bars one by one when a series gives colours', () => {
		const config = buildChartConfig({ ...spec, series: [{ ...spec.series[0], colors: ['#111111', '#222222'] }] }, 't', false);
		expect(config.data.datasets[0].backgroundColor).toEqual(['#111111', '#222222']);
	});
	it('uses the fuller tooltip title of a category', () => {
		const config = buildChartConfig({ ...spec, tooltipTitles: ['Техподдержка — 12 ответов', 'b'] }, 't', false);
		const title = config.options?.plugins?.tooltip?.callbacks?.title as unknown as (items: { dataIndex: number }[]) => string;
		expect(title([{ dataIndex: 0 }])).toBe('Техподдержка — 12 ответов');
	});
	it('reports a click on a bar through onPick, and is not clickable without it', () => {
		const picks: unknown[] = [];
		const config = buildChartConfig(spec, 't', false, (pick) => picks.push(pick));
		const onClick = config.options?.onClick as unknown as (e: object, elements: { index: number; datasetIndex: number }[], chart: object) => void;
		onClick({}, [{ index: 1, datasetIndex: 0 }], {});
		expect(picks).toEqual([{ index: 1, series: 0 }]);
		expect(buildChartConfig(spec, 't', false).options?.onClick).toBeUndefined();
	});
});

describe('pickElement and withAlpha', () => {
	it('takes the first element under the pointer', () => {
		expect(pickElement([{ index: 3, datasetIndex: 1 }, { index: 3, datasetIndex: 0 }])).toEqual({ index: 3, series: 1 });
		expect(pickElement([])).toBeNull();
	});
	it('adds an alpha channel to a hex colour', () => {
		expect(withAlpha('#2563eb', 0.3)).toBe('#2563eb4d');
	});
});
