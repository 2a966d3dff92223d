/**
 * How much JavaScript the app makes a visitor download before DuckDB: the scripts the start page fetches, each
 * gzipped here (zlib level 9, as a static server's precompressed .gz would be), and for comparison every .js
 * file under build/_app. DuckDB's own files (names containing "duckdb": its worker and wasm) are left out of
 * both sums and listed apart; a wasm fetched by the start page is listed too (it should load only when needed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import { launchBrowser } from '../../tests/e2e/browser';
import { withTimeout } from './time';

/** One file: its path (URL path or build path), bytes as served, bytes gzipped. */
export interface SizedFile {
	path: string;
	bytes: number;
	gzip_bytes: number;
}

export interface AppJs {
	/** JS fetched by the start page (page and its workers), DuckDB's files excluded, gzipped KiB. */
	start_page_gzip_kib: number;
	start_page_files: SizedFile[];
	/** DuckDB's files the start page fetched anyway (expected: none). */
	start_page_duckdb_files: SizedFile[];
	/** Every .js under build/_app except DuckDB's, gzipped KiB. */
	build_gzip_kib: number;
	build_files: number;
	build_duckdb_files: SizedFile[];
}

const isDuckDb = (path: string) => /duckdb/i.test(path);
const kib = (bytes: number) => Math.round(bytes / 102.4) / 10;
const size = (path: string, bytes: Buffer): SizedFile => ({ path, bytes: bytes.length, gzip_bytes: gzipSync(bytes, { level: 9 }).length });
const sum = (files: SizedFile[]) => files.reduce((total, f) => total + f.gzip_bytes, 0);

/** Opens the start page at `baseUrl`, waits until the network is idle, and sizes what was fetched; reads build/. */
export async function measureAppJs(baseUrl: string, buildDir = 'build'): Promise<AppJs> {
	const context = await launchBrowser('ru-RU');
	const fetched: SizedFile[] = [];
	const pending: Promise<void>[] = [];
	try {
		context.on('response', (response: Response) => {
			const path = new URL(response.url()).pathname;
			if (!/\.(m?js|wasm)$/.test(path)) return;
			pending.push(response.body().then((body) => void fetched.push(size(path, body)), () => undefined));
		});
		const page = await context.newPage();
		await withTimeout(page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' }), 120_000, 'opening the start page');
		await page.getByTestId('import-file-input').waitFor({ state: 'attached', timeout: 60_000 });
		await page.waitForLoadState('networkidle', { timeout: 60_000 });
		await Promise.all(pending);
	} finally {
		await withTimeout(context.close(), 30_000, 'closing Chromium').catch(() => undefined);
	}
	const built = listFiles(join(buildDir, '_app')).filter((p) => p.endsWith('.js')).map((p) => size(p, readFileSync(p)));
	const appFiles = fetched.filter((f) => !isDuckDb(f.path) && !f.path.endsWith('.wasm'));
	return {
		start_page_gzip_kib: kib(sum(appFiles)),
		start_page_files: appFiles.sort((a, b) => b.gzip_bytes - a.gzip_bytes),
		start_page_duckdb_files: fetched.filter((f) => isDuckDb(f.path) || f.path.endsWith('.wasm')),
		build_gzip_kib: kib(sum(built.filter((f) => !isDuckDb(f.path)))),
		build_files: built.filter((f) => !isDuckDb(f.path)).length,
		build_duckdb_files: built.filter((f) => isDuckDb(f.path))
	};
}

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}
