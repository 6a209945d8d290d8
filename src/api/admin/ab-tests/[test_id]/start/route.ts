import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startAbTestWorkflow } from "../../../../../workflows/abtest"
import { refetchAbTest } from "../../helpers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await startAbTestWorkflow(req.scope).run({ input: { test_id: req.params.test_id } })
  res.json({ ab_test: await refetchAbTest(req.scope, req.params.test_id) })
}
