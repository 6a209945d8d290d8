import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreGetOfferPurchasesParamsType } from "../../../offers/validators"
import type { StoreOfferPurchaseListResponse } from "../../../../../types/offers"

/** The logged-in customer's offer purchases, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreOfferPurchaseListResponse>) => {
  const { limit, offset } = req.validatedQuery as StoreGetOfferPurchasesParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "offer_purchase",
    fields: [
      "id",
      "order_id",
      "offer_id",
      "quantity",
      "amount",
      "currency_code",
      "status",
      "created_at",
      "offer.id",
      "offer.title",
      "offer.event_id",
      "offer.image_url",
      "offer.offer_type",
    ],
    filters: { customer_id: req.auth_context.actor_id },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ offer_purchases: data, count: metadata?.count ?? 0, offset, limit })
}
