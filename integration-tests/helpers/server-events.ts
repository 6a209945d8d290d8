import type { MedusaContainer } from "@medusajs/framework/types"
import type { MonetizationEventType } from "../../src/modules/monetization-event/types"
import { trackMonetizationEventsWorkflow } from "../../src/workflows/monetization-event/workflows/track-monetization-events"

/** A fact as the plugin's own code records it (clients may only report OFFER_VIEW and OFFER_CLICK). */
export type ServerEvent = {
  id: string
  type: string
  entityId: string
  event_id?: string
  session_token?: string
  timestamp: string
  metadata?: object
}

/** Records events server-side, the way purchases, ad delivery and waitlist milestones are recorded. */
export async function recordServerEvents(container: MedusaContainer, events: ServerEvent[]) {
  const { result } = await trackMonetizationEventsWorkflow(container).run({
    input: {
      events: events.map((event) => ({
        client_event_id: event.id,
        type: event.type as MonetizationEventType,
        entity_id: event.entityId,
        event_id: event.event_id ?? null,
        session_token: event.session_token ?? null,
        customer_id: null,
        occurred_at: event.timestamp,
        metadata: (event.metadata as Record<string, unknown> | undefined) ?? null,
        user_agent: null,
        ip_prefix: null,
        source: "server" as const,
      })),
    },
  })
  return result
}

const CLIENT_TYPES = ["OFFER_VIEW", "OFFER_CLICK"]

/** Splits a mixed fixture batch: what a client may report, and what only the server records. */
export function splitClientAndServer<T extends { type: string }>(events: T[]): { client: T[]; server: T[] } {
  return {
    client: events.filter((event) => CLIENT_TYPES.includes(event.type)),
    server: events.filter((event) => !CLIENT_TYPES.includes(event.type)),
  }
}
