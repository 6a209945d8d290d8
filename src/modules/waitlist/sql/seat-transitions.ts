import { ENTRY_COLUMNS } from "../entry-row"

/*
 * The seat state machine's statements. Each is raw because it is a single conditional statement
 * (UPDATE … WHERE status = … RETURNING, or a row/advisory lock): a double accept, or an accept
 * racing expiry, changes an entry at most once, even before the per-session lock the workflows take.
 */

/** Joins of one session take turns until commit, so join numbers have no gaps and grow with seq. */
export const LOCK_SESSION_JOINS_SQL = `SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`

/** Raw: the next join number and the one-active-entry-per-customer rule in one statement. */
export const JOIN_SQL = `
INSERT INTO monetization_waitlist_entry (id, session_id, customer_id, quantity, accept_partial, status, ordinal, created_at, updated_at)
SELECT ?, ?, ?, ?, ?, 'WAITING', coalesce(max(ordinal), 0) + 1, now(), now()
FROM monetization_waitlist_entry WHERE session_id = ? AND deleted_at IS NULL
ON CONFLICT (session_id, customer_id) WHERE status IN ('WAITING', 'OFFERED') AND deleted_at IS NULL DO NOTHING
RETURNING ${ENTRY_COLUMNS}`

/**
 * Raw: the head and the first WAITING entries that could fit in `free` seats (a UNION of two
 * index range scans): each offer takes at least one seat, so no more than `free` matter.
 */
export const OFFER_CANDIDATES_SQL = `
(SELECT id, quantity, skip_count, accept_partial, seq FROM monetization_waitlist_entry
 WHERE session_id = ? AND status = 'WAITING' AND deleted_at IS NULL ORDER BY seq LIMIT 1)
UNION
(SELECT id, quantity, skip_count, accept_partial, seq FROM monetization_waitlist_entry
 WHERE session_id = ? AND status = 'WAITING' AND quantity <= ? AND deleted_at IS NULL ORDER BY seq LIMIT ?)
ORDER BY seq`

/** Raw: row locks on the candidates until the offers are written. */
export const LOCK_ENTRIES_SQL = `
SELECT id FROM monetization_waitlist_entry WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)) FOR UPDATE`

export const OFFER_ENTRY_SQL = `
UPDATE monetization_waitlist_entry
SET status = 'OFFERED', quantity = ?, offered_at = now(), offer_expires_at = now() + make_interval(mins => ?),
    join_token_hash = ?, token_used_at = NULL, skip_count = 0, updated_at = now()
WHERE id = ? AND status = 'WAITING'
RETURNING ${ENTRY_COLUMNS}`

/** Raw: an increment in place, only while the head still waits. */
export const SKIP_HEAD_SQL = `
UPDATE monetization_waitlist_entry SET skip_count = skip_count + 1, updated_at = now() WHERE id = ? AND status = 'WAITING'`

export const REVERT_OFFER_SQL = `
UPDATE monetization_waitlist_entry
SET status = 'WAITING', quantity = ?, offered_at = NULL, offer_expires_at = NULL, join_token_hash = NULL,
    updated_at = now()
WHERE id = ? AND status = 'OFFERED'`

/** Only an unexpired, unused offer of this customer (by the database's clock) becomes ACCEPTED. */
export const CLAIM_OFFER_SQL = `
UPDATE monetization_waitlist_entry
SET status = 'ACCEPTED', token_used_at = now(), accepted_at = now(),
    checkout_expires_at = now() + make_interval(mins => ?), updated_at = now()
WHERE session_id = ? AND customer_id = ? AND join_token_hash = ? AND status = 'OFFERED'
  AND token_used_at IS NULL AND offer_expires_at > now() AND deleted_at IS NULL
RETURNING ${ENTRY_COLUMNS}`

export const RESTORE_CLAIM_SQL = `
UPDATE monetization_waitlist_entry
SET status = 'OFFERED', token_used_at = NULL, accepted_at = NULL, checkout_expires_at = NULL, cart_id = NULL,
    updated_at = now()
WHERE id = ? AND status = 'ACCEPTED' AND consumed_at IS NULL`

export const DECLINE_OFFER_SQL = `
UPDATE monetization_waitlist_entry
SET status = 'DECLINED', token_used_at = now(), updated_at = now()
WHERE session_id = ? AND customer_id = ? AND join_token_hash = ? AND status = 'OFFERED'
  AND token_used_at IS NULL AND deleted_at IS NULL
RETURNING ${ENTRY_COLUMNS}`

/** Compare-and-set: the status changes only if nobody changed it since it was read. */
export const SET_STATUS_IF_SQL = `
UPDATE monetization_waitlist_entry SET status = ?, updated_at = now() WHERE id = ? AND status = ?
RETURNING now() AS changed_at`

export const WITHDRAW_JOIN_SQL = `
UPDATE monetization_waitlist_entry SET status = 'LEFT', updated_at = now()
WHERE id = ? AND status IN ('WAITING', 'OFFERED') AND deleted_at IS NULL
RETURNING ${ENTRY_COLUMNS}, now() AS changed_at`

/** Offers past their time by the database's clock, all sessions or one. */
export const EXPIRE_LAPSED_OFFERS_SQL = `
UPDATE monetization_waitlist_entry SET status = 'EXPIRED', updated_at = now()
WHERE status = 'OFFERED' AND offer_expires_at <= now() AND deleted_at IS NULL
  AND (?::text IS NULL OR session_id = ?)
RETURNING ${ENTRY_COLUMNS}, now() AS changed_at`

export const CONSUME_BY_CART_SQL = `
UPDATE monetization_waitlist_entry SET consumed_at = now(), updated_at = now()
WHERE cart_id = ? AND status = 'ACCEPTED' AND consumed_at IS NULL AND deleted_at IS NULL
RETURNING ${ENTRY_COLUMNS}`

/** Raw: the entries to end, locked (FOR UPDATE) so nothing else moves them meanwhile. */
export const LOCK_ENDABLE_ENTRIES_SQL = `
SELECT ${ENTRY_COLUMNS} FROM monetization_waitlist_entry
WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND (?::text IS NULL OR session_id = ?)
  AND status IN (SELECT jsonb_array_elements_text(?::jsonb)) AND consumed_at IS NULL AND deleted_at IS NULL
FOR UPDATE`
