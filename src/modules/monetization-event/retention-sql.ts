/**
 * Retention: one bounded batch of raw events older than the cutoff, soft-deleted ones included.
 * Daily rollups are separate rows and stay. Bindings: cutoff, batch size.
 */
export const PURGE_EVENTS_SQL = `
DELETE FROM monetization_event WHERE id IN (
  SELECT id FROM monetization_event WHERE occurred_at < ?::timestamptz LIMIT ?
)
`

/**
 * Erasure: a deleted customer's events keep their facts (type, entity, time, client id for
 * deduplication; the rollups are untouched) and lose every link to the person. Binding: customer id.
 */
export const ERASE_CUSTOMER_EVENTS_SQL = `
UPDATE monetization_event SET customer_id = NULL, session_token = NULL, user_agent = NULL, ip_prefix = NULL,
  metadata = CASE WHEN source = 'client' THEN NULL ELSE metadata END, updated_at = now()
WHERE customer_id = ?
`
