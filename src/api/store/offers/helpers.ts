import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OfferLike } from "../../../modules/offer/availability"
import { OFFER_FIELDS } from "../../admin/offers/query-config"

/** An offer the store may show: not archived; 404 otherwise. */
export async function retrieveStoreOffer(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "offer", fields: OFFER_FIELDS, filters: { id, is_archived: false } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer with id: ${id} was not found`)
  }
  return data[0] as unknown as OfferLike & Record<string, unknown>
}
