import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WaitlistEvents } from "../events"
import { leaveWaitlistStep } from "../steps/leave-waitlist"

/** Takes a customer off a waitlist; a seat they were offered passes to the next entry. */
export const leaveWaitlistWorkflow = createWorkflow(
  "leave-waitlist",
  (input: { session_id: string; customer_id: string }) => {
    const before = leaveWaitlistStep(input)
    const data = transform({ before }, ({ before }) => ({
      entry_id: before.id,
      session_id: before.session_id,
      customer_id: before.customer_id,
      seq: before.seq,
      previous_status: before.status,
    }))
    emitEventStep({ eventName: WaitlistEvents.LEFT, data }).config({ name: "emit-waitlist-left" })
    // Those behind move up and those ahead see a smaller total: everyone still waiting is told.
    const moved = transform({ before }, ({ before }) => ({ session_id: before.session_id }))
    emitEventStep({ eventName: WaitlistEvents.POSITIONS_CHANGED, data: moved }).config({
      name: "emit-waitlist-positions-changed",
    })
    return new WorkflowResponse(before)
  }
)
