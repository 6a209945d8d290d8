import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { inventoryOf, OfferLike } from "../../../modules/offer/availability"
import { OFFER_FIELDS } from "./query-config"

/** The contract's offer shape: stored fields plus the computed `inventory` block. */
export function formatOffer<T extends Partial<OfferLike>>(offer: T) {
  return {
    ...offer,
    inventory: inventoryOf({ sold: 0, held: 0, ...offer } as OfferLike),
  }
}

/** Re-reads an offer with Query; 404 when there is none. */
export async function refetchOffer(container: MedusaContainer, id: string, fields: string[] = OFFER_FIELDS) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "offer", fields, filters: { id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer with id: ${id} was not found`)
  }
  return formatOffer(data[0])
}
