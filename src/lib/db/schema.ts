/**
 * The canonical `messages` table (shared/design/METRICS.md), plus two columns the metrics need:
 * `seq` (input order, breaks ties in sent_at) and `sent_local` (wall-clock time in the dataset's
 * time zone, computed at import because DuckDB-WASM has no ICU time-zone data).
 * Instants are plain UTC TIMESTAMPs, never TIMESTAMPTZ (see STYLE.md: epoch() on TIMESTAMPTZ fails in WASM).
 */
export const MESSAGES_COLUMNS = [
	'conversation_id',
	'message_id',
	'sent_at',
	'role',
	'author',
	'department',
	'customer',
	'text',
	'source',
	'seq',
	'sent_local'
] as const;

export function createMessagesTableSql(table: string): string {
	return `CREATE OR REPLACE TABLE ${table} (
		conversation_id VARCHAR NOT NULL,
		message_id VARCHAR NOT NULL,
		sent_at TIMESTAMP NOT NULL,
		role VARCHAR NOT NULL CHECK (role IN ('customer', 'agent', 'bot', 'system')),
		author VARCHAR,
		department VARCHAR,
		customer VARCHAR,
		text VARCHAR NOT NULL,
		source VARCHAR NOT NULL,
		seq BIGINT NOT NULL,
		sent_local TIMESTAMP NOT NULL
	)`;
}
