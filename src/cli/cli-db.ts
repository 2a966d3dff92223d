/** The database the command line analyses in: DuckDB in memory, with room left for the text detection's threads. */
import { totalmem } from 'node:os';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';

/**
 * DuckDB's share of the machine's memory; past it, DuckDB writes to disk. The rest is for the text detection's threads:
 * at 10M messages DuckDB's tables reached 5.7 GiB, and its default limit (80% of the memory) left the threads too little.
 */
const DUCKDB_MEMORY_SHARE = 0.25;

export function openCliDb(): Promise<Db> {
	return openNodeDb(':memory:', { memoryLimit: `${Math.floor((totalmem() * DUCKDB_MEMORY_SHARE) / 2 ** 20)}MB` });
}
