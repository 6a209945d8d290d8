import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { transitionAbTestStep } from "../steps/transition-ab-test"

export type StopAbTestWorkflowInput = { test_id: string }

/** Stops a running A/B test: it is no longer served and new events are rejected. */
export const stopAbTestWorkflow = createWorkflow("stop-ab-test", (input: StopAbTestWorkflowInput) => {
  const transition = transform({ input }, ({ input }) => ({ test_id: input.test_id, to: "STOPPED" as const }))
  const experiment = transitionAbTestStep(transition)
  return new WorkflowResponse(experiment)
})
