import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosInstance } from "axios"
import { adminHeaders } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { trackMonetizationEventsWorkflow } from "../../../src/workflows/monetization-event/workflows/track-monetization-events"
import { recordServerEvents, splitClientAndServer } from "../../helpers/server-events"
import { createTicketProduct } from "../../helpers/ticket-product"

jest.setTimeout(120_000)

/** The event product (created per test): its ticket variant is the session whose waitlist is read. */
let EVENT = ""
let SESSION = ""
const DAY_MS = 86_400_000
/** UTC day `n` days before today, 'YYYY-MM-DD'. */
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10)
const at = (day: string, time = "12:00:00") => `${day}T${time}.000Z`

// The range under test covers D1..D3; D0 and D4 lie just outside it.
const D0 = daysAgo(5)
const D1 = daysAgo(4)
const D2 = daysAgo(3)
const D3 = daysAgo(2)
const D4 = daysAgo(1)
const RANGE = `date_from=${D1}&date_to=${D3}`

let seq = 0
const events = (count: number, fields: { type: string; entityId: string; day: string; event_id?: string; metadata?: object }) =>
  Array.from({ length: count }, () => ({
    id: `dash_evt_${++seq}_${Math.random().toString(36).slice(2, 8)}`,
    type: fields.type,
    entityId: fields.entityId,
    event_id: fields.event_id ?? EVENT,
    session_token: "sess_dashboard",
    timestamp: at(fields.day),
    ...(fields.metadata ? { metadata: fields.metadata } : {}),
  }))

type Created = { id: string }
type Rows = Record<string, unknown>[]
/** The generated create methods of the offers and ads modules the fixtures use. */
type OfferModule = {
  createOffers(data: Rows): Promise<Created[]>
  createOfferPurchases(data: Rows): Promise<Created[]>
  createOfferHolds(data: Rows): Promise<Created[]>
}
type AdModule = { createAds(data: Rows): Promise<Created[]> }

type Ids = { offerA: string; offerB: string; adCpm: string; adCpc: string; adFlat: string }

