import type { AdContentType, AdPlacement, AdPricingModel } from "../../../modules/ad/types"

export const CONTENT_TYPE_LABELS: Record<AdContentType, string> = {
  BANNER: "Banner",
  VIDEO: "Video",
  SPONSORED_SESSION: "Sponsored session",
  INTERSTITIAL: "Interstitial",
}

export const PLACEMENT_LABELS: Record<AdPlacement, string> = {
  EVENT_HERO: "Event hero",
  SESSION_BREAK: "Session break",
  SIDEBAR: "Sidebar",
  CHECKOUT: "Checkout",
  POST_PURCHASE: "Post-purchase",
  EVENT_LISTING: "Event listing",
  IN_EVENT: "In event",
}

export const PRICING_MODEL_LABELS: Record<AdPricingModel, string> = {
  FLAT: "Flat fee",
  CPM: "CPM (per 1,000 impressions)",
  CPC: "CPC (per click)",
}
