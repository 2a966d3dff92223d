/** The built app on a local preview server, for the browser benchmarks. */
import { spawn, spawnSync } from 'node:child_process';

/** Builds the app into build/ (run from a copy when someone else builds in the same folder). */
export function buildApp(): void {
	if (spawnSync('npx', ['vite', 'build'], { stdio: 'ignore' }).status !== 0) throw new Error('vite build failed');
}

/** A running `vite preview`; `stop` ends its process group. */
export interface PreviewServer {
	url: string;
	stop(): void;
}

/** Serves build/ on `port` and resolves once it answers (rejects after 20 s). */
export async function startPreview(port: number): Promise<PreviewServer> {
	const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
	const url = `http://localhost:${port}`;
	const stop = () => {
		if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
	};
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			if ((await fetch(`${url}/`)).ok) return { url, stop };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	stop();
	throw new Error(`the preview server did not start at ${url}`);
}
