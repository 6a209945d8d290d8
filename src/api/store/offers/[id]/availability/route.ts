import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { inventoryAvailable, unavailableReason } from "../../../../../modules/offer/availability"
import { purchasedVariantIds } from "../../../../../workflows/offer/steps/resolve-customer-tiers"
import { retrieveStoreOffer } from "../../helpers"
import type { StoreOfferAvailabilityResponse } from "../../../../../types/offers"

/** `{ offer_id, available, inventory_available, reason? }` for this visitor, now. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreOfferAvailabilityResponse>) => {
  const offer = await retrieveStoreOffer(req.scope, req.params.id)
  const reason = unavailableReason(offer, {
    now: new Date(),
    purchasedVariantIds: await purchasedVariantIds(req.scope, req.auth_context?.actor_id),
  })
  res.json({
    offer_id: offer.id,
    available: reason === null,
    inventory_available: inventoryAvailable(offer),
    ...(reason ? { reason } : {}),
  })
}
