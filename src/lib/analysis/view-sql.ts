/**
 * The SQL of a view's filters (view-types.ts `Filters`): which conversations are in the view, and which
 * departments and agents the per-department and per-agent tables keep. Every user value becomes a $n
 * parameter collected in `Params`; nothing a person typed is spliced into the SQL.
 *
 * A view query starts with `viewWith(...)`, which defines two CTEs:
 * - `selected`: the `conversation_metrics` rows of the conversations in the view;
 * - `selected_messages`: the `message_metrics` rows of those conversations.
 * NOT MATERIALIZED: DuckDB (1.4) otherwise materialises a CTE used more than once, copying every column of
 * the selected messages, text included; inlined, each query reads only the columns it needs (in DuckDB-WASM
 * the overview's queries took about a third longer materialised, the headline twice as long).
 *
 * Every query of a page filters the same way, so the engine copies a filtered view's conversations and messages
 * into two tables once (`selectView`) and hands the queries a `ViewQuery` that names them: `viewWith` then reads
 * the tables instead of filtering again (without the texts: `TEXT_JOIN`). At 100k messages in DuckDB-WASM a query
 * spent most of its 10-40 ms on the filter's semi-join over every message; on the copy each takes 1-5 ms and the
 * copy itself 25-50 ms. Without a selection (the command line, tests) the CTEs filter inline: same rows. A statement
 * that reads the rows several times itself (the overview's) asks `viewWith` to keep the columns it needs once
 * (`materialise`) and needs no copy.
 */
import type { Db } from '$lib/db/types';
import type { Filters, ViewOptions } from './view-types';

/** A filtered view's conversations and messages, copied by `selectView` into `SELECTION_TABLES`. */
export interface Selection {
	/** `filtersKey` of the filters it holds; `viewWith` uses the tables only for these filters. */
	filtersKey: string;
}

/** What the view queries take: the view, and the copy of its filtered rows when the engine made one. */
export type ViewQuery = ViewOptions & { selection?: Selection };

/** The tables `selectView` fills (temporary: they go with the connection and are never saved). */
export const SELECTION_TABLES = { conversations: 'view_selected', messages: 'view_selected_messages' } as const;

/**
 * Joins the texts of `selected_messages m` as `t.text`; append after `FROM selected_messages m`. `message_metrics`
 * has no texts (response-times.sql.ts), nor has the copy `selectView` makes of it (with them, most of the copy's
 * time went into the texts: DuckDB-WASM in Node, 100k messages, one department, 31-74 ms against 22-35 ms).
 */
export const TEXT_JOIN = 'JOIN messages t ON t.message_id = m.message_id';

/** The filters as a string that is equal for equal filters (lists in the order chosen, as the address keeps them). */
export function filtersKey(filters: Filters): string {
	return JSON.stringify([filters.from ?? null, filters.to ?? null, filters.departments ?? [], filters.agents ?? [], filters.customers ?? []]);
}

/**
 * Copies the conversations and messages of `filters` into `SELECTION_TABLES` (replacing the previous copy) and
 * returns the selection to put in the view's queries; undefined when nothing is filtered (the queries then read
 * the metrics tables directly, which is as fast). Needs computeMetrics; make a new one after it.
 */
export async function selectView(db: Db, filters: Filters): Promise<Selection | undefined> {
	const p = new Params();
	const conditions = filterConditions(filters, p);
	if (conditions.length === 0) return undefined;
	const { conversations, messages } = SELECTION_TABLES;
	await db.query(`CREATE OR REPLACE TEMP TABLE ${conversations} AS
		SELECT * FROM conversation_metrics c WHERE ${conditions.join(' AND ')}`, p.values);
	await db.exec(`CREATE OR REPLACE TEMP TABLE ${messages} AS
		SELECT * FROM message_metrics
		WHERE conversation_id IN (SELECT conversation_id FROM ${conversations})`);
	return { filtersKey: filtersKey(filters) };
}

/** The $n parameters of one statement, in order. */
export class Params {
	readonly values: unknown[] = [];

	/** Adds a value and returns its placeholder (`$3`). */
	add(value: unknown): string {
		this.values.push(value);
		return `$${this.values.length}`;
	}

