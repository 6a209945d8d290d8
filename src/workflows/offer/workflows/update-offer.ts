import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { updateOfferStep, UpdateOfferStepInput } from "../steps/update-offer"
import { OfferDataToValidate, validateOfferDataStep } from "../steps/validate-offer-data"
import { readOfferReferences } from "../utils/read-offer-references"

/** Validates the changes against the stored offer and applies them. */
export const updateOfferWorkflow = createWorkflow("update-offer", (input: UpdateOfferStepInput) => {
  const { data: stored } = useQueryGraphStep({
    entity: "offer",
    fields: ["id", "price", "original_price", "starts_at", "expires_at"],
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true, isList: false },
  }).config({ name: "get-stored-offer" })
  const references = readOfferReferences(input)
  const validation = transform({ input, stored, references }, ({ input, stored, references }) => ({
    offer: { ...(stored as OfferDataToValidate), ...input },
    references,
  }))
  validateOfferDataStep(validation)
  const offer = updateOfferStep(input)
  return new WorkflowResponse(offer)
})
