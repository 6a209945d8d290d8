import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateAdStep, UpdateAdStepInput } from "../steps/update-ad"

/** Updates a sponsor ad that is not archived. */
export const updateAdWorkflow = createWorkflow("update-ad", (input: UpdateAdStepInput) => {
  return new WorkflowResponse(updateAdStep(input))
})
