/**
 * Ingestion bypasses the ORM on purpose: one statement inserts the whole batch,
 * skips client ids already stored, and bumps the daily rollups atomically.
 * Each session bumps its own rollup shard (backend pid modulo ROLLUP_SHARDS), so
 * concurrent batches of one entity and day no longer wait on each other's row lock
 * until commit. Rollup ids are random: a deterministic id made concurrent first
 * inserts of a key fail on the primary key, which ON CONFLICT does not arbitrate.
 */
export const ROLLUP_SHARDS = 16

const ROLLUP_SHARD_SQL = `pg_backend_pid() % ${ROLLUP_SHARDS}`

/** Adds `n` to a (event_id, day, type, entity_id) rollup in this session's shard. */
const BUMP_ROLLUP_SQL = `
  INSERT INTO monetization_event_daily (id, event_id, day, type, entity_id, shard, count, created_at, updated_at)
  SELECT 'mevd_' || replace(gen_random_uuid()::text, '-', ''), event_id, day, type, entity_id, ${ROLLUP_SHARD_SQL}, n, now(), now()
  FROM grouped
  ORDER BY event_id, day, type, entity_id
  ON CONFLICT (event_id, day, type, entity_id, shard) WHERE deleted_at IS NULL
  DO UPDATE SET count = monetization_event_daily.count + excluded.count, updated_at = now()`

/** Per-batch counts of the given rows, one per rollup key (rows need event_id, type, entity_id, occurred_at). */
const groupedCounts = (rows: string, sign: "" | "-") => `
  SELECT coalesce(event_id, '') AS event_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
    type, entity_id, ${sign}count(*)::int AS n
  FROM ${rows}
  GROUP BY 1, 2, 3, 4`

/**
 * Parameters: the rows, then the values every row of the batch shares (a storefront batch
 * comes from one browser), which the rows leave out: a row's own value wins when present.
 */
export const INGEST_EVENTS_SQL = `
WITH shared AS (
  SELECT * FROM jsonb_to_record(?::jsonb) AS s(
    event_id text, session_token text, customer_id text, user_agent text, ip_prefix text, source text)
), input AS (
  SELECT x.id, x.client_event_id, x.type, x.entity_id, x.occurred_at, x.metadata,
    coalesce(x.event_id, s.event_id) AS event_id, coalesce(x.session_token, s.session_token) AS session_token,
    coalesce(x.customer_id, s.customer_id) AS customer_id, coalesce(x.user_agent, s.user_agent) AS user_agent,
    coalesce(x.ip_prefix, s.ip_prefix) AS ip_prefix, coalesce(x.source, s.source) AS source
  FROM jsonb_to_recordset(?::jsonb) AS x(
    id text, client_event_id text, type text, entity_id text, event_id text,
    session_token text, customer_id text, occurred_at timestamptz, metadata jsonb,
    user_agent text, ip_prefix text, source text), shared s
), inserted AS (
  INSERT INTO monetization_event (id, client_event_id, type, entity_id, event_id, session_token,
    customer_id, occurred_at, metadata, user_agent, ip_prefix, source, created_at, updated_at)
  SELECT id, client_event_id, type, entity_id, event_id, session_token, customer_id,
    occurred_at, metadata, user_agent, ip_prefix, source, now(), now()
  FROM input
  ON CONFLICT (client_event_id) WHERE deleted_at IS NULL DO NOTHING
  RETURNING id, client_event_id, event_id, type, entity_id, occurred_at
), grouped AS (${groupedCounts("inserted", "")}
), rollup AS (${BUMP_ROLLUP_SQL}
)
SELECT id, client_event_id FROM inserted
`

/**
 * Compensation: removes events a failed workflow inserted and takes them out of the
 * rollups (from this session's shard: a key's count is the sum of its shards).
 */
export const REMOVE_EVENTS_SQL = `
WITH removed AS (
  DELETE FROM monetization_event WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))
  RETURNING event_id, type, entity_id, occurred_at
), grouped AS (${groupedCounts("removed", "-")}
)${BUMP_ROLLUP_SQL}
`
