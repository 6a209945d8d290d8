import { MonetizationEventInput } from "./types"

const SHAREABLE = ["event_id", "session_token", "customer_id", "user_agent", "ip_prefix", "source"] as const
type Shareable = (typeof SHAREABLE)[number]

/**
 * The statement's two parameters: values every event of the batch has in common, sent
 * once, and per-event rows that carry only what differs. A storefront batch repeats its
 * user agent, IP prefix and visitor on every event: sending them once halves the JSON
 * the server writes and Postgres parses.
 */
export function toIngestRows(events: MonetizationEventInput[], ids: string[]) {
  const shared: Partial<Record<Shareable, string | null>> = {}
  for (const key of SHAREABLE) {
    const value = events[0][key]
    if (events.every((event) => event[key] === value)) {
      shared[key] = value
    }
  }
  const rows = events.map((event, i) => {
    const row: Record<string, unknown> = {
      id: ids[i],
      client_event_id: event.client_event_id,
      type: event.type,
      entity_id: event.entity_id,
      occurred_at: typeof event.occurred_at === "string" ? event.occurred_at : event.occurred_at.toISOString(),
      metadata: event.metadata,
    }
    for (const key of SHAREABLE) {
      if (!(key in shared)) {
        row[key] = event[key]
      }
    }
    return row
  })
  return { shared, rows }
}
