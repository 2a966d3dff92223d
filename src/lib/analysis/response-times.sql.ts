/**
 * Response-time SQL, exactly as shared/design/METRICS.md defines it. Runs unchanged on DuckDB-WASM and
 * native DuckDB. Order inside a conversation is (sent_at, seq): ties in time go by input order.
 *
 * Every duration is the difference of two `clock_ms` values. The clock is calendar time or business time
 * (business-hours.ts `clockMsSql`); building it once per message keeps the durations a subtraction.
 */

/**
 * One row per message with:
 * - `reply_no`: how many agent/bot messages came up to and including this one (system lines do not count);
 * - `effective_department`: for agent/bot messages, the last non-empty department of the agent/bot messages
 *   up to this one (an empty department keeps the previous one);
 * - `response_s`: for an agent/bot message, seconds from the earliest customer message that came after the
 *   previous agent/bot message (same `reply_no` block) to this one; null when no customer message came;
 * - `clock_ms`: the message's time on the clock the metrics were computed with (`clockMs`, SQL over a messages row).
 * Every column of `messages` but `text` and `source` is kept: a query that shows texts joins `messages` for them
 * (view-sql.ts `TEXT_JOIN`). With the texts, this table was a second copy of them, and building it grew DuckDB-WASM's
 * memory, which never shrinks, from 1.1 to 1.8 GB at 1M messages (under Node); without, it stays at 1.1 GB.
 */
export const messageMetricsSql = (clockMs: string) => `
CREATE OR REPLACE TABLE message_metrics AS
WITH ordered AS (
	SELECT *,
		${clockMs} AS clock_ms,
		role IN ('agent', 'bot') AS is_reply,
		sum(CASE WHEN role IN ('agent', 'bot') THEN 1 ELSE 0 END) OVER conv AS reply_no,
		CASE WHEN role IN ('agent', 'bot') THEN
			last_value(CASE WHEN role IN ('agent', 'bot') THEN department END IGNORE NULLS) OVER conv
		END AS effective_department
	FROM (SELECT * EXCLUDE (text, source) FROM messages)
	WINDOW conv AS (PARTITION BY conversation_id ORDER BY sent_at, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
waits AS (
	SELECT conversation_id, reply_no AS block, arg_min(clock_ms, (sent_at, seq)) AS wait_start
	FROM ordered WHERE role = 'customer'
	GROUP BY conversation_id, reply_no
)
SELECT o.*,
	CASE WHEN o.is_reply AND w.wait_start IS NOT NULL
		THEN (o.clock_ms - w.wait_start) / 1000.0 END AS response_s
FROM ordered o
-- Equalities only: a side condition such as o.is_reply in ON makes DuckDB plan a nested-loop join (this statement
-- took 3 s instead of 0.4 s at 100k messages). At most one wait matches a row; the CASE above keeps replies only.
LEFT JOIN waits w ON w.conversation_id = o.conversation_id AND w.block = o.reply_no - 1
ORDER BY o.seq`;

/**
 * One row per conversation: first/last message, first response (any agent/bot), first human response
 * (agent only), the department that gave the first response, and the collapsed department chain.
 * `started_local` (wall clock of the first message) is what the date filters compare. Needs `message_metrics`.
 */
export const CONVERSATION_METRICS_SQL = `
CREATE OR REPLACE TABLE conversation_metrics AS
WITH first_customer AS (
	SELECT conversation_id, arg_min(seq, (sent_at, seq)) AS seq, min(sent_at) AS sent_at,
		arg_min(clock_ms, (sent_at, seq)) AS clock_ms
	FROM message_metrics WHERE role = 'customer' GROUP BY conversation_id
),
first_reply AS (
	SELECT m.conversation_id,
		arg_min(m.response_s, (m.sent_at, m.seq)) AS first_response_s,
		arg_min(m.effective_department, (m.sent_at, m.seq)) AS first_response_department
	FROM message_metrics m WHERE m.response_s IS NOT NULL GROUP BY m.conversation_id
),
first_human AS (
	SELECT m.conversation_id,
		(arg_min(m.clock_ms, (m.sent_at, m.seq)) - any_value(c.clock_ms)) / 1000.0 AS first_human_response_s
	FROM message_metrics m JOIN first_customer c USING (conversation_id)
	WHERE m.role = 'agent' AND (m.sent_at > c.sent_at OR (m.sent_at = c.sent_at AND m.seq > c.seq))
	GROUP BY m.conversation_id
),
chain AS (
	SELECT conversation_id, list(effective_department ORDER BY sent_at, seq) AS departments
	FROM (
		SELECT conversation_id, sent_at, seq, effective_department,
			lag(effective_department) OVER (PARTITION BY conversation_id ORDER BY sent_at, seq) AS previous
		FROM message_metrics WHERE is_reply AND effective_department IS NOT NULL
	)
	WHERE previous IS NULL OR previous <> effective_department
	GROUP BY conversation_id
),
spans AS (
	SELECT conversation_id, min(sent_at) AS started_at, max(sent_at) AS ended_at, count(*) AS messages,
		arg_min(sent_local, (sent_at, seq)) AS started_local,
		arg_max(clock_ms, (sent_at, seq)) - arg_min(clock_ms, (sent_at, seq)) AS duration_ms,
		arg_min(customer, (customer IS NULL, sent_at, seq)) AS customer
	FROM message_metrics GROUP BY conversation_id
)
SELECT s.conversation_id, s.started_at, s.ended_at, s.started_local, s.messages, s.customer,
	s.duration_ms / 1000.0 AS duration_s,
	r.first_response_s, r.first_response_department, h.first_human_response_s,
	coalesce(c.departments, []::VARCHAR[]) AS departments,
	greatest(len(coalesce(c.departments, []::VARCHAR[])) - 1, 0) AS handoffs
FROM spans s
LEFT JOIN first_reply r USING (conversation_id)
LEFT JOIN first_human h USING (conversation_id)
LEFT JOIN chain c USING (conversation_id)
ORDER BY s.started_at, s.conversation_id`;
