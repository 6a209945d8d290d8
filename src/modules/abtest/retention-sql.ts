/**
 * Retention: one bounded batch of raw A/B events older than the cutoff. Results come from the
 * session rollup (monetization_ab_session), which stays; but a running test still deduplicates
 * new events against its raw rows (a replayed conversion would add its revenue again), so a
 * running test's raw events stay until it stops. Bindings: cutoff, batch size.
 */
export const PURGE_AB_EVENTS_SQL = `
DELETE FROM monetization_ab_event WHERE id IN (
  SELECT e.id FROM monetization_ab_event e
  WHERE e.occurred_at < ?::timestamptz
    AND NOT EXISTS (
      SELECT 1 FROM monetization_ab_experiment x
      WHERE x.test_id = e.test_id AND x.status = 'RUNNING' AND x.deleted_at IS NULL
    )
  LIMIT ?
)
`

/**
 * Erasure: a deleted customer's A/B events keep what results and deduplication need (test,
 * variant, session token, dedup key) and lose the customer, the storefront's user id, user agent and
 * IP prefix. Rows are found by the customer the server authenticated. Binding: customer id.
 */
export const ERASE_CUSTOMER_AB_EVENTS_SQL = `
UPDATE monetization_ab_event SET customer_id = NULL, user_id = NULL, user_agent = NULL, ip_prefix = NULL,
  updated_at = now()
WHERE customer_id = ?
`
