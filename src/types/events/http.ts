import type { AdminAbTest } from "../ab-tests/http.js"
import type { AdminAd } from "../ads/http.js"
import type { AdminOffer } from "../offers/http.js"

/** `GET /admin/events/:event_id/monetization`: a page of the event's offers, ads and A/B tests, with their counts. */
export type AdminEventMonetizationResponse = {
  event_id: string
  offers: AdminOffer[]
  ads: AdminAd[]
  experiments: Pick<
    AdminAbTest,
    "id" | "test_id" | "event_id" | "name" | "status" | "started_at" | "stopped_at" | "winner_variant_id"
  >[]
  counts: { offers: number; ads: number; experiments: number }
  offset: number
  limit: number
}
