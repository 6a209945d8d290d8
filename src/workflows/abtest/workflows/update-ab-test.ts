import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateAbTestStep, UpdateAbTestStepInput } from "../steps/update-ab-test"

export type UpdateAbTestWorkflowInput = UpdateAbTestStepInput

/** Updates an A/B test's configuration (locked except name and description once started). */
export const updateAbTestWorkflow = createWorkflow("update-ab-test", (input: UpdateAbTestWorkflowInput) => {
  const experiment = updateAbTestStep(input)
  return new WorkflowResponse(experiment)
})
