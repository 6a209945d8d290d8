import type { MedusaContainer } from "@medusajs/framework/types"
import { buildMonetizationDashboard } from "../dashboard/build-dashboard"
import { computeAdRevenue } from "../revenue/ad-revenue"
import { computeOfferRevenue } from "../revenue/offer-revenue"
import { RevenueReport, toAmount } from "../revenue/types"

const range = { event_id: "prod_1", date_from: "2026-03-01", date_to: "2026-03-03" }

/** A container holding only the given registrations, like Medusa's without the other modules. */
function fakeContainer(registrations: Record<string, unknown>): MedusaContainer {
  return {
    hasRegistration: (key: string) => key in registrations,
    resolve: (key: string) => {
      if (!(key in registrations)) {
        throw new Error(`${key} is not registered`)
      }
      return registrations[key]
    },
  } as unknown as MedusaContainer
}

describe("offer revenue", () => {
  it("is unavailable without the offers module", async () => {
    expect(await computeOfferRevenue(fakeContainer({}), range)).toEqual({ available: false, lines: [] })
  })

  it("nets each placed purchase of its order's refunds, pro rata, and skips canceled or unplaced ones", async () => {
    const listOfferPurchases = jest.fn().mockResolvedValue([
      { id: "p1", offer_id: "o1", order_id: "order_1", amount: 40, status: "COMPLETED", created_at: "2026-03-01T10:00:00Z" },
      { id: "p2", offer_id: "o2", order_id: "order_2", amount: "20", status: "COMPLETED", created_at: "2026-03-02T23:59:00Z" },
      { id: "p3", offer_id: "o1", order_id: "order_3", amount: { numeric: 15 }, status: "COMPLETED", created_at: "2026-03-03T00:00:00Z" },
      { id: "p4", offer_id: "o1", order_id: "order_4", amount: 999, status: "CANCELED", created_at: "2026-03-03T00:00:00Z" },
      { id: "p5", offer_id: "o1", order_id: null, amount: 999, status: "COMPLETED", created_at: "2026-03-03T00:00:00Z" },
    ])
    const graph = jest.fn().mockResolvedValue({
      data: [
        { id: "order_1", currency_code: "EUR", summary: { current_order_total: 40, refunded_total: 60 } },
        { id: "order_2", currency_code: "eur", summary: { current_order_total: 100, refunded_total: 50 } },
        { id: "order_3", currency_code: "eur", summary: { current_order_total: 15, refunded_total: 0 } },
      ],
    })
    const container = fakeContainer({
      offer: { listOffers: jest.fn().mockResolvedValue([{ id: "o1" }, { id: "o2" }]), listOfferPurchases },
      query: { graph },
    })

    const report = await computeOfferRevenue(container, range)

    expect(listOfferPurchases.mock.calls[0][0]).toEqual({
      offer_id: ["o1", "o2"],
      created_at: { $gte: new Date("2026-03-01T00:00:00Z"), $lt: new Date("2026-03-04T00:00:00Z") },
    })
    expect(graph.mock.calls[0][0].filters).toEqual({ id: ["order_1", "order_2", "order_3"] })
    expect(report).toEqual({
      available: true,
      lines: [
        // A refund larger than the purchase never makes it negative.
        { date: "2026-03-01", entity_id: "o1", amount: 0, currency_code: "eur" },
        // 50 refunded on a 100 order holding a 20 offer line: 10 is the offer's share.
        { date: "2026-03-02", entity_id: "o2", amount: 10, currency_code: "eur" },
        { date: "2026-03-03", entity_id: "o1", amount: 15, currency_code: "eur" },
      ],
    })
  })
})

describe("ad revenue", () => {
  it("is unavailable without the ads module", async () => {
    expect(await computeAdRevenue(fakeContainer({}), range)).toEqual({ available: false, lines: [] })
  })

  it("bills CPM on impressions, CPC on clicks and spreads FLAT over its scheduled days", async () => {
    const countEventsByDayAndEntity = jest.fn().mockResolvedValue([
      { day: "2026-03-01", type: "AD_IMPRESSION", entity_id: "cpm", count: 2500 },
      { day: "2026-03-01", type: "AD_CLICK", entity_id: "cpm", count: 9 },
      { day: "2026-03-02", type: "AD_CLICK", entity_id: "cpc", count: 4 },
      { day: "2026-03-02", type: "AD_IMPRESSION", entity_id: "cpc", count: 100 },
      { day: "2026-03-02", type: "AD_CLICK", entity_id: "unknown", count: 4 },
    ])
    const ads = [
      { id: "cpm", pricing_model: "CPM", rate: 8, currency_code: "eur" },
      { id: "cpc", pricing_model: "CPC", rate: "0.5", currency_code: "eur" },
      // 100 over 10 days (Feb 26..Mar 7): 10 a day, 3 of those days in range.
      { id: "flat", pricing_model: "FLAT", rate: 100, currency_code: "eur", starts_at: "2026-02-26T09:00:00Z", ends_at: "2026-03-07T18:00:00Z" },
      // No end: booked whole on its start day, which is outside the range.
      { id: "flat_open", pricing_model: "FLAT", rate: 500, currency_code: "eur", starts_at: "2026-02-01T00:00:00Z" },
    ]
    const container = fakeContainer({
      ad: { listAds: jest.fn().mockResolvedValue(ads) },
      monetizationEvent: { countEventsByDayAndEntity },
    })

    const report = await computeAdRevenue(container, range)

    expect(countEventsByDayAndEntity).toHaveBeenCalledWith(range, ["AD_IMPRESSION", "AD_CLICK"], ["cpm", "cpc"])
    expect(report.lines).toEqual([
      { date: "2026-03-01", entity_id: "cpm", amount: 20, currency_code: "eur" },
      { date: "2026-03-02", entity_id: "cpc", amount: 2, currency_code: "eur" },
      { date: "2026-03-01", entity_id: "flat", amount: 10, currency_code: "eur" },
      { date: "2026-03-02", entity_id: "flat", amount: 10, currency_code: "eur" },
      { date: "2026-03-03", entity_id: "flat", amount: 10, currency_code: "eur" },
    ])
  })
})

