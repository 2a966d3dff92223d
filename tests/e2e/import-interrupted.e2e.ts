import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { importDemo, launchBrowser } from './browser';

// Nothing is lost when an import stops halfway (issue 7): with the demo loaded, a bigger import is interrupted by a
// page reload, then by Cancel, and each time the app still shows the demo's figures, restored from the browser's
// storage. The bigger file is the demo repeated with shifted ids, so no row of it is a duplicate.
const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
/** Copies of the demo's 10 090 rows in the big file: ~300k rows, ~80 MB, several seconds to import. */
const COPIES = 30;
let context: BrowserContext;
let page: Page;
let bigDir: string;
let bigFile: string;
const pageErrors: string[] = [];
/** What the overview showed for the demo, before any interrupted import. */
let demoFigures: Figures;

interface Figures {
	headline: string;
	period: string;
	departments: string;
}

/** Writes the demo export `copies` times over, each copy with its own conversation and message ids. */
function writeBigCsv(path: string, copies: number): void {
	const text = readFileSync('data/demo/support-chats.csv', 'utf8').replace(/^\uFEFF/, '');
	// Records end in CRLF; line breaks inside quoted messages are bare LF.
	const [header, ...records] = text.split('\r\n').filter((r) => r !== '');
	const parts = [`\uFEFF${header}\r\n`];
	for (let copy = 0; copy < copies; copy++) {
		const shift = copy * 1_000_000_000;
		const rows = records.map((record) =>
			record.replace(/^(\d+);(\d+);/, (_, conversation: string, message: string) =>
				`${Number(conversation) + shift};${Number(message) + shift};`)
		);
		parts.push(rows.join('\r\n'), '\r\n');
	}
	writeFileSync(path, parts.join(''));
}

async function readFigures(): Promise<Figures> {
	await page.goto(`${baseUrl}/overview`);
	const headline = page.getByTestId('overview-headline');
	await headline.waitFor({ timeout: 60_000 });
	await page.getByTestId('department-table').waitFor({ timeout: 30_000 });
	await page.getByTestId('chart-messages-per-day').locator('canvas').waitFor();
	return {
		headline: await headline.innerText(),
		period: await page.getByTestId('overview-period').innerText(),
		departments: await page.getByTestId('department-table').innerText()
	};
}

/** Chooses the big file, confirms the remembered mapping, and waits until the load shows its progress. */
async function startBigImport(): Promise<void> {
	await page.goto(`${baseUrl}/`);
	await page.getByTestId('import-file-input').setInputFiles(bigFile);
	await page.getByTestId('import-confirm').click({ timeout: 30_000 });
	await page.getByTestId('import-progress').waitFor({ timeout: 10_000 });
}

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	bigDir = mkdtempSync(join(tmpdir(), 'replyscope-big-'));
	bigFile = join(bigDir, 'big-chats.csv');
	writeBigCsv(bigFile, COPIES);
	context = await launchBrowser('ru-RU');
	page = await context.newPage();
	page.on('pageerror', (error) => pageErrors.push(error.message));
	await importDemo(page, baseUrl);
	demoFigures = await readFigures();
});
afterAll(async () => {
	await context?.close();
	if (bigDir) rmSync(bigDir, { recursive: true, force: true });
});

describe('an interrupted import keeps the previous dataset', () => {
	it('shows the demo figures before anything is interrupted', () => {
		expect(demoFigures.headline).toMatch(/\d/);
		expect(demoFigures.departments).toMatch(/Бренд-менеджер/);
	});

	it('keeps the demo when the page is reloaded during the import', async () => {
		await startBigImport();
		await page.reload();
		// The import page names the restored dataset and no restore error.
		await page.getByText(/Сейчас загружено сообщений/).waitFor({ timeout: 60_000 });
		await page.screenshot({ path: `${SHOTS}/interrupted-reload-import.png`, fullPage: true });
		expect(await page.locator('.notice.warning').count()).toBe(0);
		expect(await readFigures()).toEqual(demoFigures);
		await page.screenshot({ path: `${SHOTS}/interrupted-reload-overview.png`, fullPage: true });
	});

	it('restores the same demo from the browser storage on the next reload', async () => {
		await page.reload();
		expect(await readFigures()).toEqual(demoFigures);
	});

	it('keeps the demo when the page is reloaded after the new rows were swapped in but before they were saved', async () => {
		await startBigImport();
		// "Counting the figures": the new rows are the engine's table now; the browser's storage still holds the demo.
		await page.getByText('Считаем показатели').waitFor({ timeout: 45_000 });
		await page.reload();
		expect(await readFigures()).toEqual(demoFigures);
	});

	it('keeps the demo when the import is cancelled, and after a reload', async () => {
		await startBigImport();
		await page.getByTestId('import-cancel').click();
		await page.getByText(/Загрузка отменена. Прежние данные остались без изменений/).waitFor({ timeout: 30_000 });
		expect(await readFigures()).toEqual(demoFigures);
		await page.reload();
		expect(await readFigures()).toEqual(demoFigures);
	});

	it('threw no page error', () => {
		expect(pageErrors).toEqual([]);
	});
});
