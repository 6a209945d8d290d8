import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WaitlistEvents } from "../events"
import { offerWaitlistSeatsStep } from "../steps/offer-waitlist-seats"

export type OfferNextWaitlistSeatsWorkflowInput = { session_id: string; count?: number | null }

/** Offers the session's free seats (at most `count`) to the next customers in line. */
export const offerNextWaitlistSeatsWorkflow = createWorkflow(
  "offer-next-waitlist-seats",
  (input: OfferNextWaitlistSeatsWorkflowInput) => {
    const result = offerWaitlistSeatsStep(input)
    const events = transform({ result, input }, ({ result, input }) => ({
      offered: result.offered,
      expired: result.expired.map((entry) => ({
        entry_id: entry.id,
        session_id: entry.session_id,
        customer_id: entry.customer_id,
        seq: entry.seq,
        reason: entry.reason,
      })),
      moved: result.offered.length ? [{ session_id: input.session_id }] : [],
    }))
    emitEventStep({ eventName: WaitlistEvents.OFFER_EXPIRED, data: events.expired }).config({
      name: "emit-waitlist-offers-expired",
    })
    emitEventStep({ eventName: WaitlistEvents.OFFERED, data: events.offered }).config({
      name: "emit-waitlist-offered",
    })
    emitEventStep({ eventName: WaitlistEvents.POSITIONS_CHANGED, data: events.moved }).config({
      name: "emit-waitlist-positions-changed",
    })
    const answer = transform({ result }, ({ result }) => ({
      offered: result.offered.map(({ join_token: _token, ...seat }) => seat),
      expired: result.expired.map((entry) => entry.id),
    }))
    return new WorkflowResponse(answer)
  }
)
