// Client-only: DuckDB-WASM and the import workers need the browser, and no data may reach a server.
export const ssr = false;
export const prerender = false;
