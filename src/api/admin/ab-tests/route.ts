import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAbTestWorkflow } from "../../../workflows/abtest"
import { refetchAbTest } from "./helpers"
import type { AdminCreateAbTestType, AdminGetAbTestsParamsType } from "./validators"
import type { AdminAbTestListResponse, AdminAbTestResponse } from "../../../types/ab-tests"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAbTestsParamsType>, res: MedusaResponse<AdminAbTestListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: ab_tests, metadata } = await query.graph({
    entity: "ab_experiment",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: {
      ...req.queryConfig.pagination,
      // A stable tie-break so equal timestamps do not shuffle between pages.
      order: { ...req.queryConfig.pagination.order, id: "DESC" },
    },
  })
  res.json({ ab_tests, count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAbTestType>, res: MedusaResponse<AdminAbTestResponse>) => {
  await createAbTestWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ ab_test: await refetchAbTest(req.scope, req.validatedBody.test_id) })
}
