import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteAbTestStep } from "../steps/delete-ab-test"

export type DeleteAbTestWorkflowInput = { test_id: string }

/** Soft-deletes an A/B test that is not running. */
export const deleteAbTestWorkflow = createWorkflow("delete-ab-test", (input: DeleteAbTestWorkflowInput) => {
  const deleted = deleteAbTestStep(input.test_id)
  return new WorkflowResponse(deleted)
})
