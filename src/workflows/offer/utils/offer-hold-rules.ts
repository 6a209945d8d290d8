import { MedusaError } from "@medusajs/framework/utils"
import { asIds, OfferLike, unavailableReason } from "../../../modules/offer/availability"
import type OfferModuleService from "../../../modules/offer/service"
import { CustomerOrderRow, hasPaidTicketAmong, variantIdsOfOrders } from "../steps/resolve-customer-tiers"

export type HoldOfferStockInput = { offer_id: string; customer_id: string; quantity: number }

export type OfferToHold = OfferLike & { event_id: string; requires_ticket: boolean; max_per_customer: number | null }

/** What the atomic hold needs: the limit is the offer's own or, when null, the plugin's default. */
export type OfferUnitsToHold = HoldOfferStockInput & { max_per_customer: number | null }

export const refuseOffer = (offerId: string, reason: string): never => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offer ${offerId} is not available: ${reason}`)
}

/** Whether the offer's eligibility depends on the customer's orders (tier-targeted or ticket holders only). */
export const needsCustomerOrders = (offer: OfferToHold | null | undefined): boolean =>
  !!offer && (asIds(offer.target_ticket_tiers).length > 0 || !!offer.requires_ticket)

/**
 * Everything but stock and the per-customer limit, which the atomic hold decides. `orders` are the
 * customer's, read only when `needsCustomerOrders`. (Stock is left out of `unavailableReason`.)
 */
export function assertOfferHoldable(
  offerId: string,
  offer: OfferToHold | null | undefined,
  orders: CustomerOrderRow[],
  now: Date
): asserts offer is OfferToHold {
  if (!offer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer with id: ${offerId} was not found`)
  }
  const reason = unavailableReason({ ...offer, inventory_total: null }, { now, purchasedVariantIds: variantIdsOfOrders(orders) })
  if (reason) {
    refuseOffer(offer.id, reason)
  }
  if (offer.requires_ticket && !hasPaidTicketAmong(orders, offer.event_id)) {
    refuseOffer(offer.id, "NOT_ELIGIBLE (a paid ticket for the event is required)")
  }
}

/** The one atomic conditional hold (a live hold is answered with `created: false`); a refusal throws. */
export async function holdOfferUnits(service: OfferModuleService, input: OfferUnitsToHold) {
  const options = await service.getOptions()
  const result = await service.holdStock({
    offer_id: input.offer_id,
    customer_id: input.customer_id,
    quantity: input.quantity,
    expires_at: new Date(Date.now() + options.offerHoldMinutes * 60_000),
    max_per_customer: input.max_per_customer ?? options.offerMaxPerCustomer,
  })
  return "refused" in result ? refuseOffer(input.offer_id, result.refused) : result
}
