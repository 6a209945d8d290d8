import type { MedusaContainer } from "@medusajs/framework/types"
import type { DayCount, DayRange, EntityCount } from "../../../modules/monetization-event/analytics-types"
import { OFFER_MODULE_KEY } from "../revenue/offer-revenue"
import { rangeBounds, utcDay } from "../revenue/types"

type OfferModuleService = {
  listOffers(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<{ id: string }[]>
  listOfferHolds(
    filters: Record<string, unknown>,
    config?: Record<string, unknown>
  ): Promise<{ id: string; offer_id?: string; offer?: { id: string }; created_at: Date | string }[]>
}

type HoldFact = { offer_id: string; day: string }

/** The holds the server granted for an event's offers in the range (none without the offers module). */
async function listHolds(container: MedusaContainer, range: DayRange): Promise<HoldFact[]> {
  if (!container.hasRegistration(OFFER_MODULE_KEY)) {
    return []
  }
  const service = container.resolve<OfferModuleService>(OFFER_MODULE_KEY)
  const offers = await service.listOffers({ event_id: range.event_id }, { select: ["id"], take: null, withDeleted: true })
  if (!offers.length) {
    return []
  }
  const { from, to } = rangeBounds(range)
  const holds = await service.listOfferHolds(
    { offer_id: offers.map((offer) => offer.id), created_at: { $gte: from, $lt: to } },
    { select: ["id", "offer_id", "created_at"], take: null, withDeleted: true }
  )
  return holds
    .map((hold) => ({ offer_id: hold.offer_id ?? hold.offer?.id ?? "", day: utcDay(hold.created_at) }))
    .filter((hold) => hold.offer_id)
}

const tally = (keys: string[]) => {
  const counts = new Map<string, number>()
  keys.forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1))
  return [...counts.entries()]
}

/**
 * Add-to-cart per offer of an event: the holds the server granted in the range (a purchase
 * into a cart is a hold, whatever became of it).
 */
export async function countOfferHolds(container: MedusaContainer, range: DayRange): Promise<EntityCount[]> {
  const holds = await listHolds(container, range)
  return tally(holds.map((hold) => hold.offer_id)).map(([entity_id, count]) => ({ type: "OFFER_ADD_TO_CART", entity_id, count }))
}

/** Add-to-cart (holds granted) per UTC day of the range, for the CSV export. */
export async function countOfferHoldsByDay(container: MedusaContainer, range: DayRange): Promise<DayCount[]> {
  const holds = await listHolds(container, range)
  return tally(holds.map((hold) => hold.day)).map(([day, count]) => ({ day, type: "OFFER_ADD_TO_CART", count }))
}
