/** The store routes' response shapes, importable without React (`@event-monetization/storefront-widgets/types`). */

export type OfferInventory = { total: number | null; sold: number; reserved: number; available: number | null }

export type StoreOffer = {
  id: string
  event_id: string
  variant_id: string
  title: string
  description?: string | null
  image_url?: string | null
  offer_type: "TICKET_UPGRADE" | "MERCHANDISE" | "EXCLUSIVE_CONTENT" | "SERVICE" | string
  price: number
  original_price?: number | null
  currency_code: string
  placement: string
  inventory_total?: number | null
  inventory?: OfferInventory
  starts_at?: string | null
  expires_at?: string | null
  [key: string]: unknown
}

export type OfferHold = {
  id: string
  offer_id: string
  quantity: number
  expires_at: string
  status: string
  cart_id: string | null
}

export type OfferPurchaseResult = {
  cart: { id: string; [key: string]: unknown }
  hold: OfferHold
  /** null when the line went into the storefront's own cart. */
  payment_session: { id?: string; data?: { client_secret?: string; [key: string]: unknown }; [key: string]: unknown } | null
}

export type StoreAd = {
  id: string
  event_id?: string
  name: string
  content_type: "BANNER" | "VIDEO" | "SPONSORED_SESSION" | "INTERSTITIAL" | string
  media_url: string
  click_url: string
  display_duration_seconds: number
  aspect_ratio?: string | null
  /** The cap window: an INTERSTITIAL is shown at most once per window in a browser. */
  frequency_window_hours?: number
  sponsor_name?: string | null
  placements: string[]
  /** Proof of this serve to this viewer: sent with the ad's impressions so they can be billed. */
  serve_token?: string
  /** The billable click-through (`GET /ads/:id/click`, signed): a plain link that records the click and redirects. */
  signed_click_url?: string
  [key: string]: unknown
}

export type WaitlistStatus = "WAITING" | "OFFERED" | "ACCEPTED" | "EXPIRED" | "DECLINED" | "LEFT"

export type WaitlistEntry = {
  id: string
  session_id: string
  status: WaitlistStatus
  position: number | null
  total: number | null
  estimated_wait_minutes: number | null
  quantity?: number
  offer?: { expires_at: string } | null
  cart_id?: string | null
  [key: string]: unknown
}

export type WaitlistOffer = { session_id: string; title?: string; message?: string; join_token: string; expires_at: string }

export type { ABVariantWeight } from "../../src/shared/ab-assignment.js"
