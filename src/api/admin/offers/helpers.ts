import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { formatOffer, OFFER_FIELDS } from "../../utils/offers"

/** Re-reads an offer with Query; 404 when there is none. */
export async function refetchOffer(container: MedusaContainer, id: string, fields: string[] = OFFER_FIELDS) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "offer", fields, filters: { id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer with id: ${id} was not found`)
  }
  return formatOffer(data[0])
}
