import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"

/** The customer's live hold on the offer, with the offer: checkout starts from a hold, never from stock. */
export const findLiveOfferHoldStep = createStep(
  "find-live-offer-hold",
  async (input: { offer_id: string; customer_id: string }, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const [hold] = await service.listOfferHolds({
      offer_id: input.offer_id,
      customer_id: input.customer_id,
      status: "HELD",
      expires_at: { $gt: new Date() },
    })
    if (!hold) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `You hold no units of offer ${input.offer_id}: purchase it first (POST /store/offers/${input.offer_id}/purchase)`
      )
    }
    const offer = await service.retrieveOffer(input.offer_id)
    return new StepResponse({ hold, offer })
  }
)
