import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteAbTestWorkflow, updateAbTestWorkflow } from "../../../../workflows/abtest"
import { refetchAbTest } from "../helpers"
import type { AdminUpdateAbTestType } from "../validators"
import type { AdminAbTestDeleteResponse, AdminAbTestResponse } from "../../../../types/ab-tests"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAbTestResponse>) => {
  res.json({ ab_test: await refetchAbTest(req.scope, req.params.test_id, req.queryConfig.fields) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAbTestType>, res: MedusaResponse<AdminAbTestResponse>) => {
  await updateAbTestWorkflow(req.scope).run({ input: { test_id: req.params.test_id, update: req.validatedBody } })
  res.json({ ab_test: await refetchAbTest(req.scope, req.params.test_id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAbTestDeleteResponse>) => {
  await deleteAbTestWorkflow(req.scope).run({ input: { test_id: req.params.test_id } })
  res.json({ id: req.params.test_id, object: "ab_test", deleted: true })
}
