import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"

/** Records on the hold which cart and line item carry it. */
export const attachOfferHoldStep = createStep(
  "attach-offer-hold",
  async (input: { hold_id: string; cart_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "items.id", "items.metadata"],
      filters: { id: input.cart_id },
    })
    const item = (data[0]?.items ?? []).find(
      (i: { metadata?: Record<string, unknown> | null } | null) => i?.metadata?.offer_hold_id === input.hold_id
    )
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const hold = await service.updateOfferHolds({
      id: input.hold_id,
      cart_id: input.cart_id,
      line_item_id: item?.id ?? null,
    })
    return new StepResponse(hold)
  }
)
