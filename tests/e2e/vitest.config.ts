import { defineConfig } from 'vitest/config';

// Browser tests: the built app served by `vite preview`, driven in Debian's Chromium by playwright-core.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 300_000,
		fileParallelism: false
	}
});
