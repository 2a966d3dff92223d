/**
 * The scale benchmark (issue 6): at each size (default 10k, 100k and 1M messages of generated demo data) it
 * measures, stage by stage, native DuckDB loading the file (the yardstick), the command line's stages and its
 * whole run, and the app in headless Chromium through the real page; prints one table with the budgets and the
 * growth between sizes, and writes it with every raw figure to bench-results/scale.json. Figures, not assertions.
 *   npx tsx scripts/bench-scale.ts [--messages 10000,100000,1000000] [--skip-browser] [--skip-cli] [--port 4327]
 * Data is generated once per size into bench-results/scale-N/ and reused. The browser part builds the app into
 * build/ first: run it from a copy of the project when someone else builds in the same folder.
 */
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { measureAppJs, type AppJs } from './bench/app-js';
import { measureBrowser } from './bench/browser-stages';
import { failureReason, runChild } from './bench/child-run';
import type { CliStages } from './bench/cli-stages';
import { ensureDemoData } from './bench/demo-data';
import { measureNativeLoad } from './bench/native-load';
import { buildApp, startPreview, type PreviewServer } from './bench/preview-server';
import { appJsLines, buildTable, formatTable, type SizeResult } from './bench/scale-table';

const { values } = parseArgs({
	options: {
		messages: { type: 'string', default: '10000,100000,1000000' },
		'skip-browser': { type: 'boolean', default: false },
		'skip-cli': { type: 'boolean', default: false },
		port: { type: 'string', default: '4327' }
	}
});
/** The demo generator writes about this many messages per conversation (993,742 for 153,846 conversations). */
const MESSAGES_PER_CONVERSATION = 6.46;
const TIME_ZONE = 'Europe/Moscow';
/** A command-line run longer than this is ended and reported as failed. */
const CLI_TIMEOUT_MS = 30 * 60_000;
const OUT = 'bench-results/scale.json';

const sizes = values.messages!.split(',').map((s) => Number(s.replace(/_/g, ''))).sort((a, b) => a - b);
if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`--messages: expected a list of counts, got ${values.messages}`);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

async function measureSize(requested: number, server: PreviewServer | undefined): Promise<SizeResult> {
	const conversations = Math.max(1, Math.round(requested / MESSAGES_PER_CONVERSATION));
	const file = ensureDemoData(`bench-results/scale-${requested}`, conversations);
	const result: SizeResult = { requested, conversations, file, file_mib: Math.round(statSync(file).size / 2 ** 20 * 10) / 10, failures: {} };
	log(`${requested}: ${file}, ${result.file_mib} MiB`);
	try {
		result.native = await measureNativeLoad(file);
		result.messages = result.native.rows;
		log(`  native load ${result.native.runs_ms.join(', ')} ms`);
	} catch (error) {
		result.failures.native = errorText(error);
	}
	if (!values['skip-cli']) await measureCli(file, result);
	else result.failures.cli = result.failures['cli whole'] = 'skipped (--skip-cli)';
	if (server) {
		result.browser = await measureBrowser(server.url, file);
		if (result.browser.failed) result.failures.browser = `${result.browser.failed.stage}: ${result.browser.failed.reason}`;
		const { memory, long_tasks: _tasks, ...times } = result.browser;
		log(`  browser ${JSON.stringify(times)}; peak RSS ${memory?.peak_mib} MiB, PSS ${memory?.peak_pss_mib} MiB`);
	} else {
		result.failures.browser = 'skipped (--skip-browser)';
	}
	return result;
}

/** Node's flags in package.json's `cli` script ("node FLAGS --import tsx src/cli/main.ts"). */
const CLI_NODE_FLAGS: string[] = JSON.parse(readFileSync('package.json', 'utf8')).scripts.cli.split(' --import tsx ')[0].split(' ').slice(1);

/** The library stages in a process of their own, then the whole command as a user runs it. */
async function measureCli(file: string, result: SizeResult): Promise<void> {
	// The node processes that run the command line (node itself, or tsx's launcher and the one it starts); not npm, not sh.
	const isCli = (command: string) => /^(\S*\/)?node /.test(command) && /cli-stages\.ts|src\/cli\/main\.ts/.test(command);
	// Started as `npm run cli` starts the command line (package.json), with its young generation.
	const stages = await runChild('node', [...CLI_NODE_FLAGS, '--import', 'tsx', 'scripts/bench/cli-stages.ts', file, '--tz', TIME_ZONE], CLI_TIMEOUT_MS, isCli);
	if (stages.code === 0) {
		result.cli = JSON.parse(stages.stdout.trim().split('\n').at(-1)!) as CliStages;
		log(`  cli stages ${JSON.stringify(result.cli)}`);
	} else {
		result.failures.cli = failureReason(stages, CLI_TIMEOUT_MS);
	}
	const whole = await runChild('npm', ['run', '--silent', 'cli', '--', 'analyze', file, '--json', '--out', '/dev/null', '--tz', TIME_ZONE], CLI_TIMEOUT_MS, isCli);
	if (whole.code === 0) {
		result.cli_whole = { wall_ms: whole.wall_ms, peak_mib: whole.memory.peak_mib, peak_pss_mib: whole.memory.peak_pss_mib };
		log(`  cli analyze ${whole.wall_ms} ms, peak RSS ${whole.memory.peak_mib} MiB, PSS ${whole.memory.peak_pss_mib} MiB`);
	} else {
		result.failures['cli whole'] = failureReason(whole, CLI_TIMEOUT_MS);
	}
}

function log(line: string): void {
	process.stderr.write(`${line}\n`);
}

function machine() {
	return {
		cpus: cpus().length, cpu_model: cpus()[0]?.model, total_mem_gib: Math.round(totalmem() / 2 ** 30), free_mem_gib_at_start: Math.round(freemem() / 2 ** 30),
		load_average_at_start: loadavg().map((l) => Math.round(l * 100) / 100), node: process.version
	};
}

async function main(): Promise<void> {
	mkdirSync('bench-results', { recursive: true });
	const started = new Date().toISOString();
	const host = machine();
	let server: PreviewServer | undefined;
	let appJs: AppJs | undefined;
	let appJsFailure: string | undefined;
	const results: SizeResult[] = [];
	const write = (finished: boolean) => {
		const table = buildTable(results);
		writeFileSync(OUT, JSON.stringify({ started, finished, machine: host, load_average_at_end: loadavg(), app_js: appJs ?? appJsFailure ?? null, table, sizes: results }, null, 2));
		return table;
	};
	try {
		if (!values['skip-browser']) {
			buildApp();
			server = await startPreview(Number(values.port));
			appJs = await measureAppJs(server.url).catch((error: unknown) => ((appJsFailure = errorText(error)), undefined));
		} else {
			appJsFailure = 'skipped (--skip-browser)';
		}
		for (const size of sizes) {
			results.push(await measureSize(size, server));
			write(false);
		}
	} finally {
		server?.stop();
	}
	const table = write(true);
	console.log(formatTable(table));
	console.log(appJsLines(appJs, appJsFailure).join('\n'));
	for (const s of results) for (const [stage, reason] of Object.entries(s.failures)) console.log(`${s.requested}: ${stage} not measured: ${reason}`);
	console.log(`machine: ${host.cpus} cores, load average at start ${host.load_average_at_start.join(' ')}; wrote ${OUT}`);
}

await main();
