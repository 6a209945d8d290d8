import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"

/** Expires every HELD hold past its time and gives its units back to the offer. */
export const expireOfferHoldsStep = createStep(
  "expire-offer-holds",
  async (input: { now?: Date | string }, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const expired = await service.expireHolds(input.now ? new Date(input.now) : new Date())
    return new StepResponse(expired)
  }
)
