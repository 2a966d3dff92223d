/** The benchmarks' data: the demo generator's CSV, written once per size. */
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';

/** The file the demo generator writes in its --out folder. */
const FILE_NAME = 'support-chats.csv';

/**
 * Generates `conversations` demo conversations into `dir` and returns the CSV's path. With `reuse`, a file already
 * there is kept (the generator is deterministic for the same options). It writes into `dir.partial` first, so an
 * interrupted run never leaves a short file to be reused.
 */
export function ensureDemoData(dir: string, conversations: number, { reuse = true } = {}): string {
	const path = `${dir}/${FILE_NAME}`;
	if (reuse && existsSync(path)) return path;
	const partial = `${dir}.partial`;
	rmSync(partial, { recursive: true, force: true });
	execFileSync('npx', ['tsx', 'scripts/generate-demo.ts', '--conversations', String(conversations), '--out', partial], {
		stdio: ['ignore', 'inherit', 'inherit']
	});
	rmSync(dir, { recursive: true, force: true });
	renameSync(partial, dir);
	return path;
}
