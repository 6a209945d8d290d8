import { randomUUID } from "crypto"
import { ClientContext } from "../../../../lib/ingestion/client-context"
import { MonetizationEventInput, MonetizationEventType } from "../../../../modules/monetization-event/types"
import { StoreTrackEventType } from "./validators"

export function toMonetizationEventInput(
  event: StoreTrackEventType,
  context: ClientContext
): MonetizationEventInput {
  return {
    client_event_id: event.id ?? randomUUID(),
    type: event.type as MonetizationEventType,
    entity_id: event.entity_id,
    event_id: event.event_id ?? null,
    session_token: event.session_token ?? null,
    customer_id: context.customer_id,
    occurred_at: event.timestamp.toISOString(),
    metadata: event.metadata ?? null,
    user_agent: context.user_agent,
    ip_prefix: context.ip_prefix,
    source: "client",
  }
}
