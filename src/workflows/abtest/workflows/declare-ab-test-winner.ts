import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeAbTestResultsStep } from "../steps/compute-ab-test-results"
import { recordAbTestWinnerStep } from "../steps/record-ab-test-winner"

export type DeclareAbTestWinnerWorkflowInput = {
  test_id: string
  variant_id?: string
  note?: string
  declared_by?: string | null
}

/** Declares an A/B test's winner with the statistics behind it, stopping the test if it still runs. */
export const declareAbTestWinnerWorkflow = createWorkflow(
  "declare-ab-test-winner",
  (input: DeclareAbTestWinnerWorkflowInput) => {
    const results = computeAbTestResultsStep(input.test_id)
    const recordInput = transform({ input, results }, ({ input, results }) => ({
      test_id: input.test_id,
      variant_id: input.variant_id,
      note: input.note,
      declared_by: input.declared_by,
      results,
    }))
    const experiment = recordAbTestWinnerStep(recordInput)
    return new WorkflowResponse(experiment)
  }
)
