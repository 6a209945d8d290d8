import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ABTEST_MODULE } from "../../../../../modules/abtest"
import type AbTestModuleService from "../../../../../modules/abtest/service"

/** Statistical read-out of a test; counts are aggregated in SQL, never by loading events. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AbTestModuleService = req.scope.resolve(ABTEST_MODULE)
  const experiment = await service.retrieveAbExperimentByTestId(req.params.test_id)
  res.json(await service.computeAbTestResults(experiment))
}
