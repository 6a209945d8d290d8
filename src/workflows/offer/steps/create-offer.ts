import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"
import { OfferInput, toOfferModelData } from "../../../modules/offer/types"

export type CreateOfferStepInput = OfferInput

/** Creates an offer; compensation deletes it. */
export const createOfferStep = createStep(
  "create-offer",
  async (input: CreateOfferStepInput, { container }) => {
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const offer = await service.createOffers(
      toOfferModelData({ target_sessions: [], target_ticket_tiers: [], ...input })
    )
    return new StepResponse(offer, offer.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    await service.deleteOffers(id)
  }
)
