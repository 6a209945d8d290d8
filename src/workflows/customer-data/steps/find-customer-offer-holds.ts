import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"

/** The live offer holds of a customer (their units are still set aside). */
export const findCustomerOfferHoldsStep = createStep(
  "find-customer-offer-holds",
  async (input: { customer_id: string }, { container }) => {
    if (!container.hasRegistration(OFFER_MODULE)) {
      return new StepResponse({ hold_ids: [] as string[] })
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const holds = await service.listOfferHolds(
      { customer_id: input.customer_id, status: "HELD" },
      { select: ["id"], take: null }
    )
    return new StepResponse({ hold_ids: holds.map((hold) => hold.id) })
  }
)
