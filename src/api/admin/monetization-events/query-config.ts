export const MONETIZATION_EVENT_FIELDS = [
  "id",
  "client_event_id",
  "type",
  "entity_id",
  "event_id",
  "session_token",
  "customer_id",
  "occurred_at",
  "metadata",
  "user_agent",
  "ip_prefix",
  "source",
  "created_at",
]

export const listMonetizationEventsQueryConfig = {
  defaults: MONETIZATION_EVENT_FIELDS,
  allowed: MONETIZATION_EVENT_FIELDS,
  isList: true,
}
