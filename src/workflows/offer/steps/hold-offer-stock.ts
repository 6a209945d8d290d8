import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"
import { unavailableReason } from "../../../modules/offer/availability"
import { purchasedVariantIds } from "./resolve-customer-tiers"

export type HoldOfferStockInput = { offer_id: string; customer_id: string; quantity: number }

/** Checks the offer is buyable by the customer and atomically holds `quantity` units for a limited time. */
export const holdOfferStockStep = createStep(
  "hold-offer-stock",
  async (input: HoldOfferStockInput, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const [offer] = await service.listOffers({ id: input.offer_id, is_archived: false })
    if (!offer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer with id: ${input.offer_id} was not found`)
    }
    // Everything but stock is checked here; stock is decided by the atomic UPDATE below.
    const reason = unavailableReason(
      { ...offer, inventory_total: null },
      { now: new Date(), purchasedVariantIds: await purchasedVariantIds(container, input.customer_id) }
    )
    if (reason) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offer ${offer.id} is not available: ${reason}`)
    }
    const hold = await service.holdStock({
      offer_id: offer.id,
      customer_id: input.customer_id,
      quantity: input.quantity,
      expires_at: new Date(Date.now() + (await service.getHoldMinutes()) * 60_000),
    })
    if (!hold) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offer ${offer.id} is not available: SOLD_OUT`)
    }
    return new StepResponse({ hold, offer }, hold.id)
  },
  async (holdId, { container }) => {
    if (!holdId) {
      return
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    await service.releaseHold(holdId)
  }
)
