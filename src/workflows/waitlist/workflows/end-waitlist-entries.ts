import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WaitlistEvents } from "../events"
import { endWaitlistEntriesStep, EndWaitlistEntriesStepInput } from "../steps/end-waitlist-entries"

/**
 * The organizer releases seats (open offers, accepted carts not ordered) or removes entries;
 * the customers whose seat was taken back are told (WAITLIST_OFFER_EXPIRED) and the freed seats
 * are offered on automatically (the seat-freed subscriber).
 */
export const endWaitlistEntriesWorkflow = createWorkflow(
  "end-waitlist-entries",
  (input: EndWaitlistEntriesStepInput) => {
    const ended = endWaitlistEntriesStep(input)
    const events = transform({ ended }, ({ ended }) => {
      const data = ended.map((entry) => ({
        entry_id: entry.id,
        session_id: entry.session_id,
        customer_id: entry.customer_id,
        seq: entry.seq,
        previous_status: entry.status,
        reason: entry.reason,
      }))
      const heldSeat = (entry: { previous_status: string }) => entry.previous_status !== "WAITING"
      return {
        // A seat taken back: the customer is told, and the seat is offered on.
        expired: data.filter(heldSeat),
        // Removed while waiting: the list changed only.
        left: data.filter((entry) => !heldSeat(entry)),
        moved: [{ session_id: ended[0].session_id }],
      }
    })
    emitEventStep({ eventName: WaitlistEvents.OFFER_EXPIRED, data: events.expired }).config({
      name: "emit-waitlist-seats-released",
    })
    emitEventStep({ eventName: WaitlistEvents.LEFT, data: events.left }).config({ name: "emit-waitlist-entries-removed" })
    emitEventStep({ eventName: WaitlistEvents.POSITIONS_CHANGED, data: events.moved }).config({
      name: "emit-waitlist-positions-changed",
    })
    const answer = transform({ ended }, ({ ended }) =>
      ended.map((entry) => ({ id: entry.id, previous_status: entry.status, reason: entry.reason }))
    )
    return new WorkflowResponse(answer)
  }
)
