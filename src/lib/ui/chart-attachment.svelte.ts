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
	LineController,
	LineElement,
	PointElement,
	Title,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';
import { saveBlob } from './download';

// Only what the app draws: bar and line charts on category/linear axes (keeps the bundle small).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Title, Tooltip, Legend);

type AnyChart = Chart<'bar' | 'line'>;

/**
 * Draws a Chart.js chart on the canvas: created once when the canvas is mounted, updated in place when the
 * configuration read by `getConfig` changes, destroyed when the canvas goes (the Svelte docs' attachment pattern).
 * The canvas must sit in a box with a height (Chart.js is responsive and would otherwise draw at size 0).
 */
export function chartAttachment(getConfig: () => ChartConfiguration<'bar' | 'line'>): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const chart: AnyChart = untrack(() => new Chart(canvas, getConfig()));
		let first = true;
		$effect(() => {
			const config = getConfig();
			if (first) {
				first = false; // the chart was just built from this very configuration
				return;
			}
			chart.data = config.data;
			chart.options = config.options ?? {};
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
