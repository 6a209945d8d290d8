import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { releaseOfferHoldsStep } from "../../offer/steps/release-offer-holds"
import { WaitlistEntryEventData, WaitlistEvents } from "../../waitlist/events"
import { CUSTOMER_DELETED_REASON, endCustomerWaitlistEntriesStep } from "../steps/end-customer-waitlist-entries"
import { eraseCustomerRecordsStep } from "../steps/erase-customer-records"
import { findCustomerOfferHoldsStep } from "../steps/find-customer-offer-holds"

export type EraseCustomerDataInput = { customer_id: string }

/**
 * A customer was deleted: their waitlist places and held seats are given up (freed seats are
 * offered on by the seat-freed subscriber), their live offer holds go back to stock, then their id
 * and personal links are removed from every row the plugin keeps. Money facts (purchases, billed
 * ad traffic) and aggregates stay.
 */
export const eraseCustomerDataWorkflow = createWorkflow(
  "erase-customer-data",
  (input: EraseCustomerDataInput) => {
    const ended = endCustomerWaitlistEntriesStep(input)
    const holds = findCustomerOfferHoldsStep(input)
    const released = releaseOfferHoldsStep(holds)
    // LEFT, not OFFER_EXPIRED: nobody is left to notify, and no subscriber records the id again.
    const events = transform({ ended }, ({ ended }) => ({
      left: ended.map(
        (entry): WaitlistEntryEventData => ({
          entry_id: entry.id,
          session_id: entry.session_id,
          customer_id: entry.customer_id,
          seq: entry.seq,
          previous_status: entry.status,
          reason: CUSTOMER_DELETED_REASON,
        })
      ),
      moved: [...new Set(ended.map((entry) => entry.session_id))].map((session_id) => ({ session_id })),
    }))
    emitEventStep({ eventName: WaitlistEvents.LEFT, data: events.left }).config({ name: "emit-customer-waitlist-left" })
    emitEventStep({ eventName: WaitlistEvents.POSITIONS_CHANGED, data: events.moved }).config({
      name: "emit-customer-waitlist-positions-changed",
    })
    const erased = eraseCustomerRecordsStep(input)
    const result = transform({ ended, released, erased }, ({ ended, released, erased }) => ({
      waitlist_entries_ended: ended.length,
      offer_holds_released: released.length,
      erased,
    }))
    return new WorkflowResponse(result)
  }
)
