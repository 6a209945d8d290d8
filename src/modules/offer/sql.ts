/**
 * Stock moves bypass the ORM on purpose: a single conditional UPDATE is the
 * atomic check-and-reserve (row lock), so concurrent buyers can never oversell.
 */
export const RESERVE_STOCK_SQL = `
UPDATE monetization_offer SET held = held + ?, updated_at = now()
WHERE id = ? AND deleted_at IS NULL AND (inventory_total IS NULL OR inventory_total - sold - held >= ?)
RETURNING id`

/** Raw: an in-place decrement, so concurrent moves of the same offer's counters never lose one. */
export const RELEASE_STOCK_SQL = `
UPDATE monetization_offer SET held = GREATEST(held - ?, 0), updated_at = now()
WHERE id = ?`

/** Raw: marks one hold CONVERTED exactly once and answers its previous status (no row when already converted). */
export const CONVERT_HOLD_SQL = `
UPDATE monetization_offer_hold h SET status = 'CONVERTED', updated_at = now()
FROM (SELECT id, status FROM monetization_offer_hold WHERE id = ? AND deleted_at IS NULL FOR UPDATE) prev
WHERE h.id = prev.id AND prev.status <> 'CONVERTED'
RETURNING h.id, h.offer_id, h.quantity, prev.status AS previous_status`

/** Raw: held → sold in place (see RELEASE_STOCK_SQL). */
export const SELL_STOCK_SQL = `
UPDATE monetization_offer SET sold = sold + ?, held = GREATEST(held - ?, 0), updated_at = now()
WHERE id = ?`

/** Raw: sells units of a hold that lapsed (its units went back to stock) only if stock still has them. */
export const SELL_FREE_STOCK_SQL = `
UPDATE monetization_offer SET sold = sold + ?, updated_at = now()
WHERE id = ? AND (inventory_total IS NULL OR inventory_total - sold - held >= ?)
RETURNING id`

/** Raw: ON CONFLICT makes a replayed order (webhook and completion racing) record nothing new. */
export const INSERT_PURCHASE_SQL = `
INSERT INTO monetization_offer_purchase
  (id, offer_id, order_id, customer_id, hold_id, quantity, flagged_quantity, flag, amount, raw_amount, currency_code,
   status, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, jsonb_build_object('value', ?::text, 'precision', 20), ?, 'COMPLETED', now(), now())
ON CONFLICT (offer_id, order_id) WHERE deleted_at IS NULL DO NOTHING
RETURNING id`

/** Raw: cancels an order's purchases and returns their units in one statement, exactly once. */
export const CANCEL_PURCHASES_SQL = `
WITH canceled AS (
  UPDATE monetization_offer_purchase SET status = 'CANCELED', updated_at = now()
  WHERE order_id = ? AND status = 'COMPLETED' AND deleted_at IS NULL
  RETURNING id, offer_id, quantity
), per_offer AS (
  SELECT offer_id, sum(quantity)::int AS quantity FROM canceled GROUP BY offer_id
), returned AS (
  UPDATE monetization_offer o SET sold = GREATEST(o.sold - p.quantity, 0), updated_at = now()
  FROM per_offer p WHERE o.id = p.offer_id
)
SELECT id, offer_id, quantity FROM canceled`

/** Raw: expires every lapsed hold and gives its units back in one statement (the job's sweep). */
export const EXPIRE_HOLDS_SQL = `
WITH expired AS (
  UPDATE monetization_offer_hold SET status = 'EXPIRED', updated_at = now()
  WHERE status = 'HELD' AND expires_at <= ? AND deleted_at IS NULL
  RETURNING id, offer_id, quantity
), per_offer AS (
  SELECT offer_id, sum(quantity)::int AS quantity FROM expired GROUP BY offer_id
), released AS (
  UPDATE monetization_offer o SET held = GREATEST(o.held - p.quantity, 0), updated_at = now()
  FROM per_offer p WHERE o.id = p.offer_id
)
SELECT id, offer_id, quantity FROM expired`

/** Raw: only a HELD hold is released (RETURNING tells whether this call did it). */
export const RELEASE_HOLD_SQL = `
UPDATE monetization_offer_hold SET status = 'RELEASED', updated_at = now()
WHERE id = ? AND status = 'HELD' AND deleted_at IS NULL
RETURNING id, offer_id, quantity`

/** Raw: the hold's row lock (FOR UPDATE) while a renewal decides. */
export const LOCK_HOLD_SQL = `
SELECT id, offer_id, quantity, status, expires_at FROM monetization_offer_hold
WHERE id = ? AND deleted_at IS NULL FOR UPDATE`

/** Serializes one customer's holds on one offer (the live-hold and per-customer checks) for this transaction. */
export const LOCK_CUSTOMER_OFFER_SQL = `SELECT pg_advisory_xact_lock(hashtextextended(? || ':' || ?, 0))`

/**
 * Before a customer's new hold: expires their holds on the offer whose time is up (giving the
 * units back), and answers their live hold, if any, and the units they already bought.
 */
export const CUSTOMER_OFFER_STATE_SQL = `
WITH stale AS (
  UPDATE monetization_offer_hold SET status = 'EXPIRED', updated_at = now()
  WHERE offer_id = ? AND customer_id = ? AND status = 'HELD' AND expires_at <= now() AND deleted_at IS NULL
  RETURNING quantity
), released AS (
  UPDATE monetization_offer SET held = GREATEST(held - (SELECT sum(quantity) FROM stale), 0), updated_at = now()
  WHERE id = ? AND EXISTS (SELECT 1 FROM stale)
)
SELECT
  (SELECT id FROM monetization_offer_hold
   WHERE offer_id = ? AND customer_id = ? AND status = 'HELD' AND expires_at > now() AND deleted_at IS NULL
   ORDER BY created_at DESC LIMIT 1) AS live_id,
  (SELECT coalesce(sum(quantity + flagged_quantity), 0)::int FROM monetization_offer_purchase
   WHERE offer_id = ? AND customer_id = ? AND status = 'COMPLETED' AND deleted_at IS NULL) AS bought`

const HOLD_COLUMNS = `id, offer_id, customer_id, cart_id, line_item_id, quantity, expires_at, status, created_at, updated_at`

/** Raw: reserves the units if the stock has them and records the hold, in one statement (no row when sold out). */
export const RESERVE_AND_HOLD_SQL = `
WITH reserved AS (
  UPDATE monetization_offer SET held = held + ?, updated_at = now()
  WHERE id = ? AND deleted_at IS NULL AND (inventory_total IS NULL OR inventory_total - sold - held >= ?)
  RETURNING id
)
INSERT INTO monetization_offer_hold (id, offer_id, customer_id, quantity, expires_at, status, created_at, updated_at)
SELECT ?, id, ?, ?, ?, 'HELD', now(), now() FROM reserved
RETURNING ${HOLD_COLUMNS}`

/** Raw: shortens a live hold to at most `expires_at` (LEAST in place; a failed payment leaves a retry grace). */
export const SHORTEN_HOLD_SQL = `
UPDATE monetization_offer_hold SET expires_at = LEAST(expires_at, ?::timestamptz), updated_at = now()
WHERE id = ? AND status = 'HELD' AND deleted_at IS NULL
RETURNING id`

