import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ABTEST_MODULE } from "../../../../../modules/abtest"
import type AbTestModuleService from "../../../../../modules/abtest/service"
import type { AdminAbTestResults } from "../../../../../types/ab-tests"

/** Statistical read-out of a test; counts are aggregated in SQL, never by loading events. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAbTestResults>) => {
  const service: AbTestModuleService = req.scope.resolve(ABTEST_MODULE)
  const experiment = await service.retrieveAbExperimentByTestId(req.params.test_id)
  res.json(await service.computeAbTestResults(experiment))
}
