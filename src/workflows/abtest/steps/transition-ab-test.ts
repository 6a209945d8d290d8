import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ABTEST_MODULE } from "../../../modules/abtest"
import type AbTestModuleService from "../../../modules/abtest/service"
import { AB_TEST_TRANSITIONS, AbExperimentDTO, AbTestStatus } from "../../../modules/abtest/types"

export type TransitionAbTestStepInput = { test_id: string; to: AbTestStatus }

/** Moves an experiment along DRAFT → RUNNING → STOPPED, stamping started_at / stopped_at. */
export const transitionAbTestStep = createStep(
  "transition-ab-test",
  async ({ test_id, to }: TransitionAbTestStepInput, { container }) => {
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    const current = await service.retrieveAbExperimentByTestId(test_id)
    if (!AB_TEST_TRANSITIONS[current.status].includes(to)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `A/B test ${test_id} cannot go from ${current.status} to ${to} (allowed: DRAFT → RUNNING → STOPPED)`
      )
    }
    const stamp = to === "RUNNING" ? { started_at: new Date() } : { stopped_at: new Date() }
    const updated = await service.updateAbExperiments({ id: current.id, status: to, ...stamp })
    return new StepResponse(updated as unknown as AbExperimentDTO, {
      id: current.id,
      status: current.status,
      started_at: current.started_at,
      stopped_at: current.stopped_at,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    await service.updateAbExperiments({
      id: previous.id,
      status: previous.status,
      started_at: previous.started_at ? new Date(previous.started_at) : null,
      stopped_at: previous.stopped_at ? new Date(previous.stopped_at) : null,
    })
  }
)
