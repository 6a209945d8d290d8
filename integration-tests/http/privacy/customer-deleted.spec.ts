import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { OFFER_MODULE } from "../../../src/modules/offer"
import type OfferModuleService from "../../../src/modules/offer/service"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { createTicketProduct, TicketProduct } from "../../helpers/ticket-product"
import { createOfferFixtures, offerBody } from "../offers/fixtures"
import { enableWaitlist, eventually } from "../waitlist/helpers"

jest.setTimeout(180_000)

const run = Math.random().toString(36).slice(2, 8)

type Entry = {
  id: string
  customer_id: string | null
  status: string
  audit: { action: string; details: Record<string, unknown> | null }[]
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let session: TicketProduct
    let event: TicketProduct
    let merch: TicketProduct
    let admin: { headers: Record<string, string> }

    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const rowsOf = async (table: string, customerId: string) =>
      Number((await knex().raw(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = ?`, [customerId])).rows[0].n)
    const entries = async (): Promise<Entry[]> =>
      (await api.get(`/admin/sessions/${session.variantId}/waitlist`, admin)).data.waitlist_entries
    const setStock = (stocked_quantity: number) =>
      updateInventoryLevelsWorkflow(getContainer()).run({
        input: {
          updates: [{ inventory_item_id: session.inventoryItemId, location_id: session.locationId, stocked_quantity }],
        },
      })

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
      session = await createTicketProduct(getContainer(), setup, { stock: 0, title: "Sold-out workshop" })
      await enableWaitlist(getContainer(), session.variantId)
      ;({ event, merch } = await createOfferFixtures(getContainer(), setup))
      admin = await adminHeaders(api, getContainer())
    })

    describe("DELETE /admin/customers/:id", () => {
      it("passes the customer's held seat to the next person, returns their offer hold and removes their id everywhere", async () => {
        const gone = await createCustomer(api, setup.publishableKey, `gone-${run}@test.dev`)
        const next = await createCustomer(api, setup.publishableKey, `next-${run}@test.dev`)
        for (const who of [gone, next]) {
          expect((await api.post(`/store/sessions/${session.variantId}/waitlist`, {}, storeHeaders(setup, who.token))).status).toBe(201)
        }
        await setStock(1)
        await eventually(async () => (await entries()).find((e) => e.customer_id === gone.customerId && e.status === "OFFERED"), 20_000)

        const offer = (await api.post("/admin/offers", offerBody(event.productId, merch.variantId), admin)).data.offer
        const hold = await api.post(`/store/offers/${offer.id}/purchase`, { quantity: 2 }, storeHeaders(setup, gone.token))
        expect(hold.status).toBe(201)
        const tracked = await api.post(
          "/store/analytics/track",
          {
            events: [
              {
                id: `view_${run}`,
                type: "OFFER_VIEW",
                entityId: offer.id,
                event_id: event.productId,
                session_token: `tok_${run}`,
                timestamp: new Date().toISOString(),
              },
            ],
          },
          storeHeaders(setup, gone.token)
        )
        expect(tracked.data.accepted).toBe(1)
        // A money fact (an order's purchase) and ad / A/B traffic tied to the customer.
        const offers = getContainer().resolve<OfferModuleService>(OFFER_MODULE)
        await offers.createOfferPurchases([
          { offer_id: offer.id, order_id: `order_${run}`, customer_id: gone.customerId, quantity: 1, amount: 20, currency_code: "eur" },
        ])
        await knex().raw(
          `INSERT INTO monetization_ad_impression (id, client_id, ad_id, event_id, placement, viewer_key, session_token,
             customer_id, user_agent, ip_prefix, occurred_at, created_at, updated_at)
           VALUES (?, ?, 'mad_1', ?, 'SIDEBAR', ?, ?, ?, 'Mozilla', '10.0.0.0/24', now(), now(), now())`,
          [`madi_${run}`, `imp_${run}`, event.productId, `customer:${gone.customerId}`, `tok_${run}`, gone.customerId]
        )
        await knex().raw(
          `INSERT INTO monetization_ab_event (id, test_id, event_id, session_token, variant_id, event_type, customer_id,
             user_agent, ip_prefix, dedup_key, occurred_at, created_at, updated_at)
           VALUES (?, 'abt_x', ?, ?, 'control', 'variant_view', ?, 'Mozilla', '10.0.0.0/24', ?, now(), now(), now())`,
          [`mabe_${run}`, event.productId, `tok_${run}`, gone.customerId, `view:tok_${run}`]
        )

        expect((await api.delete(`/admin/customers/${gone.customerId}`, admin)).status).toBe(200)

        // The seat held for the deleted customer goes to the next person in line, without a click.
        await eventually(async () => (await entries()).find((e) => e.customer_id === next.customerId && e.status === "OFFERED"), 20_000)
        const ended = (await entries()).find((e) => e.status === "LEFT")!
        expect(ended.customer_id).toBeNull()
        expect(ended.audit.map((row) => row.details?.reason)).toContain("customer_deleted")
        // The offer hold's units are back in stock; the hold and the purchase keep their facts, not the person.
        const after = (await api.get(`/admin/offers/${offer.id}`, admin)).data.offer
        expect(after).toMatchObject({ held: 0 })
        const [heldRow] = await offers.listOfferHolds({ id: hold.data.hold.id })
        expect(heldRow).toMatchObject({ status: "RELEASED", customer_id: null, quantity: 2 })
        const [purchase] = await offers.listOfferPurchases({ order_id: `order_${run}` })
        expect(purchase).toMatchObject({ customer_id: null, quantity: 1, currency_code: "eur" })
        expect(Number(purchase.amount)).toBe(20)

        for (const table of [
          "monetization_event",
          "monetization_ad_impression",
          "monetization_ab_event",
          "monetization_offer_hold",
          "monetization_offer_purchase",
          "monetization_waitlist_entry",
        ]) {
          expect([table, await rowsOf(table, gone.customerId)]).toEqual([table, 0])
        }
        const [view] = (
          await knex().raw(`SELECT customer_id, session_token, user_agent FROM monetization_event WHERE client_event_id = ?`, [
            `view_${run}`,
          ])
        ).rows
        expect(view).toEqual({ customer_id: null, session_token: null, user_agent: null })
        const [impression] = (
          await knex().raw(`SELECT viewer_key, ip_prefix FROM monetization_ad_impression WHERE id = ?`, [`madi_${run}`])
        ).rows
        expect(impression).toEqual({ viewer_key: null, ip_prefix: null })
        // The other customer keeps everything.
        expect(await rowsOf("monetization_waitlist_entry", next.customerId)).toBe(1)
      })
    })
  },
})
