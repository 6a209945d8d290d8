/**
 * Dashboard reads. Counts come only from the daily rollup (a few rows per entity
 * per day), so the cost does not grow with the number of raw events.
 * `day` is a 'YYYY-MM-DD' UTC string, so text comparison is date order.
 */
export const COUNTS_BY_ENTITY_SQL = `
SELECT type, entity_id, sum(count)::bigint AS count
FROM monetization_event_daily
WHERE event_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL
GROUP BY type, entity_id
`

export const COUNTS_BY_DAY_SQL = `
SELECT day, type, sum(count)::bigint AS count
FROM monetization_event_daily
WHERE event_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL
GROUP BY day, type
ORDER BY day, type
`

export const COUNTS_BY_DAY_AND_ENTITY_SQL = `
SELECT day, type, entity_id, sum(count)::bigint AS count
FROM monetization_event_daily
WHERE event_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL
  AND type IN (SELECT jsonb_array_elements_text(?::jsonb))
  AND entity_id IN (SELECT jsonb_array_elements_text(?::jsonb))
GROUP BY day, type, entity_id
ORDER BY day, type, entity_id
`

/**
 * Wait times live in event metadata, which the rollup does not keep: this one read
 * touches raw events, through the partial index of accepted waitlist offers, newest
 * first and at most `?` of them (the metadata test stays out of WHERE so the planner
 * trusts the index order), so its cost stays bounded however busy the event is.
 */
export const AVERAGE_WAIT_MINUTES_SQL = `
SELECT avg(wait)::float8 AS average, count(wait)::bigint AS samples
FROM (
  SELECT CASE WHEN jsonb_typeof(metadata->'wait_minutes') = 'number'
    THEN (metadata->>'wait_minutes')::numeric END AS wait
  FROM monetization_event
  WHERE event_id = ? AND occurred_at >= ? AND occurred_at < ?
    AND type = 'WAITLIST_OFFER_ACCEPT' AND deleted_at IS NULL
  ORDER BY occurred_at DESC
  LIMIT ?
) recent
`
