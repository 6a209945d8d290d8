import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { renewOfferHoldsStep, RenewOfferHoldsInput } from "../steps/renew-offer-holds"

/** Before a cart with offer lines is paid or completed: every hold live again, or a refusal. */
export const renewOfferHoldsWorkflow = createWorkflow("renew-offer-holds", (input: RenewOfferHoldsInput) => {
  return new WorkflowResponse(renewOfferHoldsStep(input))
})
