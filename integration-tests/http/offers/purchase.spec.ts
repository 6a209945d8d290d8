import { useFakeStripe } from "../../helpers/stripe/use-fake-stripe"
import { trackProcessPaymentRuns } from "../../helpers/stripe/process-payment-runs"
import { waitFor } from "../../helpers/wait-for"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { OFFER_MODULE } from "../../../src/modules/offer"
import type OfferModuleService from "../../../src/modules/offer/service"
import { holdOfferWorkflow } from "../../../src/workflows/offer/workflows/hold-offer"
import { releaseExpiredOfferHoldsWorkflow } from "../../../src/workflows/offer/workflows/release-expired-offer-holds"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { paymentIntentEvent, signStripeWebhook } from "../../../demo/offline-stripe/sign-webhook"
import { TicketProduct } from "../../helpers/ticket-product"
import { createOfferFixtures, DAY, offerBody } from "./fixtures"

jest.setTimeout(300_000)

const WEBHOOK_SECRET = "whsec_offer_purchase_spec"
const WEBHOOK_PATH = "/hooks/payment/stripe_stripe"

const stripe = useFakeStripe({ webhookSecret: WEBHOOK_SECRET, apiKey: "sk_test_offer_purchase_spec" })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let event: TicketProduct
    let merch: TicketProduct
    let admin: { headers: Record<string, string> }
    let fan: { token: string; customerId: string }
    let other: { token: string; customerId: string }

    const processPaymentRuns = trackProcessPaymentRuns(getContainer)

    beforeEach(async () => {
      stripe.api.requests.length = 0
      processPaymentRuns.length = 0
      setup = await createStoreSetup(getContainer())
      ;({ event, merch } = await createOfferFixtures(getContainer(), setup))
      admin = await adminHeaders(api, getContainer())
      fan = await createCustomer(api, setup.publishableKey, "fan@example.com")
      other = await createCustomer(api, setup.publishableKey, "other@example.com")
    })

    const offers = () => getContainer().resolve<OfferModuleService>(OFFER_MODULE)
    const createOffer = async (overrides: Record<string, unknown> = {}) =>
      (await api.post("/admin/offers", offerBody(event.productId, merch.variantId, overrides), admin)).data.offer
    const store = (token?: string) => storeHeaders(setup, token)
    const purchase = (offerId: string, body: Record<string, unknown>, token = fan.token) =>
      api.post(`/store/offers/${offerId}/purchase`, body, store(token))
    const stock = async (offerId: string) => {
      const offer = await offers().retrieveOffer(offerId)
      return { sold: offer.sold, held: offer.held }
    }
    /** An order for the fan containing the event's ticket (their ticket tier). */
    const giveTicket = async (customerId: string) => {
      await getContainer()
        .resolve(Modules.ORDER)
        .createOrders({
          customer_id: customerId,
          currency_code: "eur",
          region_id: setup.regionId,
          email: "fan@example.com",
          items: [{ title: "GA", variant_id: event.variantId, quantity: 1, unit_price: 50 }],
        })
    }
    const postWebhook = (body: string, headers: Record<string, string>) =>
      api.post(WEBHOOK_PATH, body, { headers, transformRequest: [(data: string) => data] })
    const orderIdForCart = async (cartId: string): Promise<string | undefined> => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data[0]?.order_id
    }

    describe("GET /store/events/:event_id/offers", () => {
      it("lists active, in-schedule offers filtered by placement, session and ticket tier", async () => {
        const open = await createOffer({ title: "Open" })
        const vip = await createOffer({ title: "VIP", target_ticket_tiers: [event.variantId] })
        const session = await createOffer({ title: "Session", target_sessions: [event.variantId] })
        await createOffer({ title: "Checkout", placement: "CHECKOUT" })
        await createOffer({ title: "Later", starts_at: new Date(Date.now() + DAY).toISOString(), expires_at: null })
        await createOffer({ title: "Over", starts_at: null, expires_at: new Date(Date.now() - 1000).toISOString() })
        await createOffer({ title: "Off", is_active: false })
        const archived = await createOffer({ title: "Archived" })
        await api.delete(`/admin/offers/${archived.id}`, admin)

        const url = `/store/events/${event.productId}/offers?placement=POST_PURCHASE`
        const titles = (res: { data: { offers: { title: string }[] } }) => res.data.offers.map((o) => o.title).sort()

        const anonymous = await api.get(url, store())
        expect(anonymous.status).toBe(200)
        expect(titles(anonymous)).toEqual(["Open"])
        expect(anonymous.data.offers[0]).toMatchObject({
          id: open.id,
          price: 20,
          inventory: { total: 50, sold: 0, reserved: 0, available: 50 },
        })

        expect(titles(await api.get(url, store(fan.token)))).toEqual(["Open"])
        await giveTicket(fan.customerId)
        expect(titles(await api.get(url, store(fan.token)))).toEqual(["Open", "VIP"])
        expect(titles(await api.get(`${url}&session_id=${event.variantId}`, store(fan.token)))).toEqual([
          "Open",
          "Session",
          "VIP",
        ])
        expect(titles(await api.get(url, store(other.token)))).toEqual(["Open"])
        expect(vip.id).toBeDefined()
        expect(session.id).toBeDefined()
      })

      it("answers 400 for an unknown placement", async () => {
        const err = await api.get(`/store/events/${event.productId}/offers?placement=NOPE`, store()).catch((e) => e)
        expect(err.response.status).toBe(400)
      })
    })

    describe("GET /store/offers/:id and /availability", () => {
      it("answers the offer and why it is (un)available", async () => {
        const open = await createOffer()
        expect((await api.get(`/store/offers/${open.id}`, store())).data.offer.id).toBe(open.id)
        expect((await api.get(`/store/offers/${open.id}/availability`, store())).data).toEqual({
          offer_id: open.id,
          available: true,
          inventory_available: 50,
        })

        const cases: Array<[Record<string, unknown>, string]> = [
          [{ starts_at: new Date(Date.now() + DAY).toISOString(), expires_at: null }, "NOT_STARTED"],
          [{ starts_at: null, expires_at: new Date(Date.now() - 1000).toISOString() }, "EXPIRED"],
          [{ is_active: false }, "INACTIVE"],
          [{ inventory_total: 0 }, "SOLD_OUT"],
        ]
        for (const [overrides, reason] of cases) {
          const offer = await createOffer(overrides)
          const res = await api.get(`/store/offers/${offer.id}/availability`, store())
          expect(res.data).toMatchObject({ offer_id: offer.id, available: false, reason })
        }

        const vip = await createOffer({ target_ticket_tiers: [event.variantId] })
        expect((await api.get(`/store/offers/${vip.id}/availability`, store())).data.reason).toBe("NOT_ELIGIBLE")
        await giveTicket(fan.customerId)
        expect((await api.get(`/store/offers/${vip.id}/availability`, store(fan.token))).data.available).toBe(true)
        // Hidden from visitors outside its audience.
        expect((await api.get(`/store/offers/${vip.id}`, store()).catch((e) => e)).response.status).toBe(404)
        expect((await api.get(`/store/offers/${vip.id}`, store(fan.token))).status).toBe(200)
      })

      it("answers 404 for unknown and archived offers", async () => {
        const archived = await createOffer()
        await api.delete(`/admin/offers/${archived.id}`, admin)
        for (const id of ["moff_missing", archived.id]) {
          expect((await api.get(`/store/offers/${id}`, store()).catch((e) => e)).response.status).toBe(404)
          expect(
            (await api.get(`/store/offers/${id}/availability`, store()).catch((e) => e)).response.status
          ).toBe(404)
        }
      })
    })

    describe("POST /store/offers/:id/purchase", () => {
      it("holds stock and returns a cart at the offer price with a Stripe payment session", async () => {
        const offer = await createOffer()
        const res = await purchase(offer.id, { quantity: 2 })
        expect(res.status).toBe(201)
        const { cart, hold, payment_session } = res.data
        expect(cart.customer_id).toBe(fan.customerId)
        expect(cart.items).toHaveLength(1)
        expect(cart.items[0]).toMatchObject({
          variant_id: merch.variantId,
          quantity: 2,
          unit_price: 20,
          is_custom_price: true,
          metadata: { offer_id: offer.id, offer_hold_id: hold.id },
        })
        expect(hold).toMatchObject({ id: expect.stringMatching(/^mofh_/), quantity: 2 })
        const minutes = (new Date(hold.expires_at).getTime() - Date.now()) / 60_000
        expect(minutes).toBeGreaterThan(14)
        expect(minutes).toBeLessThanOrEqual(15)
        expect(payment_session).toMatchObject({ provider_id: "pp_stripe_stripe", amount: 40 })
        const intent = stripe.api.intents.get(payment_session.data.id)!
        expect(payment_session.data.client_secret).toBe(intent.client_secret)
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 2 })
        const stored = await offers().retrieveOfferHold(hold.id)
        expect(stored).toMatchObject({ status: "HELD", cart_id: cart.id, line_item_id: cart.items[0].id })
      })

      it("adds to the customer's own cart and refuses another customer's (404, hold released)", async () => {
        const offer = await createOffer()
        const own = await api.post("/store/carts", { region_id: setup.regionId }, store(fan.token))
        const res = await purchase(offer.id, { quantity: 1, cart_id: own.data.cart.id })
        expect(res.data.cart.id).toBe(own.data.cart.id)

        const foreign = await api.post("/store/carts", { region_id: setup.regionId }, store(other.token))
        const err = await purchase(offer.id, { quantity: 1, cart_id: foreign.data.cart.id }).catch((e) => e)
        expect(err.response.status).toBe(404)
        // The failed purchase's hold was compensated: only the first one still holds stock.
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 1 })
        const holds = await offers().listOfferHolds({ offer_id: offer.id })
        expect(holds.map((h) => h.status).sort()).toEqual(["HELD", "RELEASED"])
      })

      it("answers 400 for bad input or sold-out stock, 401 without a customer, 404 for unknown offers", async () => {
        const offer = await createOffer({ inventory_total: 1 })
        for (const body of [{ quantity: 0 }, { quantity: "2" }, { quantity: 1, colour: "red" }]) {
          expect((await purchase(offer.id, body).catch((e) => e)).response.status).toBe(400)
        }
        const soldOut = await purchase(offer.id, { quantity: 2 }).catch((e) => e)
        expect(soldOut.response.status).toBe(400)
        expect(soldOut.response.data.message).toMatch(/SOLD_OUT/)
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 0 })

        const anonymous = await api.post(`/store/offers/${offer.id}/purchase`, { quantity: 1 }, store()).catch((e) => e)
        expect(anonymous.response.status).toBe(401)
        expect((await purchase("moff_missing", { quantity: 1 }).catch((e) => e)).response.status).toBe(404)

        const vip = await createOffer({ target_ticket_tiers: [event.variantId] })
        const notEligible = await purchase(vip.id, { quantity: 1 }).catch((e) => e)
        expect(notEligible.response.status).toBe(400)
        expect(notEligible.response.data.message).toMatch(/NOT_ELIGIBLE/)
      })
    })

    describe("concurrent holds", () => {
      it("lets exactly 50 of 200 concurrent buyers hold the last 50 units", async () => {
        const offer = await createOffer({ inventory_total: 50 })
        const attempt = (i: number, offerId = offer.id) =>
          holdOfferWorkflow(getContainer())
            .run({ input: { offer_id: offerId, customer_id: `cus_buyer_${i}`, quantity: 1 } })
            .then(
              () => true,
              () => false
            )
        const results = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt(i)))
        expect(results.filter(Boolean)).toHaveLength(50)
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 50 })
        expect(await offers().listOfferHolds({ offer_id: offer.id, status: "HELD" })).toHaveLength(50)

        // Stock that cannot run out: every one of 50 concurrent buyers gets a hold (throughput: npm run bench).
        const unlimited = await createOffer({ inventory_total: null })
        const unlimitedHolds = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(1000 + i, unlimited.id)))
        expect(unlimitedHolds.every(Boolean)).toBe(true)
        expect(await offers().listOfferHolds({ offer_id: unlimited.id, status: "HELD" })).toHaveLength(50)
      })
    })

    describe("checkout through Stripe", () => {
      const buyAndPay = async (offerId: string, quantity = 2) => {
        const res = await purchase(offerId, { quantity })
        const intentId: string = res.data.payment_session.data.id
        stripe.api.confirm(intentId)
        return { cartId: res.data.cart.id as string, holdId: res.data.hold.id as string, intentId }
      }
      const sendAuthorizedWebhook = async (intentId: string) => {
        const signed = signStripeWebhook(
          paymentIntentEvent("payment_intent.amount_capturable_updated", stripe.api.intents.get(intentId)!),
          WEBHOOK_SECRET
        )
        expect((await postWebhook(signed.body, signed.headers)).status).toBe(200)
      }
      const purchasesOf = (offerId: string) => offers().listOfferPurchases({ offer_id: offerId })

      it("records one purchase when the signed webhook is replayed", async () => {
        const offer = await createOffer()
        const { cartId, intentId } = await buyAndPay(offer.id)
        await sendAuthorizedWebhook(intentId)
        await sendAuthorizedWebhook(intentId)
        await waitFor(async () => processPaymentRuns.length >= 2)
        const orderId = await waitFor(() => orderIdForCart(cartId))
        await waitFor(async () => (await purchasesOf(offer.id)).length > 0)
        // Give a second (replayed) order.placed time to run before asserting exactly once.
        await new Promise((resolve) => setTimeout(resolve, 1000))

        const purchases = await purchasesOf(offer.id)
        expect(purchases).toHaveLength(1)
        expect(purchases[0]).toMatchObject({
          order_id: orderId,
          customer_id: fan.customerId,
          quantity: 2,
          amount: 40,
          currency_code: "eur",
          status: "COMPLETED",
        })
        expect(await stock(offer.id)).toEqual({ sold: 2, held: 0 })

        const mine = await api.get("/store/customers/me/offer-purchases", store(fan.token))
        expect(mine.data).toMatchObject({ count: 1, offset: 0, limit: 20 })
        expect(mine.data.offer_purchases[0]).toMatchObject({ order_id: orderId, offer: { id: offer.id } })
        const theirs = await api.get("/store/customers/me/offer-purchases", store(other.token))
        expect(theirs.data).toMatchObject({ count: 0, offer_purchases: [] })
        const anonymous = await api.get("/store/customers/me/offer-purchases", store()).catch((e) => e)
        expect(anonymous.response.status).toBe(401)

        // The event is written by the step after the purchase; wait for it, then for any duplicate.
        const purchaseEvents = async () =>
          (
            await getContainer()
              .resolve(ContainerRegistrationKeys.QUERY)
              .graph({ entity: "monetization_event", fields: ["type", "source", "entity_id"], filters: { type: "OFFER_PURCHASE" } })
          ).data
        await waitFor(async () => (await purchaseEvents()).length > 0)
        await new Promise((resolve) => setTimeout(resolve, 1000))
        expect(await purchaseEvents()).toEqual([{ type: "OFFER_PURCHASE", source: "server", entity_id: offer.id }])
      })

      it("returns the units when the order is canceled", async () => {
        const offer = await createOffer()
        const { cartId } = await buyAndPay(offer.id)
        const completed = await api.post(`/store/carts/${cartId}/complete`, {}, store(fan.token))
        expect(completed.data.type).toBe("order")
        await waitFor(async () => (await purchasesOf(offer.id)).length > 0)
        expect(await stock(offer.id)).toEqual({ sold: 2, held: 0 })

        await api.post(`/admin/orders/${completed.data.order.id}/cancel`, {}, admin)
        await waitFor(async () => (await purchasesOf(offer.id))[0].status === "CANCELED")
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 0 })
      })

      it("expires holds, re-holds at completion when stock allows, refuses when sold out", async () => {
        const offer = await createOffer({ inventory_total: 3 })
        const first = await buyAndPay(offer.id, 2)
        await offers().updateOfferHolds({ id: first.holdId, expires_at: new Date(Date.now() - 1000) })
        await releaseExpiredOfferHoldsWorkflow(getContainer()).run({ input: {} })
        expect((await offers().retrieveOfferHold(first.holdId)).status).toBe("EXPIRED")
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 0 })

        // Stock is still there: completion takes the hold again.
        const completed = await api.post(`/store/carts/${first.cartId}/complete`, {}, store(fan.token))
        expect(completed.data.type).toBe("order")
        await waitFor(async () => (await purchasesOf(offer.id)).length > 0)
        expect(await stock(offer.id)).toEqual({ sold: 2, held: 0 })

        // Second buyer's hold expires and the last unit is sold meanwhile: completion fails.
        const res = await purchase(offer.id, { quantity: 1 }, other.token)
        stripe.api.confirm(res.data.payment_session.data.id)
        await offers().updateOfferHolds({ id: res.data.hold.id, expires_at: new Date(Date.now() - 1000) })
        await releaseExpiredOfferHoldsWorkflow(getContainer()).run({ input: {} })
        await offers().updateOffers({ id: offer.id, inventory_total: 2 })
        const refused = await api
          .post(`/store/carts/${res.data.cart.id}/complete`, {}, store(other.token))
          .catch((e) => e)
        const body = refused.response?.data ?? refused.data
        expect(JSON.stringify(body)).toMatch(/expired and the offer is sold out/)
        expect(await orderIdForCart(res.data.cart.id)).toBeUndefined()
        expect(
          stripe.api.requests.filter((r) => r.path === `/v1/payment_intents/${res.data.payment_session.data.id}/capture`)
        ).toHaveLength(0)
      })
    })
  },
})
