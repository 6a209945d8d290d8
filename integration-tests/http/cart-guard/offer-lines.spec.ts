import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  completeCartWorkflow,
  createPaymentSessionsWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { OFFER_MODULE } from "../../../src/modules/offer"
import type OfferModuleService from "../../../src/modules/offer/service"
import { releaseExpiredOfferHoldsWorkflow } from "../../../src/workflows/offer/workflows/release-expired-offer-holds"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { openStripeSession, payAndComplete } from "../../helpers/checkout"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { useFakeStripe } from "../../helpers/stripe/use-fake-stripe"
import { TicketProduct } from "../../helpers/ticket-product"
import { waitFor } from "../../helpers/wait-for"
import { createOfferFixtures, offerBody } from "../offers/fixtures"

jest.setTimeout(300_000)

const stripe = useFakeStripe({ webhookSecret: "whsec_cart_guard_offers", apiKey: "sk_test_cart_guard_offers" })

type Line = { id: string; variant_id: string; quantity: number; unit_price: number }

/**
 * Invariant 2 and 3 of the cart guard, played as an attacker with a customer account:
 * units at an offer price never exceed the live hold of their line, whichever store cart
 * route is used; a lapsed hold is taken again or refused before payment; a completion that
 * skips the guard (a host route calling no validator) is flagged and never oversells.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let merch: TicketProduct
    let event: TicketProduct
    let fan: { token: string; customerId: string }
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer())
      ;({ event, merch } = await createOfferFixtures(getContainer(), setup))
      admin = await adminHeaders(api, getContainer())
      fan = await createCustomer(api, setup.publishableKey, `fan-${Date.now()}@example.com`)
    })

    const offers = () => getContainer().resolve<OfferModuleService>(OFFER_MODULE)
    const as = () => storeHeaders(setup, fan.token)
    const createOffer = async (overrides: Record<string, unknown> = {}) =>
      (await api.post("/admin/offers", offerBody(event.productId, merch.variantId, overrides), admin)).data.offer
    /** Buys through the offer: a hold, a cart line at the offer price (20 €; the catalogue says 30 €). */
    const buy = async (offerId: string, quantity = 1, headers = as()) => {
      await api.post(`/store/offers/${offerId}/purchase`, { quantity }, headers)
      const res = await api.post(`/store/offers/${offerId}/checkout`, {}, headers)
      const hold = await offers().retrieveOfferHold(res.data.hold.id)
      return { cartId: res.data.cart.id as string, holdId: hold.id, lineId: hold.line_item_id as string }
    }
    const cartLines = async (cartId: string): Promise<Line[]> =>
      (await api.get(`/store/carts/${cartId}`, as())).data.cart.items
    const stock = async (offerId: string) => {
      const offer = await offers().retrieveOffer(offerId)
      return { sold: offer.sold, held: offer.held }
    }
    const orderOf = async (cartId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data[0]?.order_id as string | undefined
    }
    const purchasesOf = (offerId: string) => offers().listOfferPurchases({ offer_id: offerId })
    const refusal = (error: { response?: { status: number; data: unknown } }) => ({
      status: error.response?.status,
      body: error.response?.data,
    })

    describe("POST /store/carts/:id/line-items/:line_id", () => {
      it("refuses raising an offer line beyond its hold; an edited metadata does not hide the sale", async () => {
        const offer = await createOffer()
        const { cartId, lineId } = await buy(offer.id, 1)

        const raised = await api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 5 }, as()).catch((e) => e)
        expect(refusal(raised)).toEqual({
          status: 400,
          body: {
            type: "not_allowed",
            message: `Line ${lineId} has the price of offer ${offer.id} for 1 unit(s) only: buy more through the offer`,
          },
        })

        const edited = await api.post(
          `/store/carts/${cartId}/line-items/${lineId}`,
          { quantity: 1, metadata: { offer_id: null, offer_hold_id: "mofh_forged" } },
          as()
        )
        expect(edited.status).toBe(200)
        expect(await cartLines(cartId)).toEqual([expect.objectContaining({ id: lineId, quantity: 1, unit_price: 20 })])

        const completed = await payAndComplete(api, stripe.api, cartId, as())
        expect(completed.data.type).toBe("order")
        await waitFor(async () => (await purchasesOf(offer.id)).length > 0)
        expect(await purchasesOf(offer.id)).toEqual([
          expect.objectContaining({ order_id: completed.data.order.id, quantity: 1, flagged_quantity: 0, flag: null }),
        ])
        expect(await stock(offer.id)).toEqual({ sold: 1, held: 0 })
      })

      it("a quantity of 0 removes the line and releases its hold", async () => {
        const offer = await createOffer()
        const { cartId, lineId, holdId } = await buy(offer.id, 2)
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 2 })
        await api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 0 }, as())
        expect(await cartLines(cartId)).toEqual([])
        expect((await offers().retrieveOfferHold(holdId)).status).toBe("RELEASED")
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 0 })
      })
    })

    describe("POST /store/carts and /store/carts/:id/line-items", () => {
      it("the offer's variant added again or in a new cart costs the catalogue price and never merges into the offer line", async () => {
        const offer = await createOffer()
        const { cartId, lineId } = await buy(offer.id, 1)

        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: merch.variantId, quantity: 3 }, as())
        const lines = await cartLines(cartId)
        expect(lines).toHaveLength(2)
        expect(lines).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ id: lineId, quantity: 1, unit_price: 20 }),
            expect.objectContaining({ variant_id: merch.variantId, quantity: 3, unit_price: 30 }),
          ])
        )

        const created = await api.post(
          "/store/carts",
          { region_id: setup.regionId, items: [{ variant_id: merch.variantId, quantity: 2 }] },
          as()
        )
        expect(created.data.cart.items).toEqual([expect.objectContaining({ quantity: 2, unit_price: 30 })])

        const completed = await payAndComplete(api, stripe.api, cartId, as())
        expect(completed.data.type).toBe("order")
        await waitFor(async () => (await purchasesOf(offer.id)).length > 0)
        expect(await purchasesOf(offer.id)).toEqual([expect.objectContaining({ quantity: 1, flagged_quantity: 0 })])
        expect(await stock(offer.id)).toEqual({ sold: 1, held: 0 })
      })
    })

    describe("DELETE /store/carts/:id/line-items/:line_id", () => {
      it("releases the hold; re-adding the variant gets the catalogue price", async () => {
        const offer = await createOffer()
        const { cartId, lineId, holdId } = await buy(offer.id, 2)
        await api.delete(`/store/carts/${cartId}/line-items/${lineId}`, as())
        expect((await offers().retrieveOfferHold(holdId)).status).toBe("RELEASED")
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 0 })

        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: merch.variantId, quantity: 2 }, as())
        expect(await cartLines(cartId)).toEqual([expect.objectContaining({ quantity: 2, unit_price: 30 })])
        const completed = await payAndComplete(api, stripe.api, cartId, as())
        expect(completed.data.type).toBe("order")
        const orderId = completed.data.order.id
        await new Promise((resolve) => setTimeout(resolve, 1000)) // order.placed has run by now
        expect(await purchasesOf(offer.id)).toEqual([])
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 0 })
        expect(orderId).toBeDefined()
      })
    })

    describe("payment session and completion", () => {
      it("refuse a cart whose offer line carries more than its hold, before any payment", async () => {
        const offer = await createOffer()
        const { cartId, lineId } = await buy(offer.id, 1)
        // As a route of the host that skips validation would leave it:
        await getContainer().resolve(Modules.CART).updateLineItems(lineId, { quantity: 4 })

        const session = await openStripeSession(api, cartId, as()).catch((e) => e)
        expect(refusal(session).status).toBe(400)
        expect(refusal(session).body).toMatchObject({ type: "not_allowed", message: expect.stringMatching(/for 1 unit\(s\) only/) })
        const completed = await api.post(`/store/carts/${cartId}/complete`, {}, as()).catch((e) => e)
        expect(refusal(completed).status).toBe(400)
        expect(refusal(completed).body).toMatchObject({ type: "not_allowed", message: expect.stringMatching(/for 1 unit\(s\) only/) })
        expect(await orderOf(cartId)).toBeUndefined()
      })

      it("a lapsed hold is taken again when a session opens if stock allows, refused if sold out", async () => {
        const offer = await createOffer({ inventory_total: 2 })
        const other = await createCustomer(api, setup.publishableKey, `second-${Date.now()}@example.com`)
        const otherHeaders = storeHeaders(setup, other.token)
        const first = await buy(offer.id, 1)
        const second = await buy(offer.id, 1, otherHeaders)
        for (const holdId of [first.holdId, second.holdId]) {
          await offers().updateOfferHolds({ id: holdId, expires_at: new Date(Date.now() - 1000) })
        }
        await releaseExpiredOfferHoldsWorkflow(getContainer()).run({ input: {} })
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 0 })

        expect((await openStripeSession(api, first.cartId, as())).status).toBe(200)
        expect((await offers().retrieveOfferHold(first.holdId)).status).toBe("HELD")
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 1 })

        await offers().updateOffers({ id: offer.id, inventory_total: 1 })
        const refused = await openStripeSession(api, second.cartId, otherHeaders).catch((e) => e)
        expect(refusal(refused)).toEqual({
          status: 400,
          body: {
            type: "not_allowed",
            message: `The hold on offer ${offer.id} expired and the offer is sold out: remove the line to continue`,
          },
        })
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 1 })
      })

      it("opening sessions again does not keep a live hold past its time", async () => {
        const offer = await createOffer()
        const { cartId, holdId } = await buy(offer.id, 1)
        const before = (await offers().retrieveOfferHold(holdId)).expires_at
        await openStripeSession(api, cartId, as())
        expect((await offers().retrieveOfferHold(holdId)).expires_at).toEqual(before)
      })
    })

    describe("a completion that skips the guard (host route calling no validator)", () => {
      /** What a host's own route could do: core workflows straight, no plugin validator. */
      const completeUnguarded = async (cartId: string) => {
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({ entity: "cart", fields: ["payment_collection.id"], filters: { id: cartId } })
        const { result: session } = await createPaymentSessionsWorkflow(getContainer()).run({
          input: { payment_collection_id: data[0].payment_collection!.id, provider_id: "pp_stripe_stripe" },
        })
        stripe.api.confirm((session.data as { id: string }).id)
        const { result } = await completeCartWorkflow(getContainer()).run({ input: { id: cartId } })
        return result.id
      }

      it("lists the order for the organizer and counts only the held units as sold", async () => {
        const offer = await createOffer({ inventory_total: 3 })
        const { cartId, lineId } = await buy(offer.id, 1)
        await updateLineItemInCartWorkflow(getContainer()).run({
          input: { cart_id: cartId, item_id: lineId, update: { quantity: 5 } },
        })
        const orderId = await completeUnguarded(cartId)

        await waitFor(async () => (await purchasesOf(offer.id)).length > 0)
        expect(await purchasesOf(offer.id)).toEqual([
          expect.objectContaining({ order_id: orderId, quantity: 1, flagged_quantity: 4, flag: "EXCEEDS_HOLD" }),
        ])
        expect(await stock(offer.id)).toEqual({ sold: 1, held: 0 })

        const flagged = await api.get(`/admin/offers/${offer.id}/purchases?flagged=true`, admin)
        expect(flagged.data).toMatchObject({ count: 1, offset: 0, limit: 20 })
        expect(flagged.data.offer_purchases).toEqual([
          expect.objectContaining({ order_id: orderId, quantity: 1, flagged_quantity: 4, flag: "EXCEEDS_HOLD", amount: 100 }),
        ])
        expect((await api.get(`/admin/offers/${offer.id}/purchases?flagged=false`, admin)).data.count).toBe(0)
        for (const query of ["flagged=maybe", "status=PAID", "colour=red"]) {
          const bad = await api.get(`/admin/offers/${offer.id}/purchases?${query}`, admin).catch((e) => e)
          expect(bad.response.status).toBe(400)
          expect(bad.response.data.type).toBe("invalid_data")
        }
        const customerCall = await api.get(`/admin/offers/${offer.id}/purchases`, as()).catch((e) => e)
        expect(customerCall.response.status).toBe(401)
        const unknown = await api.get(`/admin/offers/moff_missing/purchases`, admin).catch((e) => e)
        expect(unknown.response.status).toBe(404)
        expect((await api.get(`/admin/offers/${offer.id}`, admin)).data.offer.flagged_purchases).toEqual([
          expect.objectContaining({ order_id: orderId, flag: "EXCEEDS_HOLD", flagged_quantity: 4 }),
        ])
      })

      it("a lapsed hold whose units were sold meanwhile is flagged, never oversold", async () => {
        const offer = await createOffer({ inventory_total: 1 })
        const late = await buy(offer.id, 1)
        await offers().updateOfferHolds({ id: late.holdId, expires_at: new Date(Date.now() - 1000) })
        await releaseExpiredOfferHoldsWorkflow(getContainer()).run({ input: {} })
        const other = await createCustomer(api, setup.publishableKey, `other-${Date.now()}@example.com`)
        const res = await api.post(`/store/offers/${offer.id}/purchase`, { quantity: 1 }, storeHeaders(setup, other.token))
        expect(res.status).toBe(201)

        const orderId = await completeUnguarded(late.cartId)
        await waitFor(async () => (await purchasesOf(offer.id)).length > 0)
        expect(await purchasesOf(offer.id)).toEqual([
          expect.objectContaining({ order_id: orderId, quantity: 0, flagged_quantity: 1, flag: "HOLD_LAPSED" }),
        ])
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 1 })
        const offerRow = await offers().retrieveOffer(offer.id)
        expect(offerRow.sold + offerRow.held).toBeLessThanOrEqual(offerRow.inventory_total!)
      })
    })
  },
})
