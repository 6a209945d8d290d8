import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../helpers/store-setup"
import { TicketProduct } from "../helpers/ticket-product"
import { createOfferFixtures, offerBody } from "./offers/fixtures"

jest.setTimeout(300_000)

/** Every list answers `{ <items>, count, offset, limit }` with the limit asked (or the route's default), never the row count. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let setup: StoreSetup
    let event: TicketProduct
    let merch: TicketProduct

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
      ;({ event, merch } = await createOfferFixtures(getContainer(), setup))
      admin = await adminHeaders(api, getContainer())
    })

    type ErrorResponse = { status: number; data: { type: string; message: string } }
    const fail = (request: Promise<unknown>) => request.catch((e) => e.response) as Promise<ErrorResponse>

    describe("GET /store/events/:event_id/offers", () => {
      it("pages the visible offers and reports the limit asked", async () => {
        for (const title of ["First", "Second", "Third"]) {
          await api.post("/admin/offers", offerBody(event.productId, merch.variantId, { title }), admin)
        }
        const path = `/store/events/${event.productId}/offers`

        const all = await api.get(path, storeHeaders(setup))
        expect(all.data).toMatchObject({ count: 3, offset: 0, limit: 50 })
        expect(all.data.offers.map((o: { title: string }) => o.title)).toEqual(["First", "Second", "Third"])

        const first = await api.get(`${path}?limit=2`, storeHeaders(setup))
        expect(first.data).toMatchObject({ count: 3, offset: 0, limit: 2 })
        expect(first.data.offers.map((o: { title: string }) => o.title)).toEqual(["First", "Second"])

        const rest = await api.get(`${path}?limit=2&offset=2`, storeHeaders(setup))
        expect(rest.data).toMatchObject({ count: 3, offset: 2, limit: 2 })
        expect(rest.data.offers.map((o: { title: string }) => o.title)).toEqual(["Third"])
      })

      it.each(["limit=0", "limit=101", "limit=many", "offset=-1"])("answers 400 for %s", async (query) => {
        const error = await fail(api.get(`/store/events/${event.productId}/offers?${query}`, storeHeaders(setup)))
        expect(error.status).toBe(400)
        expect(error.data.type).toBe("invalid_data")
      })
    })

    describe("GET /admin/waitlists", () => {
      it("pages the sessions by id and reports the limit asked", async () => {
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await knex("monetization_waitlist_entry").insert(
          ["variant_a", "variant_b", "variant_c"].map((session_id, i) => ({
            id: `mwle_envelope_${i}`,
            session_id,
            customer_id: `cus_envelope_${i}`,
            ordinal: 1,
          }))
        )

        const all = await api.get("/admin/waitlists", admin)
        expect(all.data).toMatchObject({ count: 3, offset: 0, limit: 100 })

        const page = await api.get("/admin/waitlists?limit=2&offset=1", admin)
        expect(page.data).toMatchObject({ count: 3, offset: 1, limit: 2 })
        expect(page.data.waitlists.map((w: { session_id: string }) => w.session_id)).toEqual(["variant_b", "variant_c"])
      })

      it.each(["limit=0", "limit=501", "offset=x", "status=WAITING"])("answers 400 for %s", async (query) => {
        const error = await fail(api.get(`/admin/waitlists?${query}`, admin))
        expect(error.status).toBe(400)
        expect(error.data.type).toBe("invalid_data")
      })
    })

    it("every other list route echoes the limit asked, even when fewer rows exist", async () => {
      const offer = (await api.post("/admin/offers", offerBody(event.productId, merch.variantId), admin)).data.offer
      for (const path of [
        "/admin/ads?limit=7",
        "/admin/offers?limit=7",
        `/admin/offers/${offer.id}/purchases?limit=7`,
        "/admin/ab-tests?limit=7",
        "/admin/monetization-events?limit=7",
      ]) {
        const response = await api.get(path, admin)
        expect({ path, limit: response.data.limit, offset: response.data.offset }).toEqual({ path, limit: 7, offset: 0 })
      }
      for (const path of ["/store/ab-tests?limit=7", `/store/ads?event_id=${event.productId}&placement=SIDEBAR&limit=7`]) {
        const response = await api.get(path, storeHeaders(setup))
        expect({ path, limit: response.data.limit, offset: response.data.offset }).toEqual({ path, limit: 7, offset: 0 })
      }
    })
  },
})
