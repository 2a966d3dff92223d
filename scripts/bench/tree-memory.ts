/**
 * Peak memory of a process tree, polled from /proc (Linux only): every `intervalMs` it sums the resident set
 * (RSS) of the descendants of a root process that match a filter, and keeps the largest sum, overall and per
 * named stage. Summed RSS counts pages shared between the processes (libraries, shared memory) once per process,
 * so it overstates what the tree takes from the machine; the summed PSS (/proc/PID/smaps_rollup: each shared page
 * divided among the processes sharing it) is kept beside it, read at most every PSS_INTERVAL_MS: the kernel walks
 * every mapping for it: 148 ms a read of the command line's process at 1M messages (5 GB resident), so four reads a
 * second took some 0.6 s of kernel time a second beside the measured run. A short peak between two polls is missed.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Least time between two reads of the PSS (see the module comment). */
const PSS_INTERVAL_MS = 2000;

const PAGE_BYTES = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;

interface ProcessInfo {
	ppid: number;
	rssBytes: number;
}

/** Every process's parent and RSS, from /proc/PID/stat (fields 4 and 24; the name in parentheses may hold spaces). */
function readProcesses(): Map<number, ProcessInfo> {
	const processes = new Map<number, ProcessInfo>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			processes.set(Number(name), { ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_BYTES });
		} catch {
			// the process ended while we read
		}
	}
	return processes;
}

/** Proportional set size, bytes (0 when the process is gone or the kernel has no smaps_rollup). */
function readPss(pid: number): number {
	try {
		const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
		return kb ? Number(kb[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

function commandLine(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
	} catch {
		return '';
	}
}

/** What the polls found: the largest summed RSS and PSS, MiB, overall and per stage; the most processes at once. */
export interface TreeMemoryPeak {
	/** Largest summed RSS. */
	peak_mib: number;
	by_stage_mib: Record<string, number>;
	/** Largest summed PSS. */
	peak_pss_mib: number;
	by_stage_pss_mib: Record<string, number>;
	max_processes: number;
	polls: number;
}

export class TreeMemory {
	#timer: NodeJS.Timeout | undefined;
	#stage = 'start';
	#peak = 0;
	#byStage: Record<string, number> = {};
	#peakPss = 0;
	#byStagePss: Record<string, number> = {};
	#maxProcesses = 0;
	#polls = 0;
	#counted: number[] = [];
	#pssReadAt = -Infinity;

	/**
	 * @param root the process whose descendants are counted (itself too when it matches)
	 * @param matches which processes count, by command line (e.g. the Chromium binary's path)
	 */
	constructor(private readonly root: number, private readonly matches: (command: string) => boolean, private readonly intervalMs = 250) {}

	start(): this {
		this.poll();
		this.#timer = setInterval(() => this.poll(), this.intervalMs);
		return this;
	}

	/** Peaks after this call are also counted under `name`. */
	stage(name: string): void {
		this.poll(true);
		this.#stage = name;
	}

	/** The processes counted at the last poll (to end them by id when their owner cannot). */
	pids(): number[] {
		return [...this.#counted];
	}

	stop(): TreeMemoryPeak {
		clearInterval(this.#timer);
		this.poll(true);
		const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
		const mibs = (byStage: Record<string, number>) => Object.fromEntries(Object.entries(byStage).map(([k, v]) => [k, mib(v)]));
		return {
			peak_mib: mib(this.#peak),
			by_stage_mib: mibs(this.#byStage),
			peak_pss_mib: mib(this.#peakPss),
			by_stage_pss_mib: mibs(this.#byStagePss),
			max_processes: this.#maxProcesses,
			polls: this.#polls
		};
	}

	/** `withPss`: read the PSS now, whenever it was last read. */
	poll(withPss = false): void {
		const readsPss = withPss || performance.now() - this.#pssReadAt >= PSS_INTERVAL_MS;
		if (readsPss) this.#pssReadAt = performance.now();
		const processes = readProcesses();
		const children = new Map<number, number[]>();
		for (const [pid, info] of processes) children.set(info.ppid, [...(children.get(info.ppid) ?? []), pid]);
		let total = 0;
		let pss = 0;
		const counted: number[] = [];
		for (const queue = [this.root]; queue.length;) {
			const pid = queue.pop()!;
			queue.push(...(children.get(pid) ?? []));
			// Read at every poll: a child seen between fork and exec still shows its parent's command line.
			if (!this.matches(commandLine(pid))) continue;
			total += processes.get(pid)?.rssBytes ?? 0;
			if (readsPss) pss += readPss(pid);
			counted.push(pid);
		}
		this.#polls++;
		this.#peak = Math.max(this.#peak, total);
		this.#byStage[this.#stage] = Math.max(this.#byStage[this.#stage] ?? 0, total);
		if (readsPss) {
			this.#peakPss = Math.max(this.#peakPss, pss);
			this.#byStagePss[this.#stage] = Math.max(this.#byStagePss[this.#stage] ?? 0, pss);
		}
		this.#maxProcesses = Math.max(this.#maxProcesses, counted.length);
		this.#counted = counted;
	}
}
