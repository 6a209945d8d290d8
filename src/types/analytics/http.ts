import type { PaginatedResponse } from "../common/http.js"
import type { MonetizationEventInput, MonetizationEventType } from "../../modules/monetization-event/types.js"

/** UTC days, 'YYYY-MM-DD', both ends included. */
export type DateRange = { date_from: string; date_to: string }

export type OfferPerformer = {
  entity_id: string
  name: string
  views: number
  clicks: number
  add_to_cart: number
  purchases: number
  conversion_rate: number
  revenue: number
}
export type AdPerformer = {
  entity_id: string
  name: string
  impressions: number
  viewable_impressions: number
  clicks: number
  ctr: number
  revenue: number
}

/** `GET /admin/analytics/events/:event_id/monetization` (rates are percents). */
export type MonetizationDashboard = {
  event_id: string
  date_from: string
  date_to: string
  currency_code: string | null
  revenue: {
    total: number
    from_offers: number
    from_ads: number
    by_day: { date: string; amount: number }[]
    sources: { offers: "orders" | "not_installed"; ads: "price_models" | "not_installed" }
  }
  offers: {
    total_views: number
    total_clicks: number
    total_add_to_cart: number
    total_purchases: number
    conversion_rate: number
    top_performers: OfferPerformer[]
  }
  ads: {
    total_impressions: number
    total_viewable_impressions: number
    total_clicks: number
    average_ctr: number
    top_performers: AdPerformer[]
  }
  waitlist: {
    total_joins: number
    offers_issued: number
    offers_accepted: number
    offers_declined: number
    offers_expired: number
    acceptance_rate: number
    average_wait_time_minutes: number | null
    /** How many accepted offers the average is over (capped, newest first). */
    wait_time_samples: number
  }
}

/** `GET /admin/analytics/latest-event`: the event with the most recent server-recorded facts, or null. */
export type AdminLatestAnalyticsEventResponse = { event_id: string | null }

/** A stored event as JSON (dates as ISO strings). */
export type AdminMonetizationEvent = Omit<MonetizationEventInput, "occurred_at"> & {
  id: string
  occurred_at: string
  created_at: string
}

export type AdminMonetizationEventListParams = {
  event_id?: string | string[]
  type?: MonetizationEventType | MonetizationEventType[]
  offset?: number
  limit?: number
}

export type AdminMonetizationEventListResponse = PaginatedResponse<{ monetization_events: AdminMonetizationEvent[] }>
