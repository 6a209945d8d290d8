import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OFFER_MODULE } from "../../../modules/offer"
import { unavailableReason } from "../../../modules/offer/availability"
import type OfferModuleService from "../../../modules/offer/service"
import { CUSTOMER_ORDER_FIELDS, CustomerOrderRow } from "../steps/resolve-customer-tiers"
import {
  assertOfferHoldable,
  holdOfferUnits,
  HoldOfferStockInput,
  needsCustomerOrders,
  OfferToHold,
  refuseOffer,
} from "./offer-hold-rules"

export type { HoldOfferStockInput }

/**
 * The purchase's decision without the workflow engine (the route's burst path; `holdOfferWorkflow`
 * composes the same rules as steps): checks the offer is buyable by the customer, then holds
 * `quantity` units in one transaction (`created: false` answers the customer's live hold).
 */
export async function holdOfferStock(container: MedusaContainer, input: HoldOfferStockInput) {
  const service: OfferModuleService = container.resolve(OFFER_MODULE)
  const [offer]: (OfferToHold | undefined)[] = await service.listOffers({ id: input.offer_id, is_archived: false })
  let orders: CustomerOrderRow[] = []
  if (needsCustomerOrders(offer)) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: CUSTOMER_ORDER_FIELDS,
      filters: { customer_id: input.customer_id },
    })
    orders = data as unknown as CustomerOrderRow[]
  }
  assertOfferHoldable(input.offer_id, offer, orders, new Date())
  const live = await service.findLiveHold(offer.id, input.customer_id)
  if (live) {
    return { hold: live, created: false, offer }
  }
  // A sold-out read refuses without a transaction (most of a burst); a read that shows units
  // is only a hint: the conditional hold decides.
  if (unavailableReason(offer, { now: new Date(), purchasedVariantIds: [], quantity: input.quantity }) === "SOLD_OUT") {
    refuseOffer(offer.id, "SOLD_OUT")
  }
  const held = await holdOfferUnits(service, { ...input, max_per_customer: offer.max_per_customer })
  return { ...held, offer }
}
