/**
 * The command line's stages on one file, each timed apart, with the library functions `analyze` calls
 * (src/cli/analyze.ts, then buildReport in src/lib/report/build-report.ts: keep these steps in step with it):
 * propose, import, metrics, text detection, commitments, report (written in pieces by writeReport as main.ts
 * does, its bytes counted and dropped). Run in a process of its own by
 * bench-scale.ts, so that each size starts from a fresh heap; prints one JSON line.
 *   npx tsx scripts/bench/cli-stages.ts FILE [--tz Europe/Moscow]
 */
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { computeCommitments } from '$lib/analysis/commitments';
import { computeReplyFlags } from '$lib/analysis/detect-flags';
import { computeMetrics } from '$lib/analysis/figures';
import { importFiles } from '$lib/ingest/import-files';
import { proposeFile } from '$lib/ingest/propose';
import { writeReport } from '$lib/report/write-report';
import { openCliDb } from '../../src/cli/cli-db';
import { detectInThreads } from '../../src/cli/detect-threads';
import { timed } from './time';

/** What one run printed: ms per stage, and the rows the import loaded. */
export interface CliStages {
	propose_ms: number;
	import_ms: number;
	metrics_ms: number;
	text_detection_ms: number;
	commitments_ms: number;
	report_ms: number;
	rows_loaded: number;
	report_bytes: number;
}

async function main(): Promise<void> {
	const { values, positionals } = parseArgs({ allowPositionals: true, options: { tz: { type: 'string', default: 'Europe/Moscow' } } });
	const path = positionals[0];
	const db = await openCliDb();
	try {
		// As src/cli/analyze.ts opens it: `path` lets native DuckDB read the file in place where the importer can.
		const file = Object.assign(new File([await openAsBlob(path)], basename(path)), { path });
		const [proposal, proposeMs] = await timed(() => proposeFile(file, values.tz!));
		if (proposal.error) throw new Error(proposal.error);
		const [input, importMs] = await timed(() => importFiles(db, [file], [proposal.plan]));
		const [, metricsMs] = await timed(() => computeMetrics(db));
		const [, detectionMs] = await timed(() => computeReplyFlags(db, { detect: detectInThreads }));
		const [, commitmentsMs] = await timed(() => computeCommitments(db, input.time_zone));
		let reportBytes = 0;
		const [, reportMs] = await timed(() => writeReport(db, input, async (text) => {
			reportBytes += Buffer.byteLength(text);
		}));
		const stages: CliStages = {
			propose_ms: proposeMs, import_ms: importMs, metrics_ms: metricsMs, text_detection_ms: detectionMs, commitments_ms: commitmentsMs,
			report_ms: reportMs,
			rows_loaded: input.rows_loaded, report_bytes: reportBytes
		};
		process.stdout.write(`${JSON.stringify(stages)}\n`);
	} finally {
		await db.close();
	}
}

await main();
