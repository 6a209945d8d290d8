import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createAdStep, CreateAdStepInput } from "../steps/create-ad"

/** Creates a sponsor ad. */
export const createAdWorkflow = createWorkflow("create-ad", (input: CreateAdStepInput) => {
  return new WorkflowResponse(createAdStep(input))
})
