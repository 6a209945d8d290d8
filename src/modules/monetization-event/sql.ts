/**
 * Ingestion bypasses the ORM on purpose: one statement inserts the whole batch,
 * skips client ids already stored, and bumps the daily rollups atomically.
 */
export const INGEST_EVENTS_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(
    id text, client_event_id text, type text, entity_id text, event_id text,
    session_token text, customer_id text, occurred_at timestamptz, metadata jsonb,
    user_agent text, ip_prefix text, source text)
), inserted AS (
  INSERT INTO monetization_event (id, client_event_id, type, entity_id, event_id, session_token,
    customer_id, occurred_at, metadata, user_agent, ip_prefix, source, created_at, updated_at)
  SELECT id, client_event_id, type, entity_id, event_id, session_token, customer_id,
    occurred_at, metadata, user_agent, ip_prefix, source, now(), now()
  FROM input
  ON CONFLICT (client_event_id) WHERE deleted_at IS NULL DO NOTHING
  RETURNING id, client_event_id, event_id, type, entity_id, occurred_at
), rollup AS (
  INSERT INTO monetization_event_daily (id, event_id, day, type, entity_id, count, created_at, updated_at)
  SELECT 'mevd_' || md5(event_id || day || type || entity_id), event_id, day, type, entity_id, n, now(), now()
  FROM (
    SELECT coalesce(event_id, '') AS event_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
      type, entity_id, count(*)::int AS n
    FROM inserted
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
  ) grouped
  ON CONFLICT (event_id, day, type, entity_id) WHERE deleted_at IS NULL
  DO UPDATE SET count = monetization_event_daily.count + excluded.count, updated_at = now()
)
SELECT id, client_event_id FROM inserted
`

/** Compensation: removes events a failed workflow inserted and takes them out of the rollups. */
export const REMOVE_EVENTS_SQL = `
WITH removed AS (
  DELETE FROM monetization_event WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))
  RETURNING event_id, type, entity_id, occurred_at
)
UPDATE monetization_event_daily d
SET count = d.count - r.n, updated_at = now()
FROM (
  SELECT coalesce(event_id, '') AS event_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
    type, entity_id, count(*)::int AS n
  FROM removed GROUP BY 1, 2, 3, 4
) r
WHERE d.event_id = r.event_id AND d.day = r.day AND d.type = r.type AND d.entity_id = r.entity_id
`
