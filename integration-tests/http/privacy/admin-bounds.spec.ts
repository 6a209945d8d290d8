import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { createTicketProduct, TicketProduct } from "../../helpers/ticket-product"
import { createOfferFixtures, offerBody } from "../offers/fixtures"
import { enableWaitlist } from "../waitlist/helpers"

jest.setTimeout(180_000)

const run = Math.random().toString(36).slice(2, 8)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let event: TicketProduct
    let merch: TicketProduct
    let admin: { headers: Record<string, string> }

    const fail = (promise: Promise<unknown>) => promise.then(() => ({ status: 0, data: null })).catch((e) => e.response)
    const createOffer = async (title: string) =>
      (await api.post("/admin/offers", offerBody(event.productId, merch.variantId, { title }), admin)).data.offer

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
      ;({ event, merch } = await createOfferFixtures(getContainer(), setup))
      admin = await adminHeaders(api, getContainer())
    })

    describe("page caps on admin lists", () => {
      it("answers a limit above 100 with a 400 and pages offers, purchases and an event's monetization", async () => {
        const offers = [await createOffer("A"), await createOffer("B"), await createOffer("C")]
        for (const path of [
          "/admin/offers?limit=101",
          `/admin/offers/${offers[0].id}/purchases?limit=1000`,
          `/admin/events/${event.productId}/monetization?limit=101`,
          `/admin/events/${event.productId}/monetization?offset=-1`,
        ]) {
          const res = await fail(api.get(path, admin))
          expect([path, res.status, res.data.type]).toEqual([path, 400, "invalid_data"])
          expect(res.data.message).toEqual(expect.any(String))
        }
        expect((await api.get("/admin/offers?limit=100", admin)).data).toMatchObject({ count: 3, limit: 100 })

        const first = (await api.get(`/admin/events/${event.productId}/monetization?limit=2`, admin)).data
        expect(first.offers.map((offer: { title: string }) => offer.title)).toEqual(["C", "B"])
        expect(first).toMatchObject({ counts: { offers: 3, ads: 0, experiments: 0 }, offset: 0, limit: 2 })
        const second = (await api.get(`/admin/events/${event.productId}/monetization?limit=2&offset=2`, admin)).data
        expect(second.offers.map((offer: { title: string }) => offer.title)).toEqual(["A"])
        // Without paging parameters the page is 50 (was: everything).
        expect((await api.get(`/admin/events/${event.productId}/monetization`, admin)).data.limit).toBe(50)
      })

      it("pages a session's waitlist entries and their audit trails, with positions across pages", async () => {
        const session = await createTicketProduct(getContainer(), setup, { stock: 0, title: "Full workshop" })
        await enableWaitlist(getContainer(), session.variantId)
        const customers: { token: string; customerId: string }[] = []
        for (const name of ["a", "b", "c"]) {
          const customer = await createCustomer(api, setup.publishableKey, `${name}-${run}@test.dev`)
          await api.post(`/store/sessions/${session.variantId}/waitlist`, {}, storeHeaders(setup, customer.token))
          customers.push(customer)
        }
        const path = `/admin/sessions/${session.variantId}/waitlist`
        const page1 = (await api.get(`${path}?limit=2`, admin)).data
        expect(page1).toMatchObject({ count: 3, offset: 0, limit: 2, status_counts: { waiting: 3, offered: 0 } })
        expect(page1.waitlist_entries.map((e: { customer_id: string; position: number }) => [e.customer_id, e.position])).toEqual([
          [customers[0].customerId, 1],
          [customers[1].customerId, 2],
        ])
        // Each entry carries its own trail only.
        expect(page1.waitlist_entries[0].audit).toEqual([expect.objectContaining({ action: "JOINED" })])
        const page2 = (await api.get(`${path}?limit=2&offset=2`, admin)).data
        expect(page2.waitlist_entries.map((e: { customer_id: string; position: number }) => [e.customer_id, e.position])).toEqual([
          [customers[2].customerId, 3],
        ])
        expect(page2.waitlist_entries[0].audit).toHaveLength(1)
        expect((await fail(api.get(`${path}?limit=101`, admin))).status).toBe(400)
        expect((await fail(api.get(`${path}?limit=abc`, admin))).data.type).toBe("invalid_data")

        // The list of waitlists pages its sessions too.
        const other = await createTicketProduct(getContainer(), setup, { stock: 0, title: "Other workshop" })
        await enableWaitlist(getContainer(), other.variantId)
        await api.post(`/store/sessions/${other.variantId}/waitlist`, {}, storeHeaders(setup, customers[0].token))
        const sessions = [session.variantId, other.variantId].sort()
        const list1 = (await api.get("/admin/waitlists?limit=1", admin)).data
        expect(list1).toMatchObject({ count: 2, offset: 0, limit: 1 })
        expect(list1.waitlists.map((row: { session_id: string }) => row.session_id)).toEqual([sessions[0]])
        const list2 = (await api.get("/admin/waitlists?limit=1&offset=1", admin)).data
        expect(list2.waitlists.map((row: { session_id: string; waiting: number }) => row.session_id)).toEqual([sessions[1]])
        expect((await fail(api.get("/admin/waitlists?limit=101", admin))).status).toBe(400)
      })
    })

    describe("GET /admin/analytics/events/:event_id/monetization", () => {
      it("ranks only the event's own offers among 5,000 forged entity ids, and stays fast", async () => {
        const real = await createOffer("Real offer")
        const forged = Array.from({ length: 5000 }, (_, i) => ({
          id: `forged_${run}_${i}`,
          type: "OFFER_VIEW",
          entityId: `moff_forged_${run}_${i}`,
          event_id: event.productId,
          session_token: `tok_${run}_${i % 50}`,
          timestamp: new Date().toISOString(),
        }))
        for (let i = 0; i < forged.length; i += 500) {
          const res = await api.post("/store/analytics/track", { events: forged.slice(i, i + 500) }, storeHeaders(setup))
          expect(res.data.accepted).toBe(500)
        }
        await api.post(
          "/store/analytics/track",
          {
            events: [
              {
                id: `real_${run}`,
                type: "OFFER_VIEW",
                entityId: real.id,
                event_id: event.productId,
                session_token: `tok_${run}`,
                timestamp: new Date().toISOString(),
              },
            ],
          },
          storeHeaders(setup)
        )
        const today = new Date().toISOString().slice(0, 10)
        const started = Date.now()
        const res = await api.get(
          `/admin/analytics/events/${event.productId}/monetization?date_from=${today}&date_to=${today}`,
          admin
        )
        const elapsed = Date.now() - started
        expect(res.data.offers.top_performers).toEqual([
          expect.objectContaining({ entity_id: real.id, name: "Real offer", views: 1 }),
        ])
        // The headline total still counts every view the storefronts reported.
        expect(res.data.offers.total_views).toBe(5001)
        expect(elapsed).toBeLessThan(2000)
      })
    })
  },
})
