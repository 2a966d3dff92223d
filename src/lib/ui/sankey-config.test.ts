import { describe, expect, it } from 'vitest';
import { buildSankeyConfig, labelRoom, nodeLabel, nodeName, nodePriority, sankeyKeys, type SankeySpec } from './sankey-config';

const spec: SankeySpec = {
	type: 'sankey',
	flows: [
		{ from: 'Техподдержка', to: 'Бренд-менеджер', value: 12 },
		{ from: 'Бренд-менеджер', to: 'Техподдержка', value: 5 }
	],
	fromTitle: 'Передал',
	toTitle: 'Получил',
	valueTitle: 'Обращений, шт.',
	formatValue: (v) => `${v} шт.`,
	colorOf: (name) => (name === 'Техподдержка' ? '#2563eb' : '#ea580c')
};

describe('sankey nodes', () => {
	it('puts the two ends of a flow in different columns, so a return is no cycle', () => {
		const there = sankeyKeys(spec.flows[0]);
		const back = sankeyKeys(spec.flows[1]);
		// Бренд-менеджер receives (right) and sends back (left) as two nodes; so does Техподдержка.
		expect(there.to).not.toBe(back.from);
		expect(back.to).not.toBe(there.from);
		expect(nodeName(back.from)).toBe('Бренд-менеджер');
		expect(nodeName(back.to)).toBe('Техподдержка');
	});
	it('stacks the busiest nodes first', () => {
		const priority = nodePriority(spec.flows);
		expect(priority[sankeyKeys(spec.flows[0]).from]).toBeLessThan(priority[sankeyKeys(spec.flows[1]).from]);
	});
	it('leaves room for the longest name, within bounds', () => {
		expect(labelRoom(spec.flows)).toBeGreaterThan(80);
		expect(labelRoom([{ from: 'очень длинное название отдела без конца и края', to: 'y', value: 1 }])).toBeLessThanOrEqual(200);
	});
	it('puts a long name on two lines', () => {
		expect(nodeLabel('Территориальный менеджер')).toBe('Территориальный\nменеджер');
		expect(nodeLabel('Выплаты')).toBe('Выплаты');
	});
});

describe('buildSankeyConfig', () => {
	const config = buildSankeyConfig(spec, 'Передачи', false);
	const dataset = config.data.datasets[0] as unknown as { data: { from: string; to: string; flow: number }[]; labels: Record<string, string>; column: Record<string, number> };
	it('pins senders to the left column and receivers to the right, labelled by name', () => {
		for (const flow of dataset.data) {
			expect(dataset.column[flow.from]).toBe(0);
			expect(dataset.column[flow.to]).toBe(1);
		}
		expect(dataset.labels[dataset.data[0].from]).toBe('Техподдержка');
	});
	it('writes the tooltip with an arrow and the formatted value', () => {
		const label = config.options?.plugins?.tooltip?.callbacks?.label as unknown as (item: { dataIndex: number }) => string;
		expect(label({ dataIndex: 0 })).toBe('Техподдержка → Бренд-менеджер: 12 шт.');
	});
	it('reports a clicked flow by its index', () => {
		const picks: unknown[] = [];
		const onClick = buildSankeyConfig(spec, 't', false, (p) => picks.push(p)).options?.onClick as unknown as (e: object, elements: { index: number }[]) => void;
		onClick({}, [{ index: 1 }]);
		expect(picks).toEqual([{ index: 1, series: 0 }]);
	});
});
