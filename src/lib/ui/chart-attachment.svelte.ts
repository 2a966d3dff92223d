// A `.svelte.ts` module (not `.ts`) because the attachment uses `$effect` to push new data into the chart.
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LogarithmicScale,
	LineController,
	LineElement,
	PointElement,
	Title,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';
import { Flow, SankeyController } from 'chartjs-chart-sankey';
import { saveBlob } from './download';

// Only what the app draws: bar and line charts on category, linear and logarithmic axes, and the Sankey diagram of
// handoffs (keeps the bundle small).
Chart.register(
	BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, LogarithmicScale,
	SankeyController, Flow, Title, Tooltip, Legend
);

/** The chart types the app draws. */
export type AppChartType = 'bar' | 'line' | 'sankey';
type AnyConfig = ChartConfiguration<'bar' | 'line'> | ChartConfiguration<'sankey'>;

/**
 * Draws a Chart.js chart on the canvas: created once when the canvas is mounted, updated in place when the
 * configuration read by `getConfig` changes, destroyed when the canvas goes (the Svelte docs' attachment pattern).
 * The canvas must sit in a box with a height (Chart.js is responsive and would otherwise draw at size 0).
 */
export function chartAttachment(getConfig: () => AnyConfig): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const create = (config: AnyConfig) => new Chart(canvas, config as ChartConfiguration);
		let chart = untrack(() => create(getConfig()));
		let first = true;
		$effect(() => {
			const config = getConfig();
			if (first) {
				first = false; // the chart was just built from this very configuration
				return;
			}
			if (config.type !== (chart.config as { type?: string }).type || config.type === 'sankey') {
				// Chart.js cannot change a chart's type in place (daily bars become a line for a long period), and
				// keeps the inline plugins it was created with (the Sankey's column captions, in the old language).
				chart.destroy();
				chart = create(config);
				return;
			}
			chart.data = config.data as typeof chart.data;
			chart.options = (config.options ?? {}) as typeof chart.options;
			chart.update();
		});
		return () => chart.destroy();
	};
}

/**
 * Saves the chart on `canvas` as a PNG named `fileName`, with its title drawn in (hidden on screen, where the page
 * shows it as a heading). `toBlob` copies the pixels when called, so the title is switched off again at once.
 */
export function downloadChartPng(canvas: HTMLCanvasElement, fileName: string): void {
	const chart = Chart.getChart(canvas);
	if (!chart) return;
	const title = chart.options.plugins?.title;
	if (title) {
		title.display = true;
		chart.update('none');
	}
	canvas.toBlob((blob) => {
		if (blob) saveBlob(blob, fileName);
	}, 'image/png');
	if (title) {
		title.display = false;
		chart.update('none');
	}
}
