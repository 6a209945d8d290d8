import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { expireOfferHoldsStep } from "../steps/expire-offer-holds"

/** Releases every offer hold past its expiry. */
export const releaseExpiredOfferHoldsWorkflow = createWorkflow(
  "release-expired-offer-holds",
  (input: { now?: Date | string }) => {
    const expired = expireOfferHoldsStep(input)
    return new WorkflowResponse(expired)
  }
)
