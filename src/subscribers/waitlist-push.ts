import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { coalesceByKey } from "../lib/coalesce-by-key"
import { offerExpiredMessage } from "../workflows/waitlist/utils/messages"
import { WAITLIST_MODULE } from "../modules/waitlist"
import type WaitlistModuleService from "../modules/waitlist/service"
import { REALTIME_EVENTS, REALTIME_MODULE } from "../modules/realtime"
import type RealtimeModuleService from "../modules/realtime/service"
import {
  getSessionInventory,
  WaitlistEntryEventData,
  WaitlistEvents,
  WaitlistOfferedEventData,
  WaitlistPositionsChangedData,
} from "../workflows/waitlist"

type EventData = WaitlistEntryEventData | WaitlistOfferedEventData | WaitlistPositionsChangedData

/** Pushes the contract's three Socket.io events to the customers concerned. */
export default async function waitlistPushHandler({ event, container }: SubscriberArgs<EventData>) {
  const realtime: RealtimeModuleService = container.resolve(REALTIME_MODULE)
  if (event.name === WaitlistEvents.OFFERED) {
    const data = event.data as WaitlistOfferedEventData
    const { title } = await getSessionInventory(container, data.session_id)
    await realtime.emitToCustomer(data.customer_id, REALTIME_EVENTS.WAITLIST_OFFER, {
      session_id: data.session_id,
      title: `A seat is available: ${title}`,
      message: `A seat for ${title} is held for you until ${data.expires_at}. Accept it to check out.`,
      join_token: data.join_token,
      expires_at: data.expires_at,
    })
    return
  }
  if (event.name === WaitlistEvents.OFFER_EXPIRED) {
    const data = event.data as WaitlistEntryEventData
    await realtime.emitToCustomer(data.customer_id, REALTIME_EVENTS.WAITLIST_OFFER_EXPIRED, {
      session_id: data.session_id,
      message: offerExpiredMessage(data.reason),
      reason: data.reason ?? "offer_lapsed",
    })
    return
  }
  const data = event.data as WaitlistPositionsChangedData
  const waitlist: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // Not awaited: the event bus hands over the next change while this push runs, so a burst folds.
  void pushPositionsOnce(data.session_id, async () => {
    const positions = await waitlist.listPositions(data.session_id)
    await Promise.all(
      positions.map((entry) =>
        realtime.emitToCustomer(entry.customer_id, REALTIME_EVENTS.WAITLIST_POSITION_UPDATE, {
          session_id: data.session_id,
          position: entry.position,
          total: entry.total,
          estimated_wait_minutes: entry.estimated_wait_minutes,
        })
      )
    )
  }).catch((error: Error) => logger.warn(`[waitlist] position push for ${data.session_id} failed: ${error.message}`))
}

/**
 * Every waiting customer gets each list change, so a burst of joins on a long list would
 * cost joins × length pushes; changes arriving during a push are folded into one more push
 * of the then-current positions. Pushes of a session never overlap, so an update computed
 * earlier never reaches a customer after a later one.
 */
const pushPositionsOnce = coalesceByKey()

export const config: SubscriberConfig = {
  event: [WaitlistEvents.OFFERED, WaitlistEvents.OFFER_EXPIRED, WaitlistEvents.POSITIONS_CHANGED],
  context: { subscriberId: "waitlist-push" },
}
