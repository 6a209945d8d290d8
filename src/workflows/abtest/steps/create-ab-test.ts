import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ABTEST_MODULE } from "../../../modules/abtest"
import type AbTestModuleService from "../../../modules/abtest/service"
import { AbExperimentDTO, AbTestConfig } from "../../../modules/abtest/types"
import { assertValidAbTestConfig } from "../../../modules/abtest/validate-config"

export type CreateAbTestStepInput = AbTestConfig & { test_id: string }

/** Creates a DRAFT experiment; its key must never have been used, not even by a deleted test. */
export const createAbTestStep = createStep(
  "create-ab-test",
  async (input: CreateAbTestStepInput, { container }) => {
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    assertValidAbTestConfig(input)
    const [existing] = await service.listAbExperiments({ test_id: input.test_id }, { take: 1, withDeleted: true })
    if (existing) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `An A/B test with test_id ${input.test_id} already exists${existing.deleted_at ? " (deleted; keys are not reused)" : ""}`
      )
    }
    const created = await service.createAbExperiments({
      ...input,
      // The json column is typed as an object; an array of variants is what it holds.
      variants: input.variants as unknown as Record<string, unknown>,
      description: input.description ?? null,
      control_variant_id: input.control_variant_id ?? null,
      revenue_goal: input.revenue_goal ?? null,
      allow_repeat_conversions: input.allow_repeat_conversions ?? false,
      status: "DRAFT",
    })
    return new StepResponse(created as unknown as AbExperimentDTO, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    await service.deleteAbExperiments(id)
  }
)
