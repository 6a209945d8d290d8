import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WaitlistEvents } from "../events"
import { expireWaitlistOffersStep } from "../steps/expire-waitlist-offers"

/** Expires lapsed offers and lapsed checkouts everywhere; subscribers tell each customer and offer the seats on. */
export const expireWaitlistOffersWorkflow = createWorkflow("expire-waitlist-offers", () => {
  const expired = expireWaitlistOffersStep()
  const data = transform({ expired }, ({ expired }) =>
    expired.map((entry) => ({
      entry_id: entry.id,
      session_id: entry.session_id,
      customer_id: entry.customer_id,
      seq: entry.seq,
      reason: entry.reason,
    }))
  )
  emitEventStep({ eventName: WaitlistEvents.OFFER_EXPIRED, data })
  return new WorkflowResponse(expired)
})
