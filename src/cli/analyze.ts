import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Db } from '$lib/db/types';
import { importFiles } from '$lib/ingest/import-files';
import { proposeFile, type NamedBlob } from '$lib/ingest/propose';
import type { InputSummary } from '$lib/engine/protocol';
import { computeReportTables } from '$lib/report/build-report';
import { renderShareHtml } from '$lib/share/render-html';
import { buildShareReport } from '$lib/share/share-report';
import type { AnalyzeArgs } from './args';
import { detectInThreads } from './detect-threads';

/** A problem that means nothing could be analysed: one sentence, exit status 2. */
export class InputError extends Error {}

/**
 * Reads the files, loads them and computes the tables the report is read from; returns what was loaded. The report
 * itself is written from the tables (writeReport), never held whole. Warnings and progress go to `log`.
 */
export async function analyze(db: Db, args: AnalyzeArgs, log: (line: string) => void): Promise<InputSummary> {
	const files = await Promise.all(args.files.map(openFile));
	const proposals = await Promise.all(files.map((f) => proposeFile(f, args.timeZone, args.overrides)));
	for (const p of proposals) {
		if (p.error) throw new InputError(`${p.name}: ${p.error}`);
		if (p.missing.length) throw new InputError(missingMessage(p.name, p.missing, p.columns));
		if (p.unknownRoles.length) {
			log(`${p.name}: unknown role values ${p.unknownRoles.map((v) => `'${v}'`).join(', ')}: their rows are rejected unless mapped with --roles`);
		}
	}
	const input = await importFiles(db, files, proposals.map((p) => p.plan), {
		onProgress: (p) => p.phase === 'reading' && p.fraction === 1 && log(`${p.file}: read`)
	});
	log(`loaded ${input.rows_loaded} of ${input.rows_read} rows (${input.rows_rejected} rejected)`);
	if (input.rows_loaded === 0) throw new InputError(noRowsMessage(input.rejected[0]?.reason));
	await computeReportTables(db, input, { businessHours: args.businessHours, detect: detectInThreads });
	return input;
}

/** The "answered within" target of the HTML report's shares, seconds (the app's default). */
const SHARE_TARGET_S = 3600;

/** The shareable HTML report of the dataset `analyze` loaded (its metrics and text flags are computed). */
export async function shareHtml(db: Db, input: InputSummary, args: AnalyzeArgs, now = Date.now()): Promise<string> {
	const share = await buildShareReport(db, {
		...args.share, targetS: SHARE_TARGET_S, timeZone: input.time_zone, files: input.files.length, generatedAt: now
	});
	return renderShareHtml(share);
}

async function openFile(path: string): Promise<NamedBlob> {
	const info = await stat(path).catch(() => null);
	if (!info) throw new InputError(`${path}: no such file`);
	if (!info.isFile()) throw new InputError(`${path}: is a folder or a device, not a file`);
	try {
		// `path` lets native DuckDB read the file in place for the bulk CSV path (Db.registerFile), without a copy.
		return Object.assign(new File([await openAsBlob(path)], basename(path)), { path });
	} catch (error) {
		throw new InputError(`${path}: cannot be opened (${(error as Error).message})`);
	}
}

const FIELD_HINT: Record<string, string> = {
	sent_at: 'the message time (--map sent_at=Column, or sent_date and sent_time)',
	text: 'the message text (--map text=Column)',
	role: 'who wrote each message (--map role=Column, values mapped with --roles)'
};

function missingMessage(file: string, missing: string[], columns: string[]): string {
	const what = missing.map((m) => FIELD_HINT[m] ?? m).join('; ');
	return `${file}: no column found for ${what}. Its columns are: ${columns.join(', ') || '(none)'}`;
}

function noRowsMessage(firstReason: string | undefined): string {
	return `no row could be loaded${firstReason ? ` (first problem: ${firstReason})` : ''}`;
}
