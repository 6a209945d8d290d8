import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ABTEST_MODULE } from "../../../modules/abtest"
import type AbTestModuleService from "../../../modules/abtest/service"

/** Computes an experiment's statistical read-out (read-only, nothing to compensate). */
export const computeAbTestResultsStep = createStep(
  "compute-ab-test-results",
  async (testId: string, { container }) => {
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    const experiment = await service.retrieveAbExperimentByTestId(testId)
    return new StepResponse(await service.computeAbTestResults(experiment))
  }
)
