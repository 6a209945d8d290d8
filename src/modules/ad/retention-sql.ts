/**
 * Retention: one bounded batch of impressions or clicks older than the cutoff. A serve token lives
 * at most a day (`ads.signedUrlTtlMinutes`), so a deleted click can no longer be replayed.
 * Bindings: cutoff, batch size.
 */
export const PURGE_AD_TRAFFIC_SQL = {
  impressions: `
DELETE FROM monetization_ad_impression WHERE id IN (
  SELECT id FROM monetization_ad_impression WHERE occurred_at < ?::timestamptz LIMIT ?
)`,
  clicks: `
DELETE FROM monetization_ad_click WHERE id IN (
  SELECT id FROM monetization_ad_click WHERE occurred_at < ?::timestamptz LIMIT ?
)`,
} as const

export type AdTrafficTable = keyof typeof PURGE_AD_TRAFFIC_SQL

/**
 * Erasure: a deleted customer's impressions and clicks stay counted (and billed) but lose every link
 * to the person. Bindings: customer id, `customer:<id>` viewer key.
 */
export const ERASE_CUSTOMER_AD_TRAFFIC_SQL = {
  impressions: `
UPDATE monetization_ad_impression SET customer_id = NULL, viewer_key = NULL, session_token = NULL, session_id = NULL,
  user_agent = NULL, ip_prefix = NULL, updated_at = now()
WHERE customer_id = ? OR viewer_key = ?`,
  clicks: `
UPDATE monetization_ad_click SET customer_id = NULL, viewer_key = NULL, session_token = NULL,
  user_agent = NULL, ip_prefix = NULL, updated_at = now()
WHERE customer_id = ? OR viewer_key = ?`,
} as const
