import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refetchOffer } from "../../helpers"
import type { AdminGetOfferPurchasesParamsType } from "../../validators"
import type { AdminOfferPurchaseListResponse } from "../../../../../types/offers"

/**
 * The offer's purchases, newest first. `flagged=true` lists the orders that took units at the
 * offer price beyond their hold or the stock (a route that skipped the cart guard, a lapsed
 * hold): the organizer decides what to do with them.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetOfferPurchasesParamsType>,
  res: MedusaResponse<AdminOfferPurchaseListResponse>
) => {
  await refetchOffer(req.scope, req.params.id, ["id"])
  const { flagged, ...filters } = req.filterableFields as Record<string, unknown> & { flagged?: boolean }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "offer_purchase",
    fields: req.queryConfig.fields,
    filters: {
      ...filters,
      offer_id: req.params.id,
      ...(flagged === undefined ? {} : { flag: flagged ? { $ne: null } : null }),
    },
    pagination: { ...req.queryConfig.pagination, order: { created_at: "DESC", id: "DESC" } },
  })
  res.json({
    offer_purchases: data,
    count: metadata?.count ?? 0,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? 0,
  })
}
