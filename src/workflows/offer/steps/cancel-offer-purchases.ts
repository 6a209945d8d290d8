import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"

/** Marks a canceled order's offer purchases CANCELED and returns their units to stock (once). */
export const cancelOfferPurchasesStep = createStep(
  "cancel-offer-purchases",
  async (input: { order_id: string }, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    return new StepResponse(await service.cancelPurchasesForOrder(input.order_id))
  }
)
