import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MonetizationEventType } from "../modules/monetization-event/types"
import { trackMonetizationEventsWorkflow } from "../workflows/monetization-event"
import { WaitlistEntryEventData, WaitlistEvents } from "../workflows/waitlist"

const TYPES: Record<string, MonetizationEventType> = {
  [WaitlistEvents.JOINED]: "WAITLIST_JOIN",
  [WaitlistEvents.OFFERED]: "WAITLIST_OFFER",
  [WaitlistEvents.OFFER_ACCEPTED]: "WAITLIST_OFFER_ACCEPT",
  [WaitlistEvents.OFFER_DECLINED]: "WAITLIST_OFFER_DECLINE",
  [WaitlistEvents.OFFER_EXPIRED]: "WAITLIST_OFFER_EXPIRE",
}

/** Records waitlist milestones as server-side monetization events (deterministic ids: a retry is a duplicate). */
export default async function waitlistTrackHandler({ event, container }: SubscriberArgs<WaitlistEntryEventData>) {
  const type = TYPES[event.name]
  const data = event.data
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id"],
    filters: { id: data.session_id },
  })
  await trackMonetizationEventsWorkflow(container).run({
    input: {
      events: [
        {
          client_event_id: `srv_${type.toLowerCase()}_${data.entry_id}`,
          type,
          entity_id: data.entry_id,
          event_id: (variants[0] as { product_id?: string } | undefined)?.product_id ?? null,
          session_token: null,
          customer_id: data.customer_id,
          occurred_at: new Date(),
          metadata: { session_id: data.session_id },
          user_agent: null,
          ip_prefix: null,
          source: "server",
        },
      ],
    },
  })
}

export const config: SubscriberConfig = {
  event: Object.keys(TYPES),
  context: { subscriberId: "waitlist-track" },
}
