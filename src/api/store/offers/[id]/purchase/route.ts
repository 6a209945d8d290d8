import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { holdOfferWorkflow } from "../../../../../workflows/offer/workflows/hold-offer"
import { formatHold } from "../../helpers"
import type { StorePurchaseOfferType } from "../../validators"

/**
 * The buying decision, on stock alone: 201 with a new hold and its expiry, 200 with the
 * customer's live hold when they already have one (a retry), or a 4xx with the reason.
 * The cart and payment session come at `POST /store/offers/:id/checkout`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StorePurchaseOfferType>, res: MedusaResponse) => {
  const { result } = await holdOfferWorkflow(req.scope).run({
    input: { offer_id: req.params.id, customer_id: req.auth_context.actor_id, quantity: req.validatedBody.quantity },
  })
  res.status(result.created ? 201 : 200).json({ hold: formatHold(result.hold) })
}
