import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { declareAbTestWinnerWorkflow } from "../../../../../workflows/abtest"
import { refetchAbTest } from "../../helpers"
import type { AdminDeclareAbTestWinnerType } from "../../validators"
import type { AdminAbTestResponse } from "../../../../../types/ab-tests"

export const POST = async (req: AuthenticatedMedusaRequest<AdminDeclareAbTestWinnerType>, res: MedusaResponse<AdminAbTestResponse>) => {
  await declareAbTestWinnerWorkflow(req.scope).run({
    input: { test_id: req.params.test_id, ...req.validatedBody, declared_by: req.auth_context?.actor_id ?? null },
  })
  res.json({ ab_test: await refetchAbTest(req.scope, req.params.test_id) })
}
