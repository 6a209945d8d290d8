import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminGetMonetizationEventsParamsType } from "./validators"
import type { AdminMonetizationEventListResponse } from "../../../types/analytics"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetMonetizationEventsParamsType>,
  res: MedusaResponse<AdminMonetizationEventListResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: monetization_events, metadata } = await query.graph({
    entity: "monetization_event",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: {
      ...req.queryConfig.pagination,
      // A stable tie-break so equal timestamps do not shuffle between pages.
      order: { ...req.queryConfig.pagination.order, id: "DESC" },
    },
  })
  res.json({
    monetization_events,
    count: metadata?.count ?? 0,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? 0,
  })
}
