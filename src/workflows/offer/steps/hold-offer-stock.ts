import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"
import { unavailableReason } from "../../../modules/offer/availability"
import { hasPaidTicket, purchasedVariantIds } from "./resolve-customer-tiers"

export type HoldOfferStockInput = { offer_id: string; customer_id: string; quantity: number }

/**
 * Checks the offer is buyable by the customer and atomically holds `quantity` units for a
 * limited time; a customer's live hold on the offer is answered again (`created: false`)
 * instead of a second one. Compensation releases only a hold this step created.
 */
export const holdOfferStockStep = createStep(
  "hold-offer-stock",
  async (input: HoldOfferStockInput, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const [offer] = await service.listOffers({ id: input.offer_id, is_archived: false })
    if (!offer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer with id: ${input.offer_id} was not found`)
    }
    const refuse = (reason: string): never => {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offer ${offer.id} is not available: ${reason}`)
    }
    // Everything but stock and the per-customer limit is checked here; those are decided atomically below.
    const reason = unavailableReason(
      { ...offer, inventory_total: null },
      { now: new Date(), purchasedVariantIds: await purchasedVariantIds(container, input.customer_id) }
    )
    if (reason) {
      refuse(reason)
    }
    if (offer.requires_ticket && !(await hasPaidTicket(container, input.customer_id, offer.event_id))) {
      refuse("NOT_ELIGIBLE (a paid ticket for the event is required)")
    }
    const options = await service.getOptions()
    const result = await service.holdStock({
      offer_id: offer.id,
      customer_id: input.customer_id,
      quantity: input.quantity,
      expires_at: new Date(Date.now() + options.offerHoldMinutes * 60_000),
      max_per_customer: offer.max_per_customer ?? options.offerMaxPerCustomer,
    })
    if ("refused" in result) {
      return refuse(result.refused)
    }
    return new StepResponse({ ...result, offer }, result.created ? result.hold.id : null)
  },
  async (holdId, { container }) => {
    if (!holdId) {
      return
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    await service.releaseHold(holdId)
  }
)
