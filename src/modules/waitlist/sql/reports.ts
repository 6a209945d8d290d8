import { ENTRY_COLUMNS } from "../entry-row"

/*
 * Reads the generated list methods cannot express: aggregates (count/sum FILTER, avg, DISTINCT)
 * and comparisons with the database's clock. Each answers in one statement.
 */

/**
 * Positions from join numbers, which have no gaps: between the head and an entry, the places not
 * waiting are the entries that left (or were offered) out of turn, found through a partial index.
 * Cost: O(log n + those entries), not O(n).
 */
export const POSITION_SPAN_SQL = `
WITH head AS (
  SELECT ordinal FROM monetization_waitlist_entry
  WHERE session_id = ? AND status = 'WAITING' AND deleted_at IS NULL ORDER BY seq LIMIT 1
), tail AS (
  SELECT ordinal FROM monetization_waitlist_entry
  WHERE session_id = ? AND status = 'WAITING' AND deleted_at IS NULL ORDER BY seq DESC LIMIT 1
)
SELECT head.ordinal AS head, tail.ordinal AS tail,
  (SELECT count(*) FROM monetization_waitlist_entry
   WHERE session_id = ? AND status <> 'WAITING' AND deleted_at IS NULL
     AND ordinal > head.ordinal AND ordinal < tail.ordinal) AS gaps,
  (SELECT count(*) FROM monetization_waitlist_entry
   WHERE session_id = ? AND status <> 'WAITING' AND deleted_at IS NULL
     AND ordinal > head.ordinal AND ordinal < least(?::int, tail.ordinal)) AS gaps_ahead
FROM head, tail`

/** Outcomes of a session's decided offers and the mean time to decide (a lapsed offer counts its full window). */
export const OFFER_OUTCOMES_SQL = `
SELECT
  count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
  count(*) FILTER (WHERE status IN ('EXPIRED', 'DECLINED'))::int AS lost,
  avg(extract(epoch FROM (coalesce(accepted_at, offered_at + make_interval(mins => ?)) - offered_at)) / 60)
    FILTER (WHERE status IN ('ACCEPTED', 'EXPIRED', 'DECLINED')) AS minutes_to_decide
FROM monetization_waitlist_entry
WHERE session_id = ? AND status IN ('ACCEPTED', 'EXPIRED', 'DECLINED') AND offered_at IS NOT NULL
  AND deleted_at IS NULL`

/** Mean join→accept wait over the newest `max_samples` accepted entries of the sessions in [from, to). */
export const AVERAGE_WAIT_SQL = `
SELECT avg(wait)::float8 AS average, count(*)::int AS samples FROM (
  SELECT extract(epoch FROM (accepted_at - created_at)) / 60 AS wait
  FROM monetization_waitlist_entry
  WHERE session_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND accepted_at IS NOT NULL
    AND accepted_at >= ? AND accepted_at < ? AND deleted_at IS NULL
  ORDER BY accepted_at DESC
  LIMIT ?
) recent`

/** Seats promised to waitlisted customers (open offers, accepted carts not yet ordered) and seats asked for. */
export const SEAT_COUNTS_SQL = `
SELECT
  coalesce(sum(quantity) FILTER (WHERE status = 'OFFERED' OR (status = 'ACCEPTED' AND consumed_at IS NULL)), 0) AS held,
  coalesce(sum(quantity) FILTER (WHERE status = 'WAITING'), 0) AS waiting
FROM monetization_waitlist_entry WHERE session_id = ? AND deleted_at IS NULL`

/** Accepted seats whose checkout deadline passed by the database's clock (all sessions, or one). */
export const LAPSED_CHECKOUTS_SQL = `
SELECT ${ENTRY_COLUMNS} FROM monetization_waitlist_entry
WHERE status = 'ACCEPTED' AND consumed_at IS NULL AND deleted_at IS NULL
  AND coalesce(checkout_expires_at, accepted_at + make_interval(mins => ?)) <= now()
  AND (?::text IS NULL OR session_id = ?)`

/** DISTINCT in the database: the sessions, not every live entry, cross the wire. */
export const ACTIVE_SESSION_IDS_SQL = `
SELECT DISTINCT session_id FROM monetization_waitlist_entry
WHERE (status IN ('WAITING', 'OFFERED') OR (status = 'ACCEPTED' AND consumed_at IS NULL)) AND deleted_at IS NULL`

/** Entries per status and seats held, per session (the caller adds WHERE, GROUP BY session_id and ORDER BY). */
const SUMMARY_SQL = `SELECT session_id,
  count(*) FILTER (WHERE status = 'WAITING')::int AS waiting,
  count(*) FILTER (WHERE status = 'OFFERED')::int AS offered,
  count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
  count(*) FILTER (WHERE status = 'EXPIRED')::int AS expired,
  count(*) FILTER (WHERE status = 'DECLINED')::int AS declined,
  count(*) FILTER (WHERE status = 'LEFT')::int AS left,
  coalesce(sum(quantity) FILTER (WHERE status = 'OFFERED' OR (status = 'ACCEPTED' AND consumed_at IS NULL)), 0)::int AS held
FROM monetization_waitlist_entry`

export const SESSIONS_WITH_ENTRIES_COUNT_SQL = `
SELECT count(DISTINCT session_id)::int AS count FROM monetization_waitlist_entry WHERE deleted_at IS NULL`

export const SUMMARY_PAGE_SQL = `${SUMMARY_SQL} WHERE session_id IN (
  SELECT DISTINCT session_id FROM monetization_waitlist_entry WHERE deleted_at IS NULL
  ORDER BY session_id LIMIT ? OFFSET ?
) AND deleted_at IS NULL
GROUP BY session_id ORDER BY session_id`

export const SUMMARY_OF_SQL = `${SUMMARY_SQL}
WHERE deleted_at IS NULL AND (?::text IS NULL OR session_id = ?)
GROUP BY session_id ORDER BY session_id`
