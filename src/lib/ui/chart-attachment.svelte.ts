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
	type ChartConfiguration,
	type Plugin
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
 * The canvas must sit in a box of height `getHeight()` (Chart.js is responsive and would otherwise draw at size 0).
 * The canvas's `data-chart-state` is `drawing` from a new configuration until Chart.js has finished drawing it,
 * then `drawn`: the browser benchmark waits for every chart to be drawn after a filter change.
 * The chart is created in a task of its own, not in the one that renders the page: a page's charts were all drawn
 * in that task (the templates page appearing after the text analysis: one task of 184-203 ms at 100k messages, its
 * first chart 96 ms of it), which froze the page past the 100 ms a task may take. That task comes after the next
 * frame: Chart.js reads the canvas's size, and before the browser has laid out the page just rendered this forced the
 * whole page's first layout inside the chart's task (templates page at 100k: 94 ms, 40 of them laying out the page).
 */
export function chartAttachment(getConfig: () => AnyConfig, getHeight: () => number): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		// Chart.js calls afterRender once a render is complete: at once without animation, else when it ends.
		const drawn: Plugin = { id: 'replyscopeDrawn', afterRender: () => void (canvas.dataset.chartState = 'drawn') };
		const create = (config: AnyConfig) => {
			canvas.dataset.chartState = 'drawing';
			return new Chart(canvas, { ...config, plugins: [...(config.plugins ?? []), drawn] } as ChartConfiguration);
		};
		let chart: Chart | undefined;
		canvas.dataset.chartState = 'drawing';
		let creating: ReturnType<typeof setTimeout> | undefined;
		const frame = requestAnimationFrame(() => (creating = setTimeout(() => (chart = create(untrack(getConfig))))));
		$effect(() => {
			const config = getConfig();
			const height = getHeight();
			if (!chart) return; // still to be created, from the configuration current then
			if (config.type !== (chart.config as { type?: string }).type || config.type === 'sankey') {
				// Chart.js cannot change a chart's type in place (daily bars become a line for a long period), and
				// keeps the inline plugins it was created with (the Sankey's column captions, in the old language).
				chart.destroy();
				chart = create(config);
				return;
			}
			canvas.dataset.chartState = 'drawing';
			chart.data = config.data as typeof chart.data;
			chart.options = (config.options ?? {}) as typeof chart.options;
			redraw(chart, height);
		});
		return () => {
			cancelAnimationFrame(frame);
			clearTimeout(creating);
			chart?.destroy();
		};
	};
}

/**
 * Draws the chart's new data at once, in its box of `height` pixels. New figures replace the old without an
 * animation: an animated update redraws every chart on each frame for its whole duration, and the new figures are
 * only in place at its end. A box whose height follows the data (one bar per department) has just changed: the
 * chart is resized to it first, which draws the new data at that size (an update would draw it at the old one, and
 * Chart.js's resize observer would lay the chart out and draw it again a frame later). The size is given rather
 * than measured, so that no chart makes the browser lay out the page in the middle of the update.
 */
function redraw(chart: Chart, height: number): void {
	if (height !== chart.height) chart.resize(chart.width, height);
	if (chart.canvas.dataset.chartState !== 'drawn') chart.update('none');
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