/** Offers, ads, orders (one with a full refund share, one sharing an order with a ticket) and purchases. */
async function seedCommerce(container: MedusaContainer, setup: StoreSetup): Promise<Ids> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const offerService = container.resolve<OfferModule>("offer")
  const adService = container.resolve<AdModule>("ad")
  const orderService = container.resolve(Modules.ORDER)

  const offer = (title: string) => ({
    event_id: EVENT,
    variant_id: "variant_upgrade",
    title,
    offer_type: "TICKET_UPGRADE",
    price: 40,
    currency_code: "eur",
    placement: "CHECKOUT",
    target_sessions: [],
    target_ticket_tiers: [],
  })
  const [offerA, offerB] = await offerService.createOffers([offer("VIP upgrade"), offer("T-shirt")])

  const ad = (name: string, pricing_model: string, rate: number, dates: Record<string, string> = {}) => ({
    event_id: EVENT,
    name,
    content_type: "BANNER",
    media_url: "https://cdn.example.com/ad.png",
    click_url: "https://sponsor.example.com",
    placements: ["EVENT_HERO"],
    target_sessions: [],
    pricing_model,
    rate,
    currency_code: "eur",
    ...dates,
  })
  const [adCpm, adCpc, adFlat] = await adService.createAds([
    ad("CPM banner", "CPM", 100),
    ad("CPC banner", "CPC", 1.5),
    // 70 over 7 scheduled days (D0..today+1) = 10 a day; D1..D3 are in range.
    ad("Flat hero", "FLAT", 70, { starts_at: at(D0, "08:00:00"), ends_at: at(daysAgo(-1), "20:00:00") }),
  ])

  const order = (lines: { title: string; unit_price: number }[]) =>
    orderService.createOrders({
      currency_code: "eur",
      region_id: setup.regionId,
      email: "buyer@test.dev",
      items: lines.map((line) => ({ ...line, quantity: 1 })),
    })
  const onlyOffer = await order([{ title: "VIP upgrade", unit_price: 40 }])
  const withTicket = await order([
    { title: "T-shirt", unit_price: 20 },
    { title: "Ticket", unit_price: 80 },
  ])
  const unrefunded = await order([{ title: "VIP upgrade", unit_price: 40 }])
  const outside = await order([{ title: "VIP upgrade", unit_price: 40 }])
  const canceled = await order([{ title: "VIP upgrade", unit_price: 999 }])
  // Refunds as refundPaymentWorkflow records them: negative order transactions.
  await orderService.addOrderTransactions([
    { order_id: onlyOffer.id, amount: 40, currency_code: "eur", reference: "capture", reference_id: "cap_1" },
    { order_id: onlyOffer.id, amount: -10, currency_code: "eur", reference: "refund", reference_id: "ref_1" },
    { order_id: withTicket.id, amount: 100, currency_code: "eur", reference: "capture", reference_id: "cap_2" },
    { order_id: withTicket.id, amount: -50, currency_code: "eur", reference: "refund", reference_id: "ref_2" },
  ])

  const purchase = (offer_id: string, order_id: string, amount: number, status = "COMPLETED") => ({
    offer_id,
    order_id,
    quantity: 1,
    amount,
    currency_code: "eur",
    status,
  })
  const purchases = await offerService.createOfferPurchases([
    purchase(offerA.id, onlyOffer.id, 40),
    purchase(offerB.id, withTicket.id, 20),
    purchase(offerA.id, unrefunded.id, 40),
    purchase(offerA.id, outside.id, 40),
    purchase(offerA.id, canceled.id, 999, "CANCELED"),
  ])
  const days = [D1, D2, D2, D0, D3]
  for (const [index, row] of purchases.entries()) {
    await knex("monetization_offer_purchase").where({ id: row.id }).update({ created_at: at(days[index]) })
  }
  // Add-to-cart is the server's hold record: one hold of offer B on D2 (and one outside the range).
  const holds = await offerService.createOfferHolds([
    { offer_id: offerB.id, customer_id: "cus_dash", quantity: 1, expires_at: at(D2, "12:15:00") },
    { offer_id: offerB.id, customer_id: "cus_dash", quantity: 1, expires_at: at(D4, "12:15:00") },
  ])
  await knex("monetization_offer_hold").where({ id: holds[0].id }).update({ created_at: at(D2) })
  await knex("monetization_offer_hold").where({ id: holds[1].id }).update({ created_at: at(D4) })

  // Average wait = accepted_at − joined_at of the waitlist's own rows: 30 and 45 minutes in range, 1000 on D0.
  const entry = (ordinal: number, day: string, waitMinutes: number) => {
    const accepted = Date.parse(at(day))
    return {
      id: `mwle_dash_${ordinal}`,
      session_id: SESSION,
      customer_id: `cus_wait_${ordinal}`,
      quantity: 1,
      status: "ACCEPTED",
      ordinal,
      created_at: new Date(accepted - waitMinutes * 60_000).toISOString(),
      offered_at: new Date(accepted - 60_000).toISOString(),
      accepted_at: new Date(accepted).toISOString(),
      updated_at: new Date(accepted).toISOString(),
    }
  }
  await knex("monetization_waitlist_entry").insert([entry(1, D2, 30), entry(2, D3, 45), entry(3, D0, 1000)])
  return { offerA: offerA.id, offerB: offerB.id, adCpm: adCpm.id, adCpc: adCpc.id, adFlat: adFlat.id }
}

