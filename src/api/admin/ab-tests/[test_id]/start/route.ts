import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startAbTestWorkflow } from "../../../../../workflows/abtest"
import { refetchAbTest } from "../../helpers"
import type { AdminAbTestResponse } from "../../../../../types/ab-tests"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAbTestResponse>) => {
  await startAbTestWorkflow(req.scope).run({ input: { test_id: req.params.test_id } })
  res.json({ ab_test: await refetchAbTest(req.scope, req.params.test_id) })
}
