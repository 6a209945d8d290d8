import type { MedusaContainer } from "@medusajs/framework/types"
import type { DayRange, EntityCount } from "../../../modules/monetization-event/analytics-types"
import { OFFER_MODULE_KEY } from "../revenue/offer-revenue"
import { rangeBounds } from "../revenue/types"

type OfferModuleService = {
  listOffers(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<{ id: string }[]>
  listOfferHolds(
    filters: Record<string, unknown>,
    config?: Record<string, unknown>
  ): Promise<{ id: string; offer_id?: string; offer?: { id: string } }[]>
}

/**
 * Add-to-cart per offer of an event: the holds the server granted in the range (a purchase
 * into a cart is a hold, whatever became of it). Nothing without the offers module.
 */
export async function countOfferHolds(container: MedusaContainer, range: DayRange): Promise<EntityCount[]> {
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
    { select: ["id", "offer_id"], take: null, withDeleted: true }
  )
  const perOffer = new Map<string, number>()
  for (const hold of holds) {
    const offerId = hold.offer_id ?? hold.offer?.id
    if (offerId) {
      perOffer.set(offerId, (perOffer.get(offerId) ?? 0) + 1)
    }
  }
  return [...perOffer.entries()].map(([entity_id, count]) => ({ type: "OFFER_ADD_TO_CART", entity_id, count }))
}
