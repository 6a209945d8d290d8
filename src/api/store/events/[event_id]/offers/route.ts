import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isEligible, matchesSession, OfferLike } from "../../../../../modules/offer/availability"
import { purchasedVariantIds } from "../../../../../workflows/offer/steps/resolve-customer-tiers"
import type { StoreGetEventOffersParamsType } from "../../../offers/validators"
import type { StoreOffer, StoreOfferListResponse } from "../../../../../types/offers"
import { OFFER_FIELDS, formatOffer } from "../../../../utils/offers"

/** Active, in-schedule offers of an event that this visitor may see (ticket-tier and session targeting). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetEventOffersParamsType>,
  res: MedusaResponse<StoreOfferListResponse>
) => {
  const { placement, session_id: variantId, limit, offset } = req.validatedQuery as StoreGetEventOffersParamsType
  const now = new Date()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "offer",
    fields: OFFER_FIELDS,
    filters: {
      event_id: req.params.event_id,
      is_active: true,
      is_archived: false,
      ...(placement ? { placement } : {}),
      $and: [
        { $or: [{ starts_at: null }, { starts_at: { $lte: now } }] },
        { $or: [{ expires_at: null }, { expires_at: { $gt: now } }] },
      ],
    },
    pagination: { order: { created_at: "ASC", id: "ASC" } },
  })
  const tiers = await purchasedVariantIds(req.scope, req.auth_context?.actor_id)
  // Targeting is decided per offer in code, so the page is cut after it.
  const visible = (data as unknown as (OfferLike & StoreOffer)[]).filter((offer) => isEligible(offer, tiers) && matchesSession(offer, variantId))
  const offers = visible.slice(offset, offset + limit).map(formatOffer)
  res.json({ offers, count: visible.length, offset, limit })
}
