/** What a storefront may see of an ad: never the sponsor's price or the cap count (the window paces interstitials). */
export const STORE_AD_FIELDS = [
  "id",
  "event_id",
  "name",
  "content_type",
  "media_url",
  "click_url",
  "display_duration_seconds",
  "aspect_ratio",
  "frequency_window_hours",
  "placements",
  "target_sessions",
  "sponsor_name",
]

export const storeAdsQueryConfig = { defaults: STORE_AD_FIELDS, allowed: STORE_AD_FIELDS, isList: false }
