import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WaitlistEvents } from "../events"
import { declineWaitlistOfferStep } from "../steps/decline-waitlist-offer"

/** Declines an offer; the realtime subscriber then offers the seat to the next entry. */
export const declineWaitlistOfferWorkflow = createWorkflow(
  "decline-waitlist-offer",
  (input: { session_id: string; customer_id: string; join_token: string }) => {
    const entry = declineWaitlistOfferStep(input)
    const data = transform({ entry }, ({ entry }) => ({
      entry_id: entry.id,
      session_id: entry.session_id,
      customer_id: entry.customer_id,
      seq: entry.seq,
    }))
    emitEventStep({ eventName: WaitlistEvents.OFFER_DECLINED, data })
    return new WorkflowResponse(entry)
  }
)
