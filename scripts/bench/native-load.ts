/**
 * The yardstick: native DuckDB (@duckdb/node-api, through the app's Node gateway) loading the same CSV with its
 * own reader, `CREATE TABLE t AS SELECT * FROM read_csv(FILE)`, in a fresh in-memory database each time.
 * It parses, types and stores the file with every core; it does none of the app's checks.
 */
import { openNodeDb } from '$lib/db/node';
import { median, timed } from './time';

export interface NativeLoad {
	/** Median of the runs, ms. */
	load_ms: number;
	runs_ms: number[];
	/** Rows read_csv loaded (a check that it read the whole file). */
	rows: number;
}

export async function measureNativeLoad(path: string, runs = 3): Promise<NativeLoad> {
	const times: number[] = [];
	let rows = 0;
	for (let i = 0; i < runs; i++) {
		const db = await openNodeDb();
		try {
			const [, ms] = await timed(() => db.exec(`CREATE TABLE t AS SELECT * FROM read_csv('${path.replaceAll("'", "''")}')`));
			times.push(ms);
			rows = Number((await db.query<{ n: number | bigint }>('SELECT count(*) AS n FROM t'))[0].n);
		} finally {
			await db.close();
		}
	}
	return { load_ms: median(times), runs_ms: times, rows };
}
