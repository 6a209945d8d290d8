import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ABTEST_MODULE } from "../../../modules/abtest"
import type AbTestModuleService from "../../../modules/abtest/service"

/** Soft-deletes an experiment that is not running; its events stay for audit and its key stays taken. */
export const deleteAbTestStep = createStep(
  "delete-ab-test",
  async (testId: string, { container }) => {
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    const current = await service.retrieveAbExperimentByTestId(testId)
    if (current.status === "RUNNING") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A/B test ${testId} is running: stop it before deleting it`)
    }
    await service.softDeleteAbExperiments([current.id])
    return new StepResponse({ id: current.id, test_id: testId }, current.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    await service.restoreAbExperiments([id])
  }
)
