import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdWorkflow } from "../../../workflows/ad"
import { refetchAd, withDeliveryStats } from "./helpers"
import type { AdminCreateAdType, AdminGetAdsParamsType } from "./validators"
import type { AdminAdListResponse, AdminAdResponse } from "../../../types/ads"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAdsParamsType>, res: MedusaResponse<AdminAdListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { placement, ...filters } = req.filterableFields
  const { data, metadata } = await query.graph({
    entity: "ad",
    fields: [...new Set([...req.queryConfig.fields, "id", "pricing_model", "rate"])],
    // `placements` is a jsonb array: containment keeps ads listing the placement among others.
    filters: placement ? { ...filters, placements: { $contains: [placement] } } : filters,
    pagination: {
      ...req.queryConfig.pagination,
      // A stable tie-break so equal timestamps do not shuffle between pages.
      order: { ...req.queryConfig.pagination.order, id: "DESC" },
    },
  })
  const ads = await withDeliveryStats(req.scope, data)
  res.json({ ads, count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAdType>, res: MedusaResponse<AdminAdResponse>) => {
  const { result } = await createAdWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ ad: await refetchAd(req.scope, result.id) })
}
