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
    const reserved = await service.reserveStock(offer.id, input.quantity)
    if (!reserved) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offer ${offer.id} is not available: SOLD_OUT`)
    }
    const expiresAt = new Date(Date.now() + (await service.getHoldMinutes()) * 60_000)
    const hold = await service.createOfferHolds({
      offer_id: offer.id,
      customer_id: input.customer_id,
      quantity: input.quantity,
      expires_at: expiresAt,
      status: "HELD",
    })
    return new StepResponse(
      { hold, offer },
      { offer_id: offer.id, quantity: input.quantity, hold_id: hold.id }
    )
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const released = await service.releaseHold(compensation.hold_id)
    if (!released) {
      // The hold row was never written (or already released): give the reserved units back.
      const holds = await service.listOfferHolds({ id: compensation.hold_id })
      if (!holds.length) {
        await service.releaseStock(compensation.offer_id, compensation.quantity)
      }
    }
  }
)
