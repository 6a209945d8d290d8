import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { holdOfferStock } from "../../../../../workflows/offer/utils/hold-offer-stock"
import { formatHold } from "../../helpers"
import type { StorePurchaseOfferType } from "../../validators"
import type { StoreOfferHoldResponse } from "../../../../../types/offers"

/**
 * The buying decision, on stock alone: 201 with a new hold and its expiry, 200 with the
 * customer's live hold when they already have one (a retry), or a 4xx with the reason.
 * The cart and payment session come at `POST /store/offers/:id/checkout`.
 *
 * A direct call, not a workflow: the hold is one database transaction that commits whole or
 * not at all and nothing follows it here to compensate; on the burst path (an offer pushed
 * to a full hall) the workflow engine's own cost would be most of the request's.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StorePurchaseOfferType>, res: MedusaResponse<StoreOfferHoldResponse>) => {
  const result = await holdOfferStock(req.scope, {
    offer_id: req.params.id,
    customer_id: req.auth_context.actor_id,
    quantity: req.validatedBody.quantity,
  })
  res.status(result.created ? 201 : 200).json({ hold: formatHold(result.hold) })
}
