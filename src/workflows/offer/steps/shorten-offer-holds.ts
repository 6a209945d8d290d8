import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"

/** Live holds last at most until `expires_at`; compensation gives each its previous expiry back. */
export const shortenOfferHoldsStep = createStep(
  "shorten-offer-holds",
  async (input: { hold_ids: string[]; expires_at: Date }, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const before = await service.listOfferHolds({ id: input.hold_ids, status: "HELD" }, { select: ["id", "expires_at"] })
    const shortened = await service.shortenHolds(
      before.map((hold) => hold.id),
      new Date(input.expires_at)
    )
    return new StepResponse(shortened, before)
  },
  async (before, { container }) => {
    if (!before?.length) {
      return
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    await service.updateOfferHolds(before.map((hold) => ({ id: hold.id, expires_at: hold.expires_at })))
  }
)
