export const ADMIN_AD_FIELDS = [
  "id",
  "event_id",
  "name",
  "content_type",
  "media_url",
  "click_url",
  "display_duration_seconds",
  "aspect_ratio",
  "placements",
  "target_sessions",
  "weight",
  "frequency_cap",
  "frequency_window_hours",
  "starts_at",
  "ends_at",
  "is_active",
  "is_archived",
  "sponsor_name",
  "pricing_model",
  "rate",
  "currency_code",
  "created_at",
  "updated_at",
]

export const retrieveAdminAdQueryConfig = {
  defaults: ADMIN_AD_FIELDS,
  allowed: ADMIN_AD_FIELDS,
  isList: false,
}

export const listAdminAdsQueryConfig = { ...retrieveAdminAdQueryConfig, isList: true }
