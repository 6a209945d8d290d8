export const MONETIZATION_EVENT_TYPES = [
  "OFFER_VIEW",
  "OFFER_CLICK",
  "OFFER_ADD_TO_CART",
  "OFFER_PURCHASE",
  "AD_IMPRESSION",
  "AD_VIEWABLE_IMPRESSION",
  "AD_CLICK",
  "AD_SERVE",
  "WAITLIST_JOIN",
  "WAITLIST_OFFER",
  "WAITLIST_OFFER_ACCEPT",
  "WAITLIST_OFFER_DECLINE",
  "WAITLIST_OFFER_EXPIRE",
] as const

export type MonetizationEventType = (typeof MONETIZATION_EVENT_TYPES)[number]

/**
 * What only a client can see: a view of an offer and a click on our own UI. Every other
 * type is a fact the server records itself (purchases, holds, ad delivery, waitlist
 * actions), so a client reporting one is rejected per event. These reports never turn into money.
 */
export const CLIENT_EVENT_TYPES = ["OFFER_VIEW", "OFFER_CLICK"] as const satisfies readonly MonetizationEventType[]
export type ClientEventType = (typeof CLIENT_EVENT_TYPES)[number]

/** Types only the server may record; a client sending them is rejected. */
export const SERVER_ONLY_EVENT_TYPES: MonetizationEventType[] = MONETIZATION_EVENT_TYPES.filter(
  (type) => !(CLIENT_EVENT_TYPES as readonly string[]).includes(type)
)

export type MonetizationEventInput = {
  client_event_id: string
  type: MonetizationEventType
  entity_id: string
  event_id: string | null
  session_token: string | null
  customer_id: string | null
  occurred_at: Date | string
  metadata: Record<string, unknown> | null
  user_agent: string | null
  ip_prefix: string | null
  source: "client" | "server"
}

export type IngestResult = {
  accepted: number
  duplicates: number
  inserted_ids: string[]
  inserted_client_event_ids: string[]
}
