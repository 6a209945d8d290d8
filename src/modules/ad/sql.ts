/**
 * Impressions bypass the ORM on purpose (hot path): one statement stores the
 * whole batch, folds duplicate client ids (within the batch and against stored
 * rows) and upgrades a stored impression when it is re-reported as viewable.
 * `inserted` tells a new row from an upgrade; untouched duplicates return nothing.
 */
export const INGEST_AD_IMPRESSIONS_SQL = `
WITH input AS (
  SELECT DISTINCT ON (client_id) * FROM jsonb_to_recordset(?::jsonb) AS x(
    id text, client_id text, ad_id text, event_id text, placement text, viewer_key text,
    session_token text, session_id text, customer_id text, viewable boolean, ivt_reason text,
    user_agent text, ip_prefix text, occurred_at timestamptz)
  ORDER BY client_id, viewable DESC
), fresh AS (
  -- New valid impressions, numbered per ad and IP prefix: the n-th one is billable only under the cap.
  SELECT client_id, ad_id, ip_prefix,
    row_number() OVER (PARTITION BY ad_id, ip_prefix ORDER BY occurred_at, client_id) AS n
  FROM input
  WHERE ivt_reason IS NULL AND NOT EXISTS (
    SELECT 1 FROM monetization_ad_impression s WHERE s.client_id = input.client_id AND s.deleted_at IS NULL)
), used AS (
  SELECT k.ad_id, k.ip_prefix, count(s.id) AS used
  FROM (SELECT DISTINCT ad_id, ip_prefix FROM fresh) k
  LEFT JOIN monetization_ad_impression s ON s.ad_id = k.ad_id AND s.ip_prefix IS NOT DISTINCT FROM k.ip_prefix
    AND s.ivt_reason IS NULL AND s.created_at >= ?::timestamptz AND s.deleted_at IS NULL
  GROUP BY k.ad_id, k.ip_prefix
), checked AS (
  SELECT input.*, CASE WHEN input.ivt_reason IS NULL AND fresh.n + coalesce(used.used, 0) > ?::int
    THEN 'ip_rate_limited' ELSE input.ivt_reason END AS final_ivt_reason
  FROM input
  LEFT JOIN fresh ON fresh.client_id = input.client_id
  LEFT JOIN used ON used.ad_id = input.ad_id AND used.ip_prefix IS NOT DISTINCT FROM input.ip_prefix
)
INSERT INTO monetization_ad_impression AS i (id, client_id, ad_id, event_id, placement, viewer_key,
  session_token, session_id, customer_id, viewable, viewable_at, ivt_reason, user_agent, ip_prefix,
  occurred_at, created_at, updated_at)
SELECT id, client_id, ad_id, event_id, placement, viewer_key, session_token, session_id, customer_id,
  viewable, CASE WHEN viewable THEN now() END, final_ivt_reason, user_agent, ip_prefix, occurred_at, now(), now()
FROM checked
ON CONFLICT (client_id) WHERE deleted_at IS NULL
DO UPDATE SET viewable = true, viewable_at = now(), updated_at = now()
  WHERE i.viewable = false AND excluded.viewable = true AND i.ad_id = excluded.ad_id
RETURNING id, client_id, ad_id, event_id, viewer_key, session_token, customer_id, viewable, ivt_reason,
  occurred_at, (xmax = 0) AS inserted
`

/**
 * Transaction-scoped advisory locks on the given keys, taken in the given (sorted) order so two
 * batches never wait on each other in a cycle. Binding: a JSON array of keys.
 */
export const LOCK_KEYS_SQL = `
SELECT pg_advisory_xact_lock(hashtextextended(key, 0))
FROM (SELECT key FROM jsonb_array_elements_text(?::jsonb) WITH ORDINALITY AS k(key, position) ORDER BY position) ordered
`

/**
 * What the click rules need, read under the ad's click lock: whether this serve nonce was
 * already clicked (a replay), whether the viewer has a valid click of the ad since the duplicate
 * window began, and how many valid clicks the IP prefix made on the ad this clock hour.
 * Bindings: click_id, ad_id, viewer_key, duplicate window start, ad_id, ip_prefix, hour start.
 */
