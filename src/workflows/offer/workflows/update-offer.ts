import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateOfferStep, UpdateOfferStepInput } from "../steps/update-offer"
import { validateOfferDataStep } from "../steps/validate-offer-data"

/** Validates the changes against the stored offer and applies them. */
export const updateOfferWorkflow = createWorkflow("update-offer", (input: UpdateOfferStepInput) => {
  validateOfferDataStep(input)
  const offer = updateOfferStep(input)
  return new WorkflowResponse(offer)
})
