/**
 * The statements GET /store/sessions/:session_id/waitlist runs (WaitlistModuleService
 * findLatestEntry, positionOf, minutesPerPosition_), copied so they can be timed alone.
 * The benchmark checks that their answer equals the route's, so a copy that drifts
 * from the module shows up as a failed check rather than as a wrong figure.
 */
const LATEST_ENTRY = `SELECT id, session_id, customer_id, quantity, status, seq, ordinal FROM monetization_waitlist_entry
  WHERE session_id = $1 AND customer_id = $2 AND status <> 'LEFT' AND deleted_at IS NULL
  ORDER BY (status IN ('WAITING', 'OFFERED')) DESC, seq DESC LIMIT 1`

const POSITION = `WITH head AS (
    SELECT ordinal FROM monetization_waitlist_entry
    WHERE session_id = $1 AND status = 'WAITING' AND deleted_at IS NULL ORDER BY seq LIMIT 1
  ), tail AS (
    SELECT ordinal FROM monetization_waitlist_entry
    WHERE session_id = $1 AND status = 'WAITING' AND deleted_at IS NULL ORDER BY seq DESC LIMIT 1
  )
  SELECT head.ordinal AS head, tail.ordinal AS tail,
    (SELECT count(*) FROM monetization_waitlist_entry
     WHERE session_id = $1 AND status <> 'WAITING' AND deleted_at IS NULL
       AND ordinal > head.ordinal AND ordinal < tail.ordinal) AS gaps,
    (SELECT count(*) FROM monetization_waitlist_entry
     WHERE session_id = $1 AND status <> 'WAITING' AND deleted_at IS NULL
       AND ordinal > head.ordinal AND ordinal < least($2::int, tail.ordinal)) AS gaps_ahead
  FROM head, tail`

const MINUTES_PER_POSITION = `SELECT
    count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
    count(*) FILTER (WHERE status IN ('EXPIRED', 'DECLINED'))::int AS lost,
    avg(extract(epoch FROM (coalesce(accepted_at, offered_at + make_interval(mins => $1)) - offered_at)) / 60)
      FILTER (WHERE status IN ('ACCEPTED', 'EXPIRED', 'DECLINED')) AS minutes_to_decide
  FROM monetization_waitlist_entry
  WHERE session_id = $2 AND status IN ('ACCEPTED', 'EXPIRED', 'DECLINED') AND offered_at IS NOT NULL
    AND deleted_at IS NULL`

/** Runs the route's three statements; answers the position and total they give. */
async function positionStatements(pool, sessionId, customerId) {
  const { rows } = await pool.query(LATEST_ENTRY, [sessionId, customerId])
  const entry = rows[0]
  const span = (await pool.query(POSITION, [sessionId, entry.ordinal])).rows[0]
  await pool.query(MINUTES_PER_POSITION, [15, sessionId])
  return {
    position: entry.ordinal - span.head + 1 - Number(span.gaps_ahead),
    total: span.tail - span.head + 1 - Number(span.gaps),
  }
}

module.exports = { positionStatements }
