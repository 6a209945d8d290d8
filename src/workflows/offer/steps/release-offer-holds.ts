import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"

/** Gives the units of live holds back to the offer's stock; compensation takes them again if still free. */
export const releaseOfferHoldsStep = createStep(
  "release-offer-holds",
  async (input: { hold_ids: string[] }, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const released: string[] = []
    for (const id of input.hold_ids) {
      if (await service.releaseHold(id)) {
        released.push(id)
      }
    }
    return new StepResponse(released, released)
  },
  async (released, { container }) => {
    if (!released?.length) {
      return
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const expiresAt = new Date(Date.now() + (await service.getHoldMinutes()) * 60_000)
    for (const id of released) {
      await service.renewHold(id, expiresAt, { extend: true })
    }
  }
)
