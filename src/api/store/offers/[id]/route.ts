import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isEligible } from "../../../../modules/offer/availability"
import { purchasedVariantIds } from "../../../../workflows/offer/steps/resolve-customer-tiers"
import { formatOffer } from "../../../utils/offers"
import { retrieveStoreOffer } from "../helpers"
import type { StoreOfferResponse } from "../../../../types/offers"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreOfferResponse>) => {
  const offer = await retrieveStoreOffer(req.scope, req.params.id)
  // A tier-targeted offer does not exist for visitors outside its audience.
  if (!isEligible(offer, await purchasedVariantIds(req.scope, req.auth_context?.actor_id))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer with id: ${req.params.id} was not found`)
  }
  res.json({ offer: formatOffer(offer) })
}
