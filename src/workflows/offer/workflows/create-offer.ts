import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOfferStep, CreateOfferStepInput } from "../steps/create-offer"
import { validateOfferDataStep } from "../steps/validate-offer-data"
import { readOfferReferences } from "../utils/read-offer-references"

/** Validates references and creates an offer. */
export const createOfferWorkflow = createWorkflow("create-offer", (input: CreateOfferStepInput) => {
  const references = readOfferReferences(input)
  const validation = transform({ input, references }, ({ input, references }) => ({ offer: input, references }))
  validateOfferDataStep(validation)
  const offer = createOfferStep(input)
  return new WorkflowResponse(offer)
})
