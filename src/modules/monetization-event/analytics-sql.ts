/**
 * Dashboard reads. Counts come only from the daily rollup (a few rows per entity
 * per day), so the cost does not grow with the number of raw events.
 * `day` is a 'YYYY-MM-DD' UTC string, so text comparison is date order.
 */
export const COUNTS_BY_TYPE_SQL = `
SELECT type, sum(count)::bigint AS count
FROM monetization_event_daily
WHERE event_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL
GROUP BY type
`

/**
 * Per type and entity, for the given entities only (the event's real offers and ads): entity ids
 * are whatever a client sent, so grouping by every one of them would be unbounded.
 */
export const COUNTS_BY_ENTITY_SQL = `
SELECT type, entity_id, sum(count)::bigint AS count
FROM monetization_event_daily
WHERE event_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL
  AND entity_id IN (SELECT jsonb_array_elements_text(?::jsonb))
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
