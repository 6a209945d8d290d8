import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"
import { asIds } from "../../../modules/offer/availability"

export type OfferDataToValidate = {
  /** Set when updating: the stored offer is merged under the changes before checking. */
  id?: string
  event_id?: string
  variant_id?: string
  price?: number
  original_price?: number | null
  starts_at?: Date | string | null
  expires_at?: Date | string | null
  target_sessions?: string[]
  target_ticket_tiers?: string[]
}

/** Checks cross-field rules and that the event product and every referenced variant exist (400s). */
export const validateOfferDataStep = createStep(
  "validate-offer-data",
  async (input: OfferDataToValidate, { container }) => {
    let merged: OfferDataToValidate = input
    if (input.id) {
      const service: OfferModuleService = container.resolve(OFFER_MODULE)
      const current = await service.retrieveOffer(input.id)
      merged = { ...(current as unknown as OfferDataToValidate), ...input }
    }
    const price = Number(merged.price)
    const original = merged.original_price === null || merged.original_price === undefined ? null : Number(merged.original_price)
    if (original !== null && original < price) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "original_price must be greater than or equal to price")
    }
    if (merged.starts_at && merged.expires_at && new Date(merged.expires_at) <= new Date(merged.starts_at)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "expires_at must be after starts_at")
    }

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    if (input.event_id) {
      const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: input.event_id } })
      if (!data.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Event product ${input.event_id} does not exist`)
      }
    }
    const variantIds = [
      ...(input.variant_id ? [input.variant_id] : []),
      ...asIds(input.target_sessions),
      ...asIds(input.target_ticket_tiers),
    ]
    if (variantIds.length) {
      const unique = [...new Set(variantIds)]
      const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { id: unique } })
      const found = new Set(data.map((v: { id: string }) => v.id))
      const missing = unique.filter((id) => !found.has(id))
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Variants not found: ${missing.join(", ")}`)
      }
    }
    return new StepResponse(undefined)
  }
)
