export const AD_CONTENT_TYPES = ["BANNER", "VIDEO", "SPONSORED_SESSION", "INTERSTITIAL"] as const
export type AdContentType = (typeof AD_CONTENT_TYPES)[number]

export const AD_PLACEMENTS = [
  "EVENT_HERO",
  "SESSION_BREAK",
  "SIDEBAR",
  "CHECKOUT",
  "POST_PURCHASE",
  "EVENT_LISTING",
  "IN_EVENT",
] as const
export type AdPlacement = (typeof AD_PLACEMENTS)[number]

export const AD_PRICING_MODELS = ["FLAT", "CPM", "CPC"] as const
export type AdPricingModel = (typeof AD_PRICING_MODELS)[number]

/**
 * Why a hit was classified as invalid traffic; stored, reported apart, never billed, never dropped.
 * `unsigned`, `bad_signature`, `expired`: no serve of this ad to this viewer backs the hit;
 * `replayed`: a signed click URL used again; `duplicate_click`: the viewer already clicked the ad
 * within `ads.duplicateClickWindowMinutes`; `ip_rate_limited`: over the hourly cap of its IP prefix.
 */
export const AD_IVT_REASONS = [
  "bot_user_agent",
  "prefetch",
  "click_too_fast",
  "unsigned",
  "bad_signature",
  "expired",
  "replayed",
  "duplicate_click",
  "ip_rate_limited",
] as const
export type AdIvtReason = (typeof AD_IVT_REASONS)[number]

export type AdDTO = {
  id: string
  event_id: string
  name: string
  content_type: AdContentType
  media_url: string
  click_url: string
  display_duration_seconds: number
  aspect_ratio: string | null
  placements: AdPlacement[]
  target_sessions: string[]
  weight: number
  frequency_cap: number | null
  frequency_window_hours: number
  starts_at: Date | string | null
  ends_at: Date | string | null
  is_active: boolean
  is_archived: boolean
  sponsor_name: string | null
  pricing_model: AdPricingModel
  rate: number
  currency_code: string
}

export type AdImpressionInput = {
  client_id: string
  ad_id: string
  event_id: string
  placement: string
  viewer_key: string | null
  session_token: string | null
  session_id: string | null
  customer_id: string | null
  viewable: boolean
  ivt_reason: AdIvtReason | null
  user_agent: string | null
  ip_prefix: string | null
  occurred_at: Date | string
}

/** One row the impression statement touched: newly stored, or upgraded to viewable. */
export type AdImpressionRow = {
  id: string
  client_id: string
  ad_id: string
  event_id: string
  viewer_key: string | null
  session_token: string | null
  customer_id: string | null
  viewable: boolean
  ivt_reason: AdIvtReason | null
  occurred_at: string
  inserted: boolean
}

export type AdImpressionIngestResult = {
  accepted: number
  duplicates: number
  upgraded: number
  ivt: number
  rows: AdImpressionRow[]
}

export type AdClickInput = {
  click_id: string
  ad_id: string
  event_id: string
  placement: string | null
  viewer_key: string | null
  session_token: string | null
  customer_id: string | null
  ivt_reason: AdIvtReason | null
  user_agent: string | null
  ip_prefix: string | null
  occurred_at: Date | string
}

/** Filtered traffic by reason, e.g. `{ impressions: { bot_user_agent: 3 }, clicks: { click_too_fast: 1 } }`. */
export type AdIvtReasonCounts = {
  impressions: Partial<Record<AdIvtReason, number>>
  clicks: Partial<Record<AdIvtReason, number>>
}

export type AdDeliveryStats = {
  impressions: number
  viewable_impressions: number
  clicks: number
  ivt_impressions: number
  ivt_clicks: number
  ivt_reasons: AdIvtReasonCounts
  ctr: number
  viewable_ctr: number
  revenue: number
}

/** One impression as the storefront reports it (already validated). */
export type AdImpressionReport = {
  id?: string
  ad_id: string
  /** The `serve_token` `GET /store/ads` answered with the ad; without a valid one the impression is not billed. */
  serve_token?: string
  placement: string
  session_token?: string
  session_id?: string
  viewable?: boolean
  timestamp: Date
}

/** What the request tells about its sender; `ivt_reason` is the request-level classification. */
export type AdRequestContext = {
  customer_id: string | null
  user_agent: string | null
  ip_prefix: string | null
  ivt_reason: AdIvtReason | null
}

/** An ad's frequency-cap window, in whole hours. */
export type CapWindow = { ad_id: string; frequency_window_hours: number }
export type CapIncrement = CapWindow & { viewer_key: string }
/** A counted cap impression and where it was counted, so compensation undoes it there. */
export type CountedCap = { key: string; in: "redis" | "memory" }

export type DeliveryCounts = {
  impressions: number
  viewable_impressions: number
  ivt_impressions: number
  clicks: number
  ivt_clicks: number
  ivt_reasons: AdIvtReasonCounts
}

/** A click to record, with the rules only the ad's click lock can apply. */
export type CheckedClickInput = AdClickInput & {
  /** The serve nonce of a validly signed click; a second click with it is `replayed`. */
  nonce: string | null
}
export type RecordedClick = { id: string | null; click_id: string; ivt_reason: AdIvtReason | null }
