import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';

// Another run (a second checkout) can serve on its own port: E2E_PORT=4347.
const PORT = Number(process.env.E2E_PORT) || 4317;
let server: ChildProcess | undefined;

/** Builds the app once and serves it on localhost for every browser test. */
export async function setup(project: TestProject): Promise<void> {
	const build = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) throw new Error('vite build failed');
	server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
	await waitForServer(`http://localhost:${PORT}/`);
	project.provide('baseUrl', `http://localhost:${PORT}`);
}

export async function teardown(): Promise<void> {
	if (server?.pid) process.kill(-server.pid, 'SIGTERM');
}

async function waitForServer(url: string): Promise<void> {
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the preview server did not start at ${url}`);
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
