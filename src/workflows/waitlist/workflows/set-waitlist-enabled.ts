import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setWaitlistEnabledStep, SetWaitlistEnabledStepInput } from "../steps/set-waitlist-enabled"

/** The organizer turns a session's (or a product's) waitlist on or off; entries already on it stay. */
export const setWaitlistEnabledWorkflow = createWorkflow(
  "set-waitlist-enabled",
  (input: SetWaitlistEnabledStepInput) => new WorkflowResponse(setWaitlistEnabledStep(input))
)
