import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../../helpers/auth"
import { createStoreSetup, StoreSetup } from "../../helpers/store-setup"
import { TicketProduct } from "../../helpers/ticket-product"
import { createOfferFixtures, DAY, offerBody } from "./fixtures"

jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let setup: StoreSetup
    let event: TicketProduct
    let merch: TicketProduct

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer())
      ;({ event, merch } = await createOfferFixtures(getContainer(), setup))
      admin = await adminHeaders(api, getContainer())
    })

    const create = (overrides: Record<string, unknown> = {}) =>
      api.post("/admin/offers", offerBody(event.productId, merch.variantId, overrides), admin)

    describe("POST /admin/offers", () => {
      it("creates an offer with computed inventory", async () => {
        const res = await create({ target_ticket_tiers: [event.variantId] })
        expect(res.status).toBe(201)
        expect(res.data.offer).toMatchObject({
          id: expect.stringMatching(/^moff_/),
          event_id: event.productId,
          variant_id: merch.variantId,
          offer_type: "MERCHANDISE",
          price: 20,
          original_price: 30,
          currency_code: "eur",
          placement: "POST_PURCHASE",
          target_sessions: [],
          target_ticket_tiers: [event.variantId],
          is_active: true,
          is_archived: false,
          inventory: { total: 50, sold: 0, reserved: 0, available: 50 },
        })
      })

      it("answers 400 for each invalid input", async () => {
        const cases: Array<[string, Record<string, unknown>]> = [
          ["a negative price", { price: -1 }],
          ["original_price below price", { original_price: 10 }],
          ["expires_at before starts_at", { expires_at: new Date(Date.now() - 2 * DAY).toISOString() }],
          ["an unknown offer_type", { offer_type: "CAR" }],
          ["an unknown placement", { placement: "SIDEBAR" }],
          ["an unknown field", { colour: "red" }],
          ["a missing variant", { variant_id: "variant_missing" }],
          ["a missing targeted tier", { target_ticket_tiers: ["variant_missing_tier"] }],
          ["a missing targeted session", { target_sessions: ["variant_missing_session"] }],
          ["a missing event product", { event_id: "prod_missing" }],
        ]
        for (const [label, overrides] of cases) {
          const err = await create(overrides).catch((e) => e)
          expect([label, err.response?.status, err.response?.data?.type]).toEqual([label, 400, "invalid_data"])
        }
      })

      it("answers 401 without an admin token", async () => {
        const err = await api.post("/admin/offers", offerBody(event.productId, merch.variantId)).catch((e) => e)
        expect(err.response.status).toBe(401)
      })
    })

    describe("GET /admin/offers", () => {
      it("lists and filters offers", async () => {
        await create()
        await create({ placement: "CHECKOUT", title: "Upgrade" })
        const all = await api.get("/admin/offers", admin)
        expect(all.status).toBe(200)
        expect(all.data).toMatchObject({ count: 2, offset: 0, limit: 20 })
        const checkout = await api.get(`/admin/offers?placement=CHECKOUT&event_id=${event.productId}`, admin)
        expect(checkout.data.offers.map((o: { title: string }) => o.title)).toEqual(["Upgrade"])
      })

      it("answers 400 for an unknown filter", async () => {
        const err = await api.get("/admin/offers?colour=red", admin).catch((e) => e)
        expect(err.response.status).toBe(400)
      })
    })

    describe("GET|POST|DELETE /admin/offers/:id", () => {
      it("reads, updates and archives an offer", async () => {
        const id = (await create()).data.offer.id
        expect((await api.get(`/admin/offers/${id}`, admin)).data.offer.id).toBe(id)

        const updated = await api.post(`/admin/offers/${id}`, { price: 25, title: "New" }, admin)
        expect(updated.data.offer).toMatchObject({ price: 25, title: "New", original_price: 30 })

        const deleted = await api.delete(`/admin/offers/${id}`, admin)
        expect(deleted.data).toEqual({ id, object: "offer", deleted: true })
        expect((await api.get(`/admin/offers/${id}`, admin)).data.offer).toMatchObject({
          is_archived: true,
          is_active: false,
        })
      })

      it("checks an update against the stored offer (400)", async () => {
        const id = (await create()).data.offer.id
        const err = await api.post(`/admin/offers/${id}`, { price: 40 }, admin).catch((e) => e)
        expect(err.response.status).toBe(400)
        expect(err.response.data.message).toMatch(/original_price/)
      })

      it("answers 404 for an unknown offer", async () => {
        for (const call of [
          () => api.get("/admin/offers/moff_missing", admin),
          () => api.post("/admin/offers/moff_missing", { title: "x" }, admin),
          () => api.delete("/admin/offers/moff_missing", admin),
        ]) {
          const err = await call().catch((e) => e)
          expect(err.response.status).toBe(404)
        }
      })
    })

    describe("GET /admin/events/:event_id/monetization", () => {
      it("answers the event's offers, ads and experiments", async () => {
        const id = (await create()).data.offer.id
        const ad = await api.post(
          "/admin/ads",
          {
            event_id: event.productId,
            name: "Sponsor banner",
            content_type: "BANNER",
            media_url: "https://cdn.example.com/banner.png",
            click_url: "https://example.com",
            placements: ["EVENT_HERO"],
            pricing_model: "CPM",
            rate: 10,
            currency_code: "eur",
          },
          admin
        )
        const res = await api.get(`/admin/events/${event.productId}/monetization`, admin)
        expect(res.status).toBe(200)
        expect(res.data).toMatchObject({ event_id: event.productId, experiments: [] })
        expect(res.data.offers.map((o: { id: string }) => o.id)).toEqual([id])
        expect(res.data.ads).toEqual([
          expect.objectContaining({ id: ad.data.ad.id, stats: expect.objectContaining({ impressions: 0 }) }),
        ])
      })

      it("answers 401 without an admin token", async () => {
        const err = await api.get(`/admin/events/${event.productId}/monetization`).catch((e) => e)
        expect(err.response.status).toBe(401)
      })
    })
  },
})
