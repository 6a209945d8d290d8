import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ABTEST_MODULE } from "../../../modules/abtest"
import type { AbTestResults } from "../../../modules/abtest/results"
import type AbTestModuleService from "../../../modules/abtest/service"
import { AbExperimentDTO } from "../../../modules/abtest/types"

export type RecordAbTestWinnerStepInput = {
  test_id: string
  /** Omitted: the statistically significant winner of `results`. */
  variant_id?: string
  note?: string
  declared_by?: string | null
  results: AbTestResults
}

/**
 * Records the winner with the analysis that justified it (audit) and stops the test if it runs.
 * A variant other than the significant winner may be chosen explicitly; the audit says so.
 */
export const recordAbTestWinnerStep = createStep(
  "record-ab-test-winner",
  async (input: RecordAbTestWinnerStepInput, { container }) => {
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    const current = await service.retrieveAbExperimentByTestId(input.test_id)
    if (current.status === "DRAFT") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A/B test ${input.test_id} has not started: no winner yet`)
    }
    if (current.winner_variant_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `A/B test ${input.test_id} already has a winner: ${current.winner_variant_id}`
      )
    }
    const winner = input.variant_id ?? input.results.winner
    if (!winner) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `A/B test ${input.test_id} has no statistically significant winner; name variant_id to declare one anyway. ${input.results.recommendation}`
      )
    }
    if (!current.variants.some((variant) => variant.id === winner)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${winner} is not a variant of A/B test ${input.test_id}`)
    }
    const now = new Date()
    const updated = await service.updateAbExperiments({
      id: current.id,
      winner_variant_id: winner,
      winner_declared_at: now,
      winner_stats: {
        declared_by: input.declared_by ?? null,
        note: input.note ?? null,
        statistical_winner: input.results.winner,
        manual_override: winner !== input.results.winner,
        results: input.results,
      },
      ...(current.status === "RUNNING" ? { status: "STOPPED" as const, stopped_at: now } : {}),
    })
    return new StepResponse(updated as unknown as AbExperimentDTO, {
      id: current.id,
      status: current.status,
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
      stopped_at: previous.stopped_at ? new Date(previous.stopped_at) : null,
      winner_variant_id: null,
      winner_declared_at: null,
      winner_stats: null,
    })
  }
)
