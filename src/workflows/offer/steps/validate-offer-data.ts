import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"

export type OfferDataToValidate = {
  /** Set when updating. */
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

/** The event product and variants the offer names, and which of them exist (read by `readOfferReferences`). */
export type OfferReferences = {
  event_id: string | null
  event_found: boolean
  variant_ids: string[]
  found_variant_ids: string[]
}

export type ValidateOfferDataInput = {
  /** The offer as it would be stored: for an update, the changes over the stored offer. */
  offer: OfferDataToValidate
  references: OfferReferences
}

/** Throws on broken cross-field rules and on an event product or variant that does not exist (400s). */
export const validateOfferDataStep = createStep(
  "validate-offer-data",
  async ({ offer, references }: ValidateOfferDataInput) => {
    const price = Number(offer.price)
    const original = offer.original_price === null || offer.original_price === undefined ? null : Number(offer.original_price)
    if (original !== null && original < price) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "original_price must be greater than or equal to price")
    }
    if (offer.starts_at && offer.expires_at && new Date(offer.expires_at) <= new Date(offer.starts_at)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "expires_at must be after starts_at")
    }
    if (references.event_id && !references.event_found) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Event product ${references.event_id} does not exist`)
    }
    const found = new Set(references.found_variant_ids)
    const missing = references.variant_ids.filter((id) => !found.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Variants not found: ${missing.join(", ")}`)
    }
  }
)
