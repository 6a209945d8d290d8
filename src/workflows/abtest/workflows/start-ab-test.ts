import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { transitionAbTestStep } from "../steps/transition-ab-test"

export type StartAbTestWorkflowInput = { test_id: string }

/** Starts a DRAFT A/B test: from now on it is served, assigned and tracked. */
export const startAbTestWorkflow = createWorkflow("start-ab-test", (input: StartAbTestWorkflowInput) => {
  const transition = transform({ input }, ({ input }) => ({ test_id: input.test_id, to: "RUNNING" as const }))
  const experiment = transitionAbTestStep(transition)
  return new WorkflowResponse(experiment)
})
