import type { IngestionReceipt, PaginatedResponse } from "../common/http.js"
import type { AdContentType, AdDeliveryStats, AdDTO, AdPlacement } from "../../modules/ad/types.js"

/** Delivery counts exclude invalid traffic; `ctr` and `viewable_ctr` are fractions (0.05 = 5%). */
export type AdminAdStats = AdDeliveryStats

/** The stored ad as JSON (dates as ISO strings) with its delivery stats. */
export type AdminAd = Omit<AdDTO, "starts_at" | "ends_at"> & {
  starts_at: string | null
  ends_at: string | null
  created_at: string
  updated_at: string
  stats: AdminAdStats
}

export type AdminAdListParams = {
  event_id?: string | string[]
  placement?: AdPlacement
  content_type?: AdContentType | AdContentType[]
  is_active?: boolean
  is_archived?: boolean
  fields?: string
  offset?: number
  limit?: number
  order?: string
}

export type AdminAdListResponse = PaginatedResponse<{ ads: AdminAd[] }>
export type AdminAdResponse = { ad: AdminAd }
export type AdminAdArchiveResponse = { id: string; object: "ad"; deleted: true }

type Editable = Omit<AdminAd, "id" | "is_archived" | "created_at" | "updated_at" | "stats">
export type AdminCreateAdPayload = Editable
export type AdminUpdateAdPayload = Partial<Editable>

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

export type StoreAdListResponse = PaginatedResponse<{ ads: StoreAd[] }>

/** `POST /store/ads/impressions`: the shared receipt, plus viewable upgrades of stored impressions and IVT stored apart. */
export type StoreAdImpressionReceipt = IngestionReceipt & { upgraded: number; invalid_traffic: number }

/** `POST /store/ads/:id/click`: where the click goes. */
export type StoreAdClickResponse = { click_url: string }
