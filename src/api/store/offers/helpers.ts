import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OfferLike } from "../../../modules/offer/availability"
import { OFFER_FIELDS } from "../../utils/offers"
import type { OfferHold, StoreOffer } from "../../../types/offers"

/** An offer the store may show: not archived; 404 otherwise. */
export async function retrieveStoreOffer(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "offer", fields: OFFER_FIELDS, filters: { id, is_archived: false } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer with id: ${id} was not found`)
  }
  return data[0] as unknown as OfferLike & StoreOffer
}

type HoldLike = {
  id: string
  offer_id?: string
  quantity: number
  expires_at: Date | string
  status: string
  cart_id: string | null
  offer?: { id: string } | null
}

/** The store's view of a hold: what the buyer holds, until when, and in which cart. */
export function formatHold(hold: HoldLike): OfferHold {
  return {
    id: hold.id,
    offer_id: (hold.offer_id ?? hold.offer?.id) as string,
    quantity: hold.quantity,
    // What JSON makes of a Date anyway.
    expires_at: hold.expires_at instanceof Date ? hold.expires_at.toISOString() : hold.expires_at,
    status: hold.status,
    cart_id: hold.cart_id ?? null,
  }
}
