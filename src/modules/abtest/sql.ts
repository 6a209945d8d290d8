/**
 * Tracking bypasses the ORM on purpose: one statement inserts the whole batch, lets the
 * (test_id, dedup_key) unique index drop repeats (even inside the batch), and folds the new
 * views and conversions into the per-session rollup that results are computed from.
 * Goals cannot change once a test runs, so the rollup never needs recomputing.
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
), inserted AS (
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
  RETURNING id, test_id, session_token, variant_id, event_type, goal, goal_value
), touched AS (
  SELECT i.test_id, i.session_token,
    min(i.variant_id) FILTER (WHERE i.event_type = 'variant_view') AS variant_id,
    coalesce(bool_or(i.event_type = 'goal_conversion' AND i.goal = x.primary_goal), false) AS converted,
    coalesce(sum(i.goal_value) FILTER (
      WHERE i.event_type = 'goal_conversion' AND i.goal = coalesce(x.revenue_goal, x.primary_goal)), 0) AS revenue
  FROM inserted i
  JOIN monetization_ab_experiment x ON x.test_id = i.test_id
  WHERE i.event_type IN ('variant_view', 'goal_conversion')
  GROUP BY i.test_id, i.session_token
  -- The same order in every batch, so concurrent batches lock session rows without deadlocking.
  ORDER BY i.test_id, i.session_token
), rollup AS (
  INSERT INTO monetization_ab_session (id, test_id, session_token, variant_id, converted, revenue,
    raw_revenue, created_at, updated_at)
  SELECT 'mabs_' || md5(test_id || ':' || session_token), test_id, session_token, variant_id, converted,
    revenue, jsonb_build_object('value', revenue::text, 'precision', 20), now(), now()
  FROM touched
  ON CONFLICT (test_id, session_token) WHERE deleted_at IS NULL DO UPDATE SET
    variant_id = coalesce(monetization_ab_session.variant_id, excluded.variant_id),
    converted = monetization_ab_session.converted OR excluded.converted,
    revenue = monetization_ab_session.revenue + excluded.revenue,
    raw_revenue = jsonb_build_object('value', (monetization_ab_session.revenue + excluded.revenue)::text, 'precision', 20),
    updated_at = now()
)
SELECT id FROM inserted
`

/**
 * Compensation: removes the rows a failed workflow inserted and takes them out of the session
 * rollup. The statement still sees the removed rows, hence the explicit exclusion when checking
 * whether another conversion keeps the session converted. Bindings: ids, ids (JSON arrays).
 */
export const REMOVE_AB_EVENTS_SQL = `
WITH removed AS (
  DELETE FROM monetization_ab_event WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))
  RETURNING test_id, session_token, event_type, goal, goal_value
), per_session AS (
  SELECT r.test_id, r.session_token,
    bool_or(r.event_type = 'variant_view') AS view_removed,
    coalesce(sum(r.goal_value) FILTER (
      WHERE r.event_type = 'goal_conversion' AND r.goal = coalesce(x.revenue_goal, x.primary_goal)), 0) AS revenue
  FROM removed r
  JOIN monetization_ab_experiment x ON x.test_id = r.test_id
  GROUP BY r.test_id, r.session_token
)
UPDATE monetization_ab_session s SET
  variant_id = CASE WHEN p.view_removed THEN NULL ELSE s.variant_id END,
  converted = EXISTS (
    SELECT 1 FROM monetization_ab_event e
    JOIN monetization_ab_experiment x ON x.test_id = e.test_id
    WHERE e.test_id = s.test_id AND e.session_token = s.session_token AND e.deleted_at IS NULL
      AND e.event_type = 'goal_conversion' AND e.goal = x.primary_goal
      AND e.id NOT IN (SELECT jsonb_array_elements_text(?::jsonb))
  ),
  revenue = s.revenue - p.revenue,
  raw_revenue = jsonb_build_object('value', (s.revenue - p.revenue)::text, 'precision', 20),
  updated_at = now()
FROM per_session p
WHERE s.test_id = p.test_id AND s.session_token = p.session_token AND s.deleted_at IS NULL
`

/**
 * Per-variant counts for the results, grouped in the database from the session rollup:
 * sessions with a view, sessions converting on the primary goal, and per-session revenue on
 * the revenue goal as Σx and Σx² for Welch's test. A conversion counts for the variant the
 * session was shown; sessions without a view are left out. Binding: test_id.
 */
export const AB_VARIANT_AGGREGATES_SQL = `
SELECT variant_id,
  count(*)::int AS sessions,
  (count(*) FILTER (WHERE converted))::int AS conversions,
  -- float8 rather than numeric arithmetic: ~2× faster on a million sessions, precise enough for statistics.
  coalesce(sum(revenue::float8), 0) AS revenue_sum,
  coalesce(sum(revenue::float8 * revenue::float8), 0) AS revenue_sum_sq
FROM monetization_ab_session
WHERE test_id = ? AND variant_id IS NOT NULL AND deleted_at IS NULL
GROUP BY variant_id
`

/** Sessions of the given (test_id, session_token) pairs whose view the server stored. Binding: JSON pairs. */
export const EXPOSED_SESSIONS_SQL = `
SELECT s.test_id, s.session_token
FROM jsonb_to_recordset(?::jsonb) AS p(test_id text, session_token text)
JOIN monetization_ab_session s ON s.test_id = p.test_id AND s.session_token = p.session_token
WHERE s.variant_id IS NOT NULL AND s.deleted_at IS NULL
`