	/** Adds several values and returns their placeholders, comma-separated. */
	list(values: readonly unknown[]): string {
		return values.map((v) => this.add(v)).join(', ');
	}
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Columns of the filtered rows a statement reads (`viewWith`'s `materialise`). */
export interface ViewColumns {
	/** Columns of `conversation_metrics`; must include conversation_id. */
	conversations: readonly string[];
	/** Columns of `message_metrics`. */
	messages: readonly string[];
}

/**
 * The `WITH selected AS (...), selected_messages AS (...)` prefix of a view query (no trailing comma).
 * `materialise`: the statement reads the filtered rows several times, so when they must be found here (no copy of
 * them, some filter set), these columns of them are found and kept once (MATERIALIZED) instead of once per read.
 */
export function viewWith(view: Pick<ViewQuery, 'filters' | 'selection'>, params: Params, materialise?: ViewColumns): string {
	const { filters, selection } = view;
	if (selection?.filtersKey === filtersKey(filters)) {
		const { conversations, messages } = SELECTION_TABLES;
		return `WITH selected AS NOT MATERIALIZED (SELECT * FROM ${conversations}), selected_messages AS NOT MATERIALIZED (SELECT * FROM ${messages})`;
	}
	const conditions = filterConditions(filters, params);
	if (conditions.length === 0) {
		// Nothing filtered: skip the semi-join over every message.
		return 'WITH selected AS NOT MATERIALIZED (SELECT * FROM conversation_metrics), selected_messages AS NOT MATERIALIZED (SELECT * FROM message_metrics)';
	}
	const [how, conversationColumns, messageColumns] = materialise
		? ['MATERIALIZED', materialise.conversations.join(', '), materialise.messages.join(', ')]
		: ['NOT MATERIALIZED', '*', '*'];
	return `WITH selected AS ${how} (
		SELECT ${conversationColumns} FROM conversation_metrics c WHERE ${conditions.join(' AND ')}
	),
	selected_messages AS ${how} (
		SELECT ${messageColumns} FROM message_metrics WHERE conversation_id IN (SELECT conversation_id FROM selected)
	)`;
}

/** Conditions on a `conversation_metrics` row `c`; none when nothing is filtered. */
function filterConditions(filters: Filters, params: Params): string[] {
	const conditions: string[] = [];
	// Days are local days of the dataset zone, and `started_local` is that zone's wall clock, so a conversation
	// started at 23:59 local on the `to` day is in, one started at 00:00 the next day is out.
	if (filters.from) conditions.push(`c.started_local >= CAST(${params.add(checkDay(filters.from))} AS DATE)`);
	if (filters.to) conditions.push(`c.started_local < CAST(${params.add(checkDay(filters.to))} AS DATE) + INTERVAL 1 DAY`);
	if (filters.departments?.length) {
		// `departments` holds every effective department of the conversation's replies (METRICS.md "Handoffs").
		conditions.push(`list_has_any(c.departments, [${params.list(filters.departments)}]::VARCHAR[])`);
	}
	if (filters.agents?.length) {
		conditions.push(`c.conversation_id IN (
			SELECT conversation_id FROM message_metrics WHERE is_reply AND author IN (${params.list(filters.agents)}))`);
	}
	if (filters.customers?.length) conditions.push(`c.customer IN (${params.list(filters.customers)})`);
	return conditions;
}

function checkDay(day: string): string {
	if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new Error(`'${day}' is not a day (YYYY-MM-DD)`);
	return day;
}

/** `column IN (chosen departments)`, or TRUE when no department is chosen: for the per-department tables. */
export function departmentIn(filters: Filters, params: Params, column: string): string {
	return filters.departments?.length ? `${column} IN (${params.list(filters.departments)})` : 'TRUE';
}

/** `column IN (chosen agents)`, or TRUE when no agent is chosen: for the per-agent table. */
export function agentIn(filters: Filters, params: Params, column: string): string {
	return filters.agents?.length ? `${column} IN (${params.list(filters.agents)})` : 'TRUE';
}

/** The columns of a `ConversationRow`, from a `conversation_metrics` row. */
export const CONVERSATION_ROW_COLUMNS = `conversation_id, departments, handoffs, first_response_s, first_human_response_s,
	duration_s, customer, started_at, messages`;

/**
 * `transfers`: one row per step between consecutive departments of the selected conversations' lists
 * (a CTE to append after `viewWith`, with a leading comma).
 */
export const TRANSFERS_CTE = `, transfers AS (
	SELECT conversation_id, departments[i] AS "from", departments[i + 1] AS "to"
	FROM (SELECT conversation_id, departments, generate_subscripts(departments, 1) AS i FROM selected WHERE handoffs > 0)
	WHERE i < len(departments)
)`;

/** `count_if(column <= target) / count(column)` with the target as a parameter; null when nothing was counted. */
export function shareWithinSql(params: Params, targetS: number, column = 'response_s'): string {
	return `count_if(${column} <= ${params.add(targetS)}) / nullif(count(${column}), 0)`;
}
