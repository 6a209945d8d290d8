import type { MonetizationEventType } from "../../modules/monetization-event/types.js"

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

export type AdminMonetizationEvent = {
  id: string
  client_event_id: string
  type: MonetizationEventType
  entity_id: string
  event_id: string | null
  session_token: string | null
  customer_id: string | null
  occurred_at: string
  metadata: Record<string, unknown> | null
  user_agent: string | null
  ip_prefix: string | null
  source: "client" | "server"
  created_at: string
}

export type AdminMonetizationEventListParams = {
  event_id?: string | string[]
  type?: MonetizationEventType | MonetizationEventType[]
  offset?: number
  limit?: number
}

export type AdminMonetizationEventListResponse = {
  monetization_events: AdminMonetizationEvent[]
  count: number
  offset: number
  limit: number
}
