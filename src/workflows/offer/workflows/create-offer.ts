import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOfferStep, CreateOfferStepInput } from "../steps/create-offer"
import { validateOfferDataStep } from "../steps/validate-offer-data"

/** Validates references and creates an offer. */
export const createOfferWorkflow = createWorkflow("create-offer", (input: CreateOfferStepInput) => {
  validateOfferDataStep(input)
  const offer = createOfferStep(input)
  return new WorkflowResponse(offer)
})
