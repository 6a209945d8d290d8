import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { OFFER_MODULE } from "../../../modules/offer"
import { asIds, unavailableReason } from "../../../modules/offer/availability"
import type OfferModuleService from "../../../modules/offer/service"
import { hasPaidTicket, purchasedVariantIds } from "../steps/resolve-customer-tiers"

export type HoldOfferStockInput = { offer_id: string; customer_id: string; quantity: number }

/**
 * The purchase's decision: checks the offer is buyable by the customer, then holds `quantity`
 * units in one transaction (`created: false` answers the customer's live hold). The customer's
 * orders are read only for offers that target ticket tiers or ticket holders.
 * (`unavailableReason` with the stock counted only tells SOLD_OUT apart: eligibility was checked first.)
 */
export async function holdOfferStock(container: MedusaContainer, input: HoldOfferStockInput) {
  const service: OfferModuleService = container.resolve(OFFER_MODULE)
  const [offer] = await service.listOffers({ id: input.offer_id, is_archived: false })
  if (!offer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer with id: ${input.offer_id} was not found`)
  }
  const refuse = (reason: string): never => {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offer ${offer.id} is not available: ${reason}`)
  }
  const tiered = asIds(offer.target_ticket_tiers).length > 0
  // Everything but stock and the per-customer limit is checked here; those are decided atomically below.
  const reason = unavailableReason(
    { ...offer, inventory_total: null },
    { now: new Date(), purchasedVariantIds: tiered ? await purchasedVariantIds(container, input.customer_id) : [] }
  )
  if (reason) {
    refuse(reason)
  }
  if (offer.requires_ticket && !(await hasPaidTicket(container, input.customer_id, offer.event_id))) {
    refuse("NOT_ELIGIBLE (a paid ticket for the event is required)")
  }
  const live = await service.findLiveHold(offer.id, input.customer_id)
  if (live) {
    return { hold: live, created: false, offer }
  }
  // A sold-out read refuses without a transaction (most of a burst); a read that shows units
  // is only a hint: the conditional reserve below decides.
  if (unavailableReason(offer, { now: new Date(), purchasedVariantIds: [], quantity: input.quantity }) === "SOLD_OUT") {
    refuse("SOLD_OUT")
  }
  const options = await service.getOptions()
  const result = await service.holdStock({
    offer_id: offer.id,
    customer_id: input.customer_id,
    quantity: input.quantity,
    expires_at: new Date(Date.now() + options.offerHoldMinutes * 60_000),
    max_per_customer: offer.max_per_customer ?? options.offerMaxPerCustomer,
  })
  return "refused" in result ? refuse(result.refused) : { ...result, offer }
}
