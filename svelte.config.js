import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: {
		// Client-only app: every route is served by one fallback page; nothing is rendered on a server.
		adapter: adapter({ fallback: 'index.html' }),
		// Strict CSP (issue 7): nothing from another origin; scripts only from the app (SvelteKit hashes its inline
		// start-up script); 'wasm-unsafe-eval' compiles DuckDB's WebAssembly and allows no JavaScript eval.
		// Inline styles stay allowed (app.html's `<div style="display: contents">`); data never becomes markup, and
		// with no other origin reachable a style cannot send anything anywhere.
		// adapter-static writes this as a <meta> into the fallback page; `vite preview` sends it as a header.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self', 'blob:', 'data:'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['self'],
				// Not covered by default-src: the app submits no form anywhere (its forms are handled in script).
				'form-action': ['self']
			}
		}
	}
};
