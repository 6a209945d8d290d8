import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseOfferHoldsStep } from "../steps/release-offer-holds"

/** A cart line carrying a hold was removed: its units go back to the offer's stock. */
export const releaseOfferHoldsWorkflow = createWorkflow("release-offer-holds", (input: { hold_ids: string[] }) => {
  return new WorkflowResponse(releaseOfferHoldsStep(input))
})