export const AD_CLICK_RULE_FACTS_SQL = `
SELECT
  EXISTS (SELECT 1 FROM monetization_ad_click WHERE click_id = ? AND deleted_at IS NULL) AS replayed,
  EXISTS (SELECT 1 FROM monetization_ad_click WHERE ad_id = ? AND viewer_key = ? AND ivt_reason IS NULL
    AND occurred_at >= ?::timestamptz AND deleted_at IS NULL) AS duplicate,
  (SELECT count(*) FROM monetization_ad_click WHERE ad_id = ? AND ip_prefix IS NOT DISTINCT FROM ?
    AND ivt_reason IS NULL AND occurred_at >= ?::timestamptz AND deleted_at IS NULL)::int AS ip_clicks
`

/** Records a click once per click id; returns the row only when it is new. */
export const INSERT_AD_CLICK_SQL = `
INSERT INTO monetization_ad_click (id, click_id, ad_id, event_id, placement, viewer_key, session_token,
  customer_id, ivt_reason, user_agent, ip_prefix, occurred_at, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())
ON CONFLICT (click_id) WHERE deleted_at IS NULL DO NOTHING
RETURNING id
`

/** Valid impressions per ad for one viewer since each ad's own window start (the Postgres cap counter). */
export const CAP_COUNTS_SQL = `
SELECT w.ad_id, count(i.id)::int AS count
FROM jsonb_to_recordset(?::jsonb) AS w(ad_id text, since timestamptz)
JOIN monetization_ad_impression i ON i.ad_id = w.ad_id AND i.occurred_at >= w.since
WHERE i.viewer_key = ? AND i.ivt_reason IS NULL AND i.deleted_at IS NULL
GROUP BY w.ad_id
`

/** Delivery counts per ad, valid and invalid traffic apart. */
export const AD_DELIVERY_COUNTS_SQL = `
WITH ids AS (SELECT jsonb_array_elements_text(?::jsonb) AS ad_id),
imp AS (
  SELECT ad_id,
    count(*) FILTER (WHERE ivt_reason IS NULL)::int AS impressions,
    count(*) FILTER (WHERE ivt_reason IS NULL AND viewable)::int AS viewable_impressions,
    count(*) FILTER (WHERE ivt_reason IS NOT NULL)::int AS ivt_impressions
  FROM monetization_ad_impression
  WHERE ad_id IN (SELECT ad_id FROM ids) AND deleted_at IS NULL
  GROUP BY ad_id
), clk AS (
  SELECT ad_id,
    count(*) FILTER (WHERE ivt_reason IS NULL)::int AS clicks,
    count(*) FILTER (WHERE ivt_reason IS NOT NULL)::int AS ivt_clicks
  FROM monetization_ad_click
  WHERE ad_id IN (SELECT ad_id FROM ids) AND deleted_at IS NULL
  GROUP BY ad_id
)
SELECT ids.ad_id, coalesce(imp.impressions, 0) AS impressions,
  coalesce(imp.viewable_impressions, 0) AS viewable_impressions,
  coalesce(imp.ivt_impressions, 0) AS ivt_impressions,
  coalesce(clk.clicks, 0) AS clicks, coalesce(clk.ivt_clicks, 0) AS ivt_clicks
FROM ids LEFT JOIN imp USING (ad_id) LEFT JOIN clk USING (ad_id)
`

/**
 * Redis cap counter: INCR and set the TTL in one atomic script, so a counter can
 * never be left without an expiry if the process dies between the two.
 */
export const REDIS_INCR_WITH_TTL = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`

/** Invalid traffic per ad, per kind and reason: what was filtered, and why. */
export const AD_IVT_REASON_COUNTS_SQL = `
WITH ids AS (SELECT jsonb_array_elements_text(?::jsonb) AS ad_id)
SELECT 'impressions' AS kind, ad_id, ivt_reason, count(*)::int AS count
FROM monetization_ad_impression
WHERE ad_id IN (SELECT ad_id FROM ids) AND ivt_reason IS NOT NULL AND deleted_at IS NULL
GROUP BY ad_id, ivt_reason
UNION ALL
SELECT 'clicks' AS kind, ad_id, ivt_reason, count(*)::int AS count
FROM monetization_ad_click
WHERE ad_id IN (SELECT ad_id FROM ids) AND ivt_reason IS NOT NULL AND deleted_at IS NULL
GROUP BY ad_id, ivt_reason
`
