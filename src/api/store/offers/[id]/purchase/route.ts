import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { purchaseOfferWorkflow } from "../../../../../workflows/offer/workflows/purchase-offer"
import type { StorePurchaseOfferType } from "../../validators"

const CART_FIELDS = [
  "id",
  "customer_id",
  "region_id",
  "currency_code",
  "email",
  "total",
  "subtotal",
  "item_total",
  "items.*",
  "payment_collection.id",
  "payment_collection.amount",
  "payment_collection.status",
]

/** Holds the offer's stock and prepares a cart with a Stripe payment session for it. */
export const POST = async (req: AuthenticatedMedusaRequest<StorePurchaseOfferType>, res: MedusaResponse) => {
  const { result } = await purchaseOfferWorkflow(req.scope).run({
    input: {
      offer_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      quantity: req.validatedBody.quantity,
      cart_id: req.validatedBody.cart_id,
      sales_channel_id: req.publishable_key_context?.sales_channel_ids?.[0],
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: result.cart_id } })
  res.status(201).json({
    cart: data[0],
    hold: { id: result.hold.id, quantity: result.hold.quantity, expires_at: result.hold.expires_at },
    payment_session: result.payment_session,
  })
}
