import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"
import { holdOfferStock, HoldOfferStockInput } from "../utils/hold-offer-stock"

export type { HoldOfferStockInput }

/**
 * Holds offer units for a customer inside a larger workflow; a customer's live hold on the offer
 * is answered again (`created: false`). Compensation releases only a hold this step created.
 */
export const holdOfferStockStep = createStep(
  "hold-offer-stock",
  async (input: HoldOfferStockInput, { container }) => {
    const result = await holdOfferStock(container, input)
    return new StepResponse(result, result.created ? result.hold.id : null)
  },
  async (holdId, { container }) => {
    if (!holdId) {
      return
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    await service.releaseHold(holdId)
  }
)
