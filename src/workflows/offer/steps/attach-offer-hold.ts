import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"

export type AttachOfferHoldInput = { hold_id: string; cart_id: string; line_item_id: string | null }

/** Records on the hold which cart and line item carry it; compensation restores what it recorded before. */
export const attachOfferHoldStep = createStep(
  "attach-offer-hold",
  async (input: AttachOfferHoldInput, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const previous = await service.retrieveOfferHold(input.hold_id, { select: ["id", "cart_id", "line_item_id"] })
    const hold = await service.updateOfferHolds({
      id: input.hold_id,
      cart_id: input.cart_id,
      line_item_id: input.line_item_id,
    })
    return new StepResponse(hold, { id: previous.id, cart_id: previous.cart_id, line_item_id: previous.line_item_id })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    await service.updateOfferHolds(previous)
  }
)
