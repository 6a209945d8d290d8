import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { Row } from "./entry-row"
import { OFFER_OUTCOMES_SQL, POSITION_SPAN_SQL } from "./sql/reports"
import { WaitlistEntryRow, WaitlistPosition } from "./types"

/**
 * Minutes of waiting per place in line: the observed mean join→offer time per seat, inflated by
 * the share of offers that lapse or are declined; the offer window before data exists.
 */
export async function minutesPerPosition(manager: EntityManager, variantId: string, offerMinutes: number): Promise<number> {
  const [row]: Row[] = await manager.execute(OFFER_OUTCOMES_SQL, [offerMinutes, variantId])
  const accepted = Number(row.accepted)
  const lost = Number(row.lost)
  if (accepted + lost === 0) {
    return offerMinutes
  }
  const acceptance = Math.max(accepted / (accepted + lost), 0.1)
  const minutesToDecide = Math.max(Number(row.minutes_to_decide ?? offerMinutes), 1)
  return minutesToDecide / acceptance
}

/** Position = WAITING entries ahead + 1 (0 once offered), the list's total and the estimated wait. */
export async function positionOf(
  manager: EntityManager,
  entry: Pick<WaitlistEntryRow, "session_id" | "ordinal" | "status">,
  offerMinutes: number
): Promise<WaitlistPosition> {
  const [span]: Row[] = await manager.execute(POSITION_SPAN_SQL, [
    entry.session_id,
    entry.session_id,
    entry.session_id,
    entry.session_id,
    entry.ordinal ?? 0,
  ])
  const total = span ? Number(span.tail) - Number(span.head) + 1 - Number(span.gaps) : 0
  if (entry.status !== "WAITING" || !span) {
    return { position: 0, total, estimated_wait_minutes: 0 }
  }
  const position = Number(entry.ordinal) - Number(span.head) + 1 - Number(span.gaps_ahead)
  const perPlace = await minutesPerPosition(manager, entry.session_id, offerMinutes)
  return { position, total, estimated_wait_minutes: Math.ceil(position * perPlace) }
}

/** Positions and estimated waits of a session's WAITING entries, given in list order. */
export async function positionsInOrder<T extends { id: string; customer_id: string; seq: number }>(
  manager: EntityManager,
  variantId: string,
  waiting: T[],
  offerMinutes: number
): Promise<(WaitlistPosition & { entry_id: string; customer_id: string; seq: number })[]> {
  const perPlace = await minutesPerPosition(manager, variantId, offerMinutes)
  return waiting.map((entry, index) => ({
    entry_id: entry.id,
    customer_id: entry.customer_id,
    seq: entry.seq,
    position: index + 1,
    total: waiting.length,
    estimated_wait_minutes: Math.ceil((index + 1) * perPlace),
  }))
}