describe("buildMonetizationDashboard", () => {
  const none: RevenueReport = { available: false, lines: [] }

  it("answers zeros, percentages of 0 and a null wait for an event with no data", () => {
    const dashboard = buildMonetizationDashboard({
      range,
      counts: [],
      totals: {},
      wait: { average_minutes: null, samples: 0 },
      offer_revenue: none,
      ad_revenue: none,
      default_currency: "usd",
      names: {},
    })
    expect(dashboard.currency_code).toBe("usd")
    expect(dashboard.revenue).toEqual({
      total: 0,
      from_offers: 0,
      from_ads: 0,
      by_day: ["2026-03-01", "2026-03-02", "2026-03-03"].map((date) => ({ date, amount: 0 })),
      sources: { offers: "not_installed", ads: "not_installed" },
    })
    expect(dashboard.offers.conversion_rate).toBe(0)
    expect(dashboard.ads.average_ctr).toBe(0)
    expect(dashboard.waitlist).toMatchObject({ acceptance_rate: 0, average_wait_time_minutes: null })
  })

  it("keeps the top five, sums the majority currency only and falls back to answered offers for acceptance", () => {
    const offers = ["a", "b", "c", "d", "e", "f"].map((id, i) => [
      { type: "OFFER_VIEW" as const, entity_id: id, count: 10 },
      { type: "OFFER_PURCHASE" as const, entity_id: id, count: i },
    ])
    const dashboard = buildMonetizationDashboard({
      range,
      counts: offers.flat(),
      totals: { OFFER_VIEW: 60, OFFER_PURCHASE: 15, WAITLIST_OFFER_ACCEPT: 3, WAITLIST_OFFER_DECLINE: 1 },
      names: Object.fromEntries(["a", "b", "c", "d", "e", "f"].map((id) => [id, `Offer ${id}`])),
      wait: { average_minutes: 12.345, samples: 3 },
      offer_revenue: {
        available: true,
        lines: [
          { date: "2026-03-01", entity_id: "f", amount: 10.005, currency_code: "eur" },
          { date: "2026-03-02", entity_id: "f", amount: 5, currency_code: "eur" },
          { date: "2026-03-02", entity_id: "e", amount: 1000, currency_code: "usd" },
        ],
      },
      ad_revenue: { available: true, lines: [] },
      default_currency: "usd",
    })
    expect(dashboard.offers.top_performers.map((p) => p.entity_id)).toEqual(["f", "e", "d", "c", "b"])
    expect(dashboard.offers.top_performers[0]).toMatchObject({
      name: "Offer f",
      purchases: 5,
      conversion_rate: 50,
      revenue: 15.01,
    })
    expect(dashboard.offers).toMatchObject({ total_views: 60, total_purchases: 15, conversion_rate: 25 })
    expect(dashboard.currency_code).toBe("eur")
    expect(dashboard.revenue).toMatchObject({ total: 15.01, from_offers: 15.01, from_ads: 0 })
    expect(dashboard.waitlist).toMatchObject({ offers_issued: 0, acceptance_rate: 75, average_wait_time_minutes: 12.3 })
  })
})

describe("buildMonetizationDashboard top performers", () => {
  it("ranks only the event's own offers and ads, however many ids clients made up", () => {
    const forged = Array.from({ length: 5000 }, (_, i) => ({
      type: "OFFER_VIEW" as const,
      entity_id: `forged_${i}`,
      count: 1000,
    }))
    const dashboard = buildMonetizationDashboard({
      range,
      counts: [...forged, { type: "OFFER_VIEW", entity_id: "real", count: 1 }],
      totals: { OFFER_VIEW: 5_000_001 },
      names: { real: "Real offer" },
      wait: { average_minutes: null, samples: 0 },
      offer_revenue: { available: true, lines: [] },
      ad_revenue: { available: true, lines: [] },
      default_currency: "eur",
    })
    expect(dashboard.offers.top_performers).toEqual([expect.objectContaining({ entity_id: "real", name: "Real offer", views: 1 })])
  })
})

describe("toAmount", () => {
  it("reads numbers, numeric strings and BigNumber-like values", () => {
    expect([toAmount(1.5), toAmount("2.5"), toAmount({ numeric: 3 }), toAmount({ value: "4" }), toAmount(null)]).toEqual([
      1.5, 2.5, 3, 4, 0,
    ])
  })
})
