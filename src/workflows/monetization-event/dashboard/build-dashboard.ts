import type { DayRange, EntityCount, WaitTimeAverage } from "../../../modules/monetization-event/analytics-types"
import type { MonetizationEventType } from "../../../modules/monetization-event/types"
import type { RevenueLine, RevenueReport } from "../revenue/types"
import type { AdPerformer, MonetizationDashboard, OfferPerformer } from "../../../types/analytics"

export const TOP_PERFORMERS = 5

export type MonetizationDashboardInput = {
  range: DayRange
  /** Per type and entity, for the event's own offers and ads only. */
  counts: EntityCount[]
  /** Per type over every row of the range (the headline totals). */
  totals: Partial<Record<MonetizationEventType, number>>
  wait: WaitTimeAverage
  offer_revenue: RevenueReport
  ad_revenue: RevenueReport
  default_currency: string | null
  /** Offer titles and ad names by id: only these entities can be top performers. */
  names: Record<string, string>
}


const DAY_MS = 86_400_000

const money = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100
/** Rates are percentages with two decimals, as in the A/B results; 0 when nothing was seen. */
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0)

/** Turns rollup counts and revenue lines into the contract's dashboard answer. */
export function buildMonetizationDashboard(input: MonetizationDashboardInput): MonetizationDashboard {
  const { range, wait, offer_revenue, ad_revenue } = input
  const counts = input.counts.filter((row) => row.entity_id in input.names)
  const total = (type: MonetizationEventType) => input.totals[type] ?? 0

  const currency_code = chooseCurrency([...offer_revenue.lines, ...ad_revenue.lines]) ?? input.default_currency
  // Amounts in another currency cannot be added up; they are left out of every sum.
  const inCurrency = (lines: RevenueLine[]) =>
    lines.filter((line) => line.currency_code === null || line.currency_code === currency_code)
  const offerLines = inCurrency(offer_revenue.lines)
  const adLines = inCurrency(ad_revenue.lines)
  const sum = (lines: RevenueLine[]) => lines.reduce((acc, line) => acc + line.amount, 0)

  const byDay = new Map<string, number>()
  for (let day = Date.parse(range.date_from); day <= Date.parse(range.date_to); day += DAY_MS) {
    byDay.set(new Date(day).toISOString().slice(0, 10), 0)
  }
  for (const line of [...offerLines, ...adLines]) {
    if (byDay.has(line.date)) {
      byDay.set(line.date, byDay.get(line.date)! + line.amount)
    }
  }
  const revenueOf = (lines: RevenueLine[], id: string) => money(sum(lines.filter((line) => line.entity_id === id)))

  const countsOf = (prefix: string) => {
    const perEntity = new Map<string, Partial<Record<MonetizationEventType, number>>>()
    for (const row of counts.filter((candidate) => candidate.type.startsWith(prefix))) {
      const entry = perEntity.get(row.entity_id) ?? {}
      entry[row.type] = (entry[row.type] ?? 0) + row.count
      perEntity.set(row.entity_id, entry)
    }
    return [...perEntity.entries()]
  }

  const nameOf = (id: string) => input.names[id]
  const offerPerformers: OfferPerformer[] = countsOf("OFFER_").map(([entity_id, c]) => ({
    entity_id,
    name: nameOf(entity_id),
    views: c.OFFER_VIEW ?? 0,
    clicks: c.OFFER_CLICK ?? 0,
    add_to_cart: c.OFFER_ADD_TO_CART ?? 0,
    purchases: c.OFFER_PURCHASE ?? 0,
    conversion_rate: percent(c.OFFER_PURCHASE ?? 0, c.OFFER_VIEW ?? 0),
    revenue: revenueOf(offerLines, entity_id),
  }))
  offerPerformers.sort(
    (a, b) => b.purchases - a.purchases || b.views - a.views || a.entity_id.localeCompare(b.entity_id)
  )

  const adPerformers: AdPerformer[] = countsOf("AD_").map(([entity_id, c]) => ({
    entity_id,
    name: nameOf(entity_id),
    impressions: c.AD_IMPRESSION ?? 0,
    viewable_impressions: c.AD_VIEWABLE_IMPRESSION ?? 0,
    clicks: c.AD_CLICK ?? 0,
    ctr: percent(c.AD_CLICK ?? 0, c.AD_IMPRESSION ?? 0),
    revenue: revenueOf(adLines, entity_id),
  }))
  adPerformers.sort(
    (a, b) => b.clicks - a.clicks || b.impressions - a.impressions || a.entity_id.localeCompare(b.entity_id)
  )

  const fromOffers = sum(offerLines)
  const fromAds = sum(adLines)
  const accepted = total("WAITLIST_OFFER_ACCEPT")
  const declined = total("WAITLIST_OFFER_DECLINE")
  const expired = total("WAITLIST_OFFER_EXPIRE")
  const issued = total("WAITLIST_OFFER")

  return {
    event_id: range.event_id,
    date_from: range.date_from,
    date_to: range.date_to,
    currency_code,
    revenue: {
      total: money(fromOffers + fromAds),
      from_offers: money(fromOffers),
      from_ads: money(fromAds),
      by_day: [...byDay.entries()].map(([date, amount]) => ({ date, amount: money(amount) })),
      sources: {
        offers: offer_revenue.available ? "orders" : "not_installed",
        ads: ad_revenue.available ? "price_models" : "not_installed",
      },
    },
    offers: {
      total_views: total("OFFER_VIEW"),
      total_clicks: total("OFFER_CLICK"),
      total_add_to_cart: total("OFFER_ADD_TO_CART"),
      total_purchases: total("OFFER_PURCHASE"),
      conversion_rate: percent(total("OFFER_PURCHASE"), total("OFFER_VIEW")),
      top_performers: offerPerformers.slice(0, TOP_PERFORMERS),
    },
    ads: {
      total_impressions: total("AD_IMPRESSION"),
      total_viewable_impressions: total("AD_VIEWABLE_IMPRESSION"),
      total_clicks: total("AD_CLICK"),
      // Aggregate CTR (all clicks / all impressions), not a mean of per-ad CTRs.
      average_ctr: percent(total("AD_CLICK"), total("AD_IMPRESSION")),
      top_performers: adPerformers.slice(0, TOP_PERFORMERS),
    },
    waitlist: {
      total_joins: total("WAITLIST_JOIN"),
      offers_issued: issued,
      offers_accepted: accepted,
      offers_declined: declined,
      offers_expired: expired,
      // Server-issued offers are the base; answered offers stand in when none were recorded server-side.
      acceptance_rate: percent(accepted, Math.max(issued, accepted + declined + expired)),
      average_wait_time_minutes: wait.average_minutes === null ? null : Math.round(wait.average_minutes * 10) / 10,
      wait_time_samples: wait.samples,
    },
  }
}

/** The currency most revenue lines are in; null when no line names one. */
function chooseCurrency(lines: RevenueLine[]): string | null {
  const tally = new Map<string, number>()
  for (const line of lines) {
    if (line.currency_code) {
      tally.set(line.currency_code, (tally.get(line.currency_code) ?? 0) + 1)
    }
  }
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null
}
