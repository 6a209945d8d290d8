/**
 * Tracking bypasses the ORM on purpose: one statement inserts the whole batch and
 * lets the (test_id, dedup_key) unique index drop repeats, even inside the batch.
 */
export const INGEST_AB_EVENTS_SQL = `
WITH input AS (
  -- WITH ORDINALITY keeps the batch order, so the first of two duplicates in one batch is the one kept.
  SELECT * FROM ROWS FROM (jsonb_to_recordset(?::jsonb) AS (
    id text, client_event_id text, test_id text, event_id text, session_token text, variant_id text,
    event_type text, goal text, goal_value numeric, user_id text, customer_id text, dedup_key text,
    occurred_at timestamptz, user_agent text, ip_prefix text)) WITH ORDINALITY AS x(
    id, client_event_id, test_id, event_id, session_token, variant_id, event_type, goal, goal_value,
    user_id, customer_id, dedup_key, occurred_at, user_agent, ip_prefix, position)
)
INSERT INTO monetization_ab_event (id, client_event_id, test_id, event_id, session_token, variant_id,
  event_type, goal, goal_value, raw_goal_value, user_id, customer_id, dedup_key, occurred_at,
  user_agent, ip_prefix, created_at, updated_at)
SELECT id, client_event_id, test_id, event_id, session_token, variant_id, event_type, goal, goal_value,
  CASE WHEN goal_value IS NULL THEN NULL
    ELSE jsonb_build_object('value', goal_value::text, 'precision', 20) END,
  user_id, customer_id, dedup_key, occurred_at, user_agent, ip_prefix, now(), now()
FROM input
ORDER BY position
ON CONFLICT (test_id, dedup_key) WHERE deleted_at IS NULL DO NOTHING
RETURNING id
`

/** Compensation: removes the rows a failed workflow inserted. */
export const REMOVE_AB_EVENTS_SQL = `
DELETE FROM monetization_ab_event WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))
`

/**
 * Per-variant counts for the results, aggregated in the database: sessions with a view
 * (one per session by the dedup key), distinct sessions converting on the primary goal,
 * and per-session revenue on the revenue goal as Σx and Σx² for Welch's test.
 * A conversion counts for the variant the session was shown; conversions without a view are ignored.
 * Bindings: test_id, primary goal, revenue goal, test_id, primary goal, revenue goal.
 */
export const AB_VARIANT_AGGREGATES_SQL = `
WITH views AS (
  SELECT session_token, variant_id
  FROM monetization_ab_event
  WHERE test_id = ? AND event_type = 'variant_view' AND deleted_at IS NULL
), conversions AS (
  SELECT session_token,
    bool_or(goal = ?) AS converted,
    sum(goal_value) FILTER (WHERE goal = ?) AS revenue
  FROM monetization_ab_event
  WHERE test_id = ? AND event_type = 'goal_conversion' AND deleted_at IS NULL AND goal IN (?, ?)
  GROUP BY session_token
)
SELECT v.variant_id,
  count(*)::int AS sessions,
  (count(*) FILTER (WHERE c.converted))::int AS conversions,
  coalesce(sum(c.revenue), 0)::float8 AS revenue_sum,
  coalesce(sum(c.revenue * c.revenue), 0)::float8 AS revenue_sum_sq
FROM views v
LEFT JOIN conversions c ON c.session_token = v.session_token
GROUP BY v.variant_id
`
