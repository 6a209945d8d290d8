import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"
import { holdOfferUnits, OfferUnitsToHold } from "../utils/offer-hold-rules"

export type { OfferUnitsToHold }

/**
 * Holds units in one atomic conditional statement (stock, the per-customer limit and the customer's
 * live hold decided together, so nothing is oversold); a live hold is answered with `created: false`.
 * Compensation releases only a hold this step created.
 */
export const holdOfferStockStep = createStep(
  "hold-offer-stock",
  async (input: OfferUnitsToHold, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const result = await holdOfferUnits(service, input)
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
