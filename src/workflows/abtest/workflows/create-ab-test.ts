import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createAbTestStep, CreateAbTestStepInput } from "../steps/create-ab-test"

export type CreateAbTestWorkflowInput = CreateAbTestStepInput

/** Creates an A/B test in DRAFT. */
export const createAbTestWorkflow = createWorkflow("create-ab-test", (input: CreateAbTestWorkflowInput) => {
  const experiment = createAbTestStep(input)
  return new WorkflowResponse(experiment)
})
