/** A child process timed from spawn to exit, its memory polled, ended (its process group) when over time. */
import { spawn } from 'node:child_process';
import { TreeMemory, type TreeMemoryPeak } from './tree-memory';

export interface ChildRun {
	wall_ms: number;
	/** Exit status; null when it was ended by a signal. */
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	timed_out: boolean;
	memory: TreeMemoryPeak;
}

/**
 * Runs `command args` in its own process group. `counts` picks, by command line, the processes of its tree whose
 * RSS is summed (tree-memory.ts).
 */
export function runChild(command: string, args: string[], timeoutMs: number, counts: (commandLine: string) => boolean): Promise<ChildRun> {
	const start = performance.now();
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	const memory = new TreeMemory(child.pid!, counts).start();
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		process.kill(-child.pid!, 'SIGKILL');
	}, timeoutMs);
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ wall_ms: Math.round(performance.now() - start), code, signal, stdout, stderr, timed_out: timedOut, memory: memory.stop() });
		});
	});
}

/** Why a run failed, in one line: over time, ended by a signal, or its exit status and last lines of stderr. */
export function failureReason(run: ChildRun, timeoutMs: number): string {
	if (run.timed_out) return `timed out after ${timeoutMs / 1000} s`;
	const stderr = run.stderr.trim().split('\n').slice(-3).join(' | ');
	return `${run.signal ? `ended by ${run.signal}` : `exit ${run.code}`}${stderr ? `: ${stderr}` : ''}`;
}
