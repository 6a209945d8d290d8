import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  InventoryLevelWorkflowEvents,
  OrderWorkflowEvents,
  ReservationItemWorkflowEvents,
} from "@medusajs/framework/utils"
import { reconcileWaitlists, WaitlistEntryEventData, WaitlistEvents } from "../workflows/waitlist"

/**
 * A seat may have freed up: an offer was declined, lapsed or abandoned, an accepted seat's
 * checkout lapsed or was released, an order was cancelled, or the organizer raised stock.
 * Offer free seats to the next customers, without anyone's click.
 */
export default async function waitlistSeatFreedHandler({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  const name = event.name as string
  if (name === WaitlistEvents.LEFT) {
    const data = event.data as unknown as WaitlistEntryEventData
    if (data.previous_status !== "OFFERED" && data.previous_status !== "ACCEPTED") {
      return
    }
  }
  const variantId = name.startsWith("waitlist.") ? (event.data as unknown as WaitlistEntryEventData).session_id : null
  await reconcileWaitlists(container, variantId ? [variantId] : undefined)
}

export const config: SubscriberConfig = {
  event: [
    WaitlistEvents.LEFT,
    WaitlistEvents.OFFER_DECLINED,
    WaitlistEvents.OFFER_EXPIRED,
    OrderWorkflowEvents.CANCELED,
    InventoryLevelWorkflowEvents.CREATED,
    InventoryLevelWorkflowEvents.UPDATED,
    ReservationItemWorkflowEvents.DELETED,
  ],
  context: { subscriberId: "waitlist-seat-freed" },
}
