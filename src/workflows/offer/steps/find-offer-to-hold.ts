import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"
import type { OfferToHold } from "../utils/offer-hold-rules"

/** The offer a customer wants to hold, unless archived; null when there is none (the validation refuses). */
export const findOfferToHoldStep = createStep("find-offer-to-hold", async (input: { offer_id: string }, { container }) => {
  const service: OfferModuleService = container.resolve(OFFER_MODULE)
  const [offer]: (OfferToHold | undefined)[] = await service.listOffers({ id: input.offer_id, is_archived: false })
  return new StepResponse(offer ?? null)
})
