import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AbVariant } from "../../../../../modules/abtest/types"
import { assignVariant } from "../../../../../shared/ab-assignment"
import type { StoreGetAbAssignmentParamsType } from "../../validators"
import type { StoreAbAssignmentResponse } from "../../../../../types/ab-tests"

/** The variant a session sees, by the same DJB2 rule the storefront widgets use. */
export const GET = async (req: MedusaRequest<unknown, StoreGetAbAssignmentParamsType>, res: MedusaResponse<StoreAbAssignmentResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const testId = req.params.test_id
  const { data } = await query.graph({
    entity: "ab_experiment",
    fields: ["test_id", "variants"],
    filters: { test_id: testId, status: "RUNNING" },
  })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `A/B test ${testId} was not found or is not running`)
  }
  const variants = data[0].variants as unknown as AbVariant[]
  res.json({ test_id: testId, variant_id: assignVariant(req.validatedQuery.session_token as string, testId, variants) })
}
