import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateOfferStep } from "../steps/update-offer"

/** Archives (soft-deletes) an offer: hidden from the store, kept for reporting. */
export const archiveOfferWorkflow = createWorkflow("archive-offer", (input: { id: string }) => {
  const update = transform({ input }, ({ input }) => ({ id: input.id, is_archived: true, is_active: false }))
  const offer = updateOfferStep(update)
  return new WorkflowResponse(offer)
})
