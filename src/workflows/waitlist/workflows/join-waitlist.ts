import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WaitlistEvents } from "../events"
import { assertWaitlistJoinableStep } from "../steps/assert-waitlist-joinable"
import { joinWaitlistStep } from "../steps/join-waitlist"

export type JoinWaitlistWorkflowInput = {
  session_id: string
  customer_id: string
  quantity: number
  accept_partial?: boolean
}

/** Puts a customer on a full, waitlist-enabled session's waitlist (or answers their existing entry). */
export const joinWaitlistWorkflow = createWorkflow("join-waitlist", (input: JoinWaitlistWorkflowInput) => {
  assertWaitlistJoinableStep({ session_id: input.session_id, quantity: input.quantity })
  const joined = joinWaitlistStep(input)
  when("waitlist-entry-created", { joined }, ({ joined }) => joined.created).then(() => {
    const data = transform({ joined }, ({ joined }) => ({
      entry_id: joined.entry.id,
      session_id: joined.entry.session_id,
      customer_id: joined.entry.customer_id,
      seq: joined.entry.seq,
    }))
    emitEventStep({ eventName: WaitlistEvents.JOINED, data }).config({ name: "emit-waitlist-joined" })
    // The list grew: everyone on it sees the new total live (the newcomer gets its position too).
    const everyone = transform({ joined }, ({ joined }) => ({ session_id: joined.entry.session_id }))
    emitEventStep({ eventName: WaitlistEvents.POSITIONS_CHANGED, data: everyone }).config({
      name: "emit-waitlist-total-changed",
    })
  })
  return new WorkflowResponse(joined)
})
