import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"

export type RenewOfferHoldsInput = {
  holds: { id: string; offer_id: string }[]
  /** Extend live holds too (at completion); otherwise only lapsed ones are taken again. */
  extend: boolean
}

/**
 * Keeps a cart's holds alive while its buyer pays: live ones are extended, lapsed ones taken
 * again if stock allows. If one cannot be, the holds this step revived are let go again and
 * the step fails, so no payment is authorized for units nobody holds.
 */
export const renewOfferHoldsStep = createStep(
  "renew-offer-holds",
  async (input: RenewOfferHoldsInput, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const expiresAt = new Date(Date.now() + (await service.getHoldMinutes()) * 60_000)
    const revived: string[] = []
    for (const hold of input.holds) {
      const result = await service.renewHold(hold.id, expiresAt, { extend: input.extend })
      if (result === "REVIVED") {
        revived.push(hold.id)
      }
      if (!result) {
        for (const id of revived) {
          await service.releaseHold(id)
        }
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `The hold on offer ${hold.offer_id} expired and the offer is sold out: remove the line to continue`
        )
      }
    }
    return new StepResponse(revived, revived)
  },
  async (revived, { container }) => {
    if (!revived?.length) {
      return
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    for (const id of revived) {
      await service.releaseHold(id)
    }
  }
)
