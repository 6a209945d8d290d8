import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreGetAbTestsParamsType } from "./validators"
import type { StoreAbTestListResponse } from "../../../types/ab-tests"

/** Running tests (optionally of one event) with their variants and weights, for client-side assignment. */
export const GET = async (req: MedusaRequest<unknown, StoreGetAbTestsParamsType>, res: MedusaResponse<StoreAbTestListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: ab_tests, metadata } = await query.graph({
    entity: "ab_experiment",
    fields: req.queryConfig.fields,
    filters: { ...req.filterableFields, status: "RUNNING" },
    pagination: { ...req.queryConfig.pagination, order: { started_at: "ASC", id: "ASC" } },
  })
  res.json({ ab_tests, count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}
