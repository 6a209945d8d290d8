import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ABTEST_MODULE } from "../../../modules/abtest"
import type AbTestModuleService from "../../../modules/abtest/service"
import { AbExperimentDTO, AbTestConfig } from "../../../modules/abtest/types"
import { assertValidAbTestConfig } from "../../../modules/abtest/validate-config"

export type UpdateAbTestStepInput = { test_id: string; update: Partial<AbTestConfig> }

/** Fields that may still change once a test has started: changing anything else would invalidate its data. */
const EDITABLE_AFTER_START = ["name", "description"]

/** Updates an experiment's configuration; only name and description once it has left DRAFT. */
export const updateAbTestStep = createStep(
  "update-ab-test",
  async ({ test_id, update }: UpdateAbTestStepInput, { container }) => {
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    const current = await service.retrieveAbExperimentByTestId(test_id)
    const changed = (Object.keys(update) as (keyof AbTestConfig)[]).filter((key) => update[key] !== undefined)
    const locked = changed.filter((key) => !EDITABLE_AFTER_START.includes(key))
    if (current.status !== "DRAFT" && locked.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `A/B test ${test_id} is ${current.status}: only name and description can change (got ${locked.join(", ")})`
      )
    }
    assertValidAbTestConfig({
      variants: update.variants ?? current.variants,
      control_variant_id: update.control_variant_id !== undefined ? update.control_variant_id : current.control_variant_id,
    })
    const previous = Object.fromEntries(changed.map((key) => [key, current[key as keyof AbExperimentDTO]]))
    const values = Object.fromEntries(changed.map((key) => [key, update[key]]))
    const updated = await service.updateAbExperiments({ id: current.id, ...values })
    return new StepResponse(updated as unknown as AbExperimentDTO, { id: current.id, previous })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    await service.updateAbExperiments({ id: compensation.id, ...compensation.previous })
  }
)