async function ingestFixtures(api: AxiosInstance, container: MedusaContainer, setup: StoreSetup, ids: Ids) {
  const batch = [
    // D1
    ...events(4, { type: "OFFER_VIEW", entityId: ids.offerA, day: D1 }),
    ...events(2, { type: "OFFER_CLICK", entityId: ids.offerA, day: D1 }),
    ...events(1, { type: "OFFER_PURCHASE", entityId: ids.offerA, day: D1 }),
    ...events(2, { type: "OFFER_VIEW", entityId: ids.offerB, day: D1 }),
    ...events(5, { type: "AD_IMPRESSION", entityId: ids.adCpm, day: D1 }),
    ...events(3, { type: "AD_VIEWABLE_IMPRESSION", entityId: ids.adCpm, day: D1 }),
    ...events(1, { type: "AD_CLICK", entityId: ids.adCpm, day: D1 }),
    ...events(2, { type: "WAITLIST_JOIN", entityId: "variant_session", day: D1 }),
    // D2
    ...events(2, { type: "OFFER_VIEW", entityId: ids.offerA, day: D2 }),
    ...events(1, { type: "OFFER_PURCHASE", entityId: ids.offerA, day: D2 }),
    ...events(3, { type: "OFFER_VIEW", entityId: ids.offerB, day: D2 }),
    ...events(1, { type: "OFFER_PURCHASE", entityId: ids.offerB, day: D2 }),
    ...events(4, { type: "AD_IMPRESSION", entityId: ids.adCpc, day: D2 }),
    ...events(2, { type: "AD_CLICK", entityId: ids.adCpc, day: D2 }),
    ...events(1, { type: "WAITLIST_OFFER_ACCEPT", entityId: "variant_session", day: D2 }),
    ...events(1, { type: "WAITLIST_OFFER_DECLINE", entityId: "variant_session", day: D2 }),
    // D3
    ...events(1, { type: "AD_IMPRESSION", entityId: ids.adCpm, day: D3 }),
    ...events(1, { type: "WAITLIST_OFFER_ACCEPT", entityId: "variant_session", day: D3 }),
    ...events(1, { type: "WAITLIST_JOIN", entityId: "variant_session", day: D3 }),
    // Outside the range: the day before, the day after, another event.
    ...events(10, { type: "OFFER_VIEW", entityId: ids.offerA, day: D0 }),
    ...events(5, { type: "OFFER_PURCHASE", entityId: ids.offerA, day: D0 }),
    ...events(1, { type: "WAITLIST_OFFER_ACCEPT", entityId: "variant_session", day: D0 }),
    ...events(100, { type: "AD_IMPRESSION", entityId: ids.adCpm, day: D4 }),
    ...events(50, { type: "AD_CLICK", entityId: ids.adCpc, day: D4 }),
    ...events(7, { type: "OFFER_VIEW", entityId: ids.offerA, day: D2, event_id: "prod_other" }),
  ]
  // Clients report views and clicks; every other fact is recorded server-side, as the plugin does.
  const { client, server } = splitClientAndServer(batch)
  const response = await api.post("/store/analytics/track", { events: client }, storeHeaders(setup))
  expect(response.data).toMatchObject({ accepted: client.length, rejected: [] })
  expect((await recordServerEvents(container, server)).accepted).toBe(server.length)

  // Waitlist offers are server-side events: recorded the way the plugin records them.
  await trackMonetizationEventsWorkflow(container).run({
    input: {
      events: [1, 2, 3].map((n) => ({
        client_event_id: `server_waitlist_offer_${n}`,
        type: "WAITLIST_OFFER" as const,
        entity_id: "variant_session",
        event_id: EVENT,
        session_token: null,
        customer_id: null,
        occurred_at: at(D2),
        metadata: null,
        user_agent: null,
        ip_prefix: null,
        source: "server" as const,
      })),
    },
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let headers: { headers: Record<string, string> }
    let ids: Ids

    beforeEach(async () => {
      const container = getContainer()
      setup = await createStoreSetup(container)
      const product = await createTicketProduct(container, setup, { title: "Dashboard event" })
      EVENT = product.productId
      SESSION = product.variantId
      headers = await adminHeaders(api, container)
      ids = await seedCommerce(container, setup)
      await ingestFixtures(api, container, setup, ids)
    })

    describe("GET /admin/analytics/events/:event_id/monetization", () => {
      it("answers the hand-computed counts for the range from the daily rollup", async () => {
        const response = await api.get(`/admin/analytics/events/${EVENT}/monetization?${RANGE}`, headers)
        expect(response.status).toBe(200)
        const body = response.data
        expect(body).toMatchObject({ event_id: EVENT, date_from: D1, date_to: D3, currency_code: "eur" })

        expect(body.offers).toEqual({
          total_views: 11,
          total_clicks: 2,
          total_add_to_cart: 1,
          total_purchases: 3,
          conversion_rate: 27.27,
          top_performers: [
            { entity_id: ids.offerA, name: "VIP upgrade", views: 6, clicks: 2, add_to_cart: 0, purchases: 2, conversion_rate: 33.33, revenue: 70 },
            { entity_id: ids.offerB, name: "T-shirt", views: 5, clicks: 0, add_to_cart: 1, purchases: 1, conversion_rate: 20, revenue: 10 },
          ],
        })
        expect(body.ads).toEqual({
          total_impressions: 10,
          total_viewable_impressions: 3,
          total_clicks: 3,
          average_ctr: 30,
          top_performers: [
            { entity_id: ids.adCpc, name: "CPC banner", impressions: 4, viewable_impressions: 0, clicks: 2, ctr: 50, revenue: 3 },
            { entity_id: ids.adCpm, name: "CPM banner", impressions: 6, viewable_impressions: 3, clicks: 1, ctr: 16.67, revenue: 0.6 },
          ],
        })
        expect(body.waitlist).toEqual({
          total_joins: 3,
          offers_issued: 3,
          offers_accepted: 2,
          offers_declined: 1,
          offers_expired: 0,
          acceptance_rate: 66.67,
          average_wait_time_minutes: 37.5,
          wait_time_samples: 2,
        })
      })

      it("ignores server facts forged by a storefront: every figure and the revenue stay what the server recorded", async () => {
        const url = `/admin/analytics/events/${EVENT}/monetization?${RANGE}`
        const before = (await api.get(url, headers)).data
        const forged = [
          ...events(50, { type: "AD_CLICK", entityId: ids.adCpc, day: D2 }),
          ...events(300, { type: "AD_IMPRESSION", entityId: ids.adCpm, day: D2 }),
          ...events(20, { type: "OFFER_PURCHASE", entityId: ids.offerA, day: D2 }),
          ...events(5, { type: "OFFER_ADD_TO_CART", entityId: ids.offerA, day: D2 }),
          ...events(9, { type: "WAITLIST_JOIN", entityId: "variant_session", day: D2 }),
          ...events(3, { type: "WAITLIST_OFFER_ACCEPT", entityId: "variant_session", day: D2, metadata: { wait_minutes: 99_999 } }),
        ]
        const response = await api.post("/store/analytics/track", { events: forged }, storeHeaders(setup))
        expect(response.status).toBe(202)
        expect(response.data).toMatchObject({ accepted: 0, duplicates: 0 })
        expect(response.data.rejected).toHaveLength(forged.length)
        expect((await api.get(url, headers)).data).toEqual(before)
      })

      it("answers revenue from orders net of refunds and from the ads' price models", async () => {
        const { data } = await api.get(`/admin/analytics/events/${EVENT}/monetization?${RANGE}`, headers)
        // Offers: 40 - 10 (full refund share) + 20 - 50 * 20/100 + 40; the D0 and canceled purchases do not count.
        // Ads: CPM 100/1000 * 6 impressions + CPC 1.5 * 2 clicks + FLAT 10 a day * 3 days.
        expect(data.revenue).toEqual({
          total: 113.6,
          from_offers: 80,
          from_ads: 33.6,
          by_day: [
            { date: D1, amount: 40.5 },
            { date: D2, amount: 63 },
            { date: D3, amount: 10.1 },
          ],
          sources: { offers: "orders", ads: "price_models" },
        })
      })

      it("includes the edge days of the range and nothing of other events", async () => {
        const { data } = await api.get(`/admin/analytics/events/${EVENT}/monetization?date_from=${D0}&date_to=${D0}`, headers)
        expect(data.offers).toMatchObject({ total_views: 10, total_purchases: 5, conversion_rate: 50 })
        expect(data.waitlist.average_wait_time_minutes).toBe(1000)
        expect(data.revenue.by_day).toEqual([{ date: D0, amount: 40 + 10 }])

        const other = await api.get(`/admin/analytics/events/prod_other/monetization?${RANGE}`, headers)
        expect(other.data.offers).toMatchObject({ total_views: 7, total_purchases: 0 })
        expect(other.data.revenue).toMatchObject({ total: 0, from_offers: 0, from_ads: 0 })
        expect(other.data.waitlist.average_wait_time_minutes).toBeNull()
      })

      it("defaults to the last 30 days", async () => {
        const { data } = await api.get(`/admin/analytics/events/${EVENT}/monetization`, headers)
        expect(data.date_to).toBe(daysAgo(0))
        expect(data.date_from).toBe(daysAgo(29))
        expect(data.revenue.by_day).toHaveLength(30)
        expect(data.offers.total_views).toBe(21)
      })

      it("answers 400 for bad dates, a reversed range, a range over 366 days and unknown parameters", async () => {
        const bad = [
          "date_from=yesterday&date_to=2026-01-01",
          "date_from=2026-02-30&date_to=2026-03-01",
          "date_from=2026-03-02&date_to=2026-03-01",
          "date_from=2024-01-01&date_to=2025-01-02",
          `${RANGE}&limit=5`,
        ]
        for (const query of bad) {
          const response = await api
            .get(`/admin/analytics/events/${EVENT}/monetization?${query}`, headers)
            .catch((e) => e.response)
          expect({ query, status: response.status }).toEqual({ query, status: 400 })
          expect(response.data.type).toBe("invalid_data")
        }
        const longest = await api.get(`/admin/analytics/events/${EVENT}/monetization?date_from=2024-01-01&date_to=2024-12-31`, headers)
        expect(longest.data.revenue.by_day).toHaveLength(366)
      })

      it("answers 401 without an admin session", async () => {
        const anonymous = await api.get(`/admin/analytics/events/${EVENT}/monetization?${RANGE}`).catch((e) => e.response)
        expect(anonymous.status).toBe(401)
        const customerKey = await api
          .get(`/admin/analytics/events/${EVENT}/monetization?${RANGE}`, storeHeaders(setup))
          .catch((e) => e.response)
        expect(customerKey.status).toBe(401)
      })
    })

    describe("GET /admin/analytics/events/:event_id/monetization/export", () => {
      it("answers a CSV of counts per day and type over the range", async () => {
        const response = await api.get(`/admin/analytics/events/${EVENT}/monetization/export?${RANGE}`, headers)
        expect(response.status).toBe(200)
        expect(response.headers["content-type"]).toMatch(/^text\/csv/)
        expect(response.headers["content-disposition"]).toBe(
          `attachment; filename="monetization-${EVENT}-${D1}-${D3}.csv"`
        )
        const [header, ...rows] = (response.data as string).trim().split("\r\n")
        const columns = header.split(",")
        expect(columns[0]).toBe("date")
        const table = rows.map((row) => Object.fromEntries(row.split(",").map((cell, i) => [columns[i], cell])))
        expect(table.map((row) => row.date)).toEqual([D1, D2, D3])
        expect(table[0]).toMatchObject({ OFFER_VIEW: "6", OFFER_CLICK: "2", OFFER_PURCHASE: "1", AD_IMPRESSION: "5", WAITLIST_JOIN: "2" })
        expect(table[1]).toMatchObject({ OFFER_VIEW: "5", OFFER_ADD_TO_CART: "1", OFFER_PURCHASE: "2", AD_CLICK: "2", WAITLIST_OFFER: "3", WAITLIST_OFFER_ACCEPT: "1" })
        expect(table[2]).toMatchObject({ OFFER_VIEW: "0", AD_IMPRESSION: "1", WAITLIST_OFFER_ACCEPT: "1", WAITLIST_JOIN: "1" })
      })

      it("answers 400 for a bad range and 401 without an admin session", async () => {
        const bad = await api
          .get(`/admin/analytics/events/${EVENT}/monetization/export?date_from=${D3}&date_to=${D1}`, headers)
          .catch((e) => e.response)
        expect(bad.status).toBe(400)
        const anonymous = await api.get(`/admin/analytics/events/${EVENT}/monetization/export?${RANGE}`).catch((e) => e.response)
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
