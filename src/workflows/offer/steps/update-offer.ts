import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"
import { OfferUpdateInput, toOfferModelData } from "../../../modules/offer/types"

export type UpdateOfferStepInput = OfferUpdateInput

/** Updates an offer (also used to archive); compensation restores the changed fields. */
export const updateOfferStep = createStep(
  "update-offer",
  async (input: UpdateOfferStepInput, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const previous = await service.retrieveOffer(input.id)
    const restore: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(input)) {
      restore[key] = (previous as Record<string, unknown>)[key]
    }
    const offer = await service.updateOffers(toOfferModelData(input))
    return new StepResponse(offer, restore)
  },
  async (restore, { container }) => {
    if (!restore) {
      return
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    await service.updateOffers(toOfferModelData(restore as OfferUpdateInput))
  }
)
