import { useFakeStripe } from "../../helpers/stripe/use-fake-stripe"
import { trackProcessPaymentRuns } from "../../helpers/stripe/process-payment-runs"
import { waitFor } from "../../helpers/wait-for"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { OFFER_MODULE } from "../../../src/modules/offer"
import type OfferModuleService from "../../../src/modules/offer/service"
import { holdOfferWorkflow } from "../../../src/workflows/offer/workflows/hold-offer"
import reconcileOfferPurchasesJob from "../../../src/jobs/reconcile-offer-purchases"
import { releaseExpiredOfferHoldsWorkflow } from "../../../src/workflows/offer/workflows/release-expired-offer-holds"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { paymentIntentEvent, signStripeWebhook } from "../../../demo/offline-stripe/sign-webhook"
import { TicketProduct } from "../../helpers/ticket-product"
import { payAndComplete } from "../../helpers/checkout"
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
    const checkout = (offerId: string, body: Record<string, unknown> = {}, token = fan.token) =>
      api.post(`/store/offers/${offerId}/checkout`, body, store(token))
    /** The whole purchase as the widget does it: the decision (a hold), then the cart and payment session. */
    const buy = async (offerId: string, quantity: number, token = fan.token) => {
      await purchase(offerId, { quantity }, token)
      return checkout(offerId, {}, token)
    }
    const purchasesOf = (offerId: string) => offers().listOfferPurchases({ offer_id: offerId })
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
      it("answers the decision with the hold alone; a retry or a loop answers the same hold, never a second", async () => {
        const offer = await createOffer()
        const res = await purchase(offer.id, { quantity: 2 })
        expect(res.status).toBe(201)
        expect(Object.keys(res.data)).toEqual(["hold"])
        const { hold } = res.data
        expect(hold).toMatchObject({ id: expect.stringMatching(/^mofh_/), offer_id: offer.id, quantity: 2, status: "HELD", cart_id: null })
        const minutes = (new Date(hold.expires_at).getTime() - Date.now()) / 60_000
        expect(minutes).toBeGreaterThan(14)
        expect(minutes).toBeLessThanOrEqual(15)
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 2 })

        for (const quantity of [2, 5, 1, 2, 3]) {
          const again = await purchase(offer.id, { quantity })
          expect(again.status).toBe(200)
          expect(again.data.hold).toMatchObject({ id: hold.id, quantity: 2 })
        }
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 2 })
        expect(await offers().listOfferHolds({ offer_id: offer.id })).toHaveLength(1)
        expect(stripe.api.requests.filter((r) => r.path === "/v1/payment_intents")).toHaveLength(0) // no session before the buyer proceeds
      })

      it("answers 400 for bad input, sold-out stock or the per-customer limit, 401 without a customer, 404 for unknown offers", async () => {
        const offer = await createOffer({ inventory_total: 1 })
        for (const body of [{ quantity: 0 }, { quantity: "2" }, { quantity: 1, colour: "red" }, { quantity: 1, cart_id: "cart_1" }]) {
          expect((await purchase(offer.id, body).catch((e) => e)).response.status).toBe(400)
        }
        const soldOut = await purchase(offer.id, { quantity: 2 }).catch((e) => e)
        expect(soldOut.response.status).toBe(400)
        expect(soldOut.response.data).toEqual({ type: "not_allowed", message: `Offer ${offer.id} is not available: SOLD_OUT` })
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 0 })

        const anonymous = await api.post(`/store/offers/${offer.id}/purchase`, { quantity: 1 }, store()).catch((e) => e)
        expect(anonymous.response.status).toBe(401)
        expect((await purchase("moff_missing", { quantity: 1 }).catch((e) => e)).response.status).toBe(404)

        const vip = await createOffer({ target_ticket_tiers: [event.variantId] })
        const notEligible = await purchase(vip.id, { quantity: 1 }).catch((e) => e)
        expect(notEligible.response.status).toBe(400)
        expect(notEligible.response.data.message).toMatch(/NOT_ELIGIBLE/)

        const plenty = await createOffer({ inventory_total: 500 })
        const overDefault = await purchase(plenty.id, { quantity: 11 }).catch((e) => e)
        expect(overDefault.response.data).toEqual({ type: "not_allowed", message: `Offer ${plenty.id} is not available: MAX_PER_CUSTOMER` })
        const capped = await createOffer({ max_per_customer: 3 })
        expect((await purchase(capped.id, { quantity: 4 }).catch((e) => e)).response.data.message).toMatch(/MAX_PER_CUSTOMER/)
        expect(await stock(capped.id)).toEqual({ sold: 0, held: 0 })
      })

      it("counts what the customer already bought against max_per_customer", async () => {
        const capped = await createOffer({ max_per_customer: 3 })
        const bought = await buy(capped.id, 2)
        stripe.api.confirm(bought.data.payment_session.data.id)
        expect((await api.post(`/store/carts/${bought.data.cart.id}/complete`, {}, store(fan.token))).data.type).toBe("order")
        await waitFor(async () => (await purchasesOf(capped.id)).length > 0)
        expect((await purchase(capped.id, { quantity: 2 }).catch((e) => e)).response.data.message).toMatch(/MAX_PER_CUSTOMER/)
        expect((await purchase(capped.id, { quantity: 1 })).status).toBe(201)
      })

      it("sells an offer limited to ticket holders only to customers with a paid ticket order for its event", async () => {
        const members = await createOffer({ requires_ticket: true })
        const refused = await purchase(members.id, { quantity: 1 }).catch((e) => e)
        expect(refused.response.data.message).toMatch(/NOT_ELIGIBLE \(a paid ticket for the event is required\)/)
        await giveTicket(fan.customerId) // an order nobody paid for does not count
        expect((await purchase(members.id, { quantity: 1 }).catch((e) => e)).response.status).toBe(400)

        const ticketCart = await api.post(
          "/store/carts",
          { region_id: setup.regionId, items: [{ variant_id: event.variantId, quantity: 1 }] },
          store(fan.token)
        )
        expect((await payAndComplete(api, stripe.api, ticketCart.data.cart.id, store(fan.token))).data.type).toBe("order")
        expect((await purchase(members.id, { quantity: 1 })).status).toBe(201)
      })

      it("refuses a javascript: image_url", async () => {
        const res = await api
          .post("/admin/offers", offerBody(event.productId, merch.variantId, { image_url: "javascript:alert(1)" }), admin)
          .catch((e) => e)
        expect(res.response.data).toEqual({ type: "invalid_data", message: expect.stringMatching(/image_url must be a well-formed http\(s\) URL/) })
      })
    })

    describe("POST /store/offers/:id/checkout", () => {
      it("puts the hold in a cart at the offer price with a Stripe session; a retry reuses both", async () => {
        const offer = await createOffer()
        const { hold } = (await purchase(offer.id, { quantity: 2 })).data
        const intentsBefore = stripe.api.intents.size
        const res = await checkout(offer.id)
        expect(res.status).toBe(200)
        const { cart, payment_session } = res.data
        expect(cart.customer_id).toBe(fan.customerId)
        expect(cart.items).toEqual([
          expect.objectContaining({ variant_id: merch.variantId, quantity: 2, unit_price: 20, is_custom_price: true }),
        ])
        expect(res.data.hold).toMatchObject({ id: hold.id, cart_id: cart.id, status: "HELD" })
        expect(payment_session).toMatchObject({ provider_id: "pp_stripe_stripe", amount: 40 })
        const intent = stripe.api.intents.get(payment_session.data.id)!
        expect(payment_session.data.client_secret).toBe(intent.client_secret)
        const stored = await offers().retrieveOfferHold(hold.id)
        expect(stored).toMatchObject({ status: "HELD", cart_id: cart.id, line_item_id: cart.items[0].id })

        const retried = await checkout(offer.id)
        expect(retried.data.cart.id).toBe(cart.id)
        expect(retried.data.cart.items).toHaveLength(1)
        expect(retried.data.payment_session.id).toBe(payment_session.id)
        expect(stripe.api.intents.size).toBe(intentsBefore + 1)
        const purchasedAgain = await purchase(offer.id, { quantity: 2 })
        expect(purchasedAgain.data.hold).toMatchObject({ id: hold.id, cart_id: cart.id })
      })

      it("adds the line to the customer's own cart without a session, refuses another customer's cart (404) and keeps the hold", async () => {
        const offer = await createOffer()
        const own = await api.post("/store/carts", { region_id: setup.regionId }, store(fan.token))
        await purchase(offer.id, { quantity: 1 })
        const res = await checkout(offer.id, { cart_id: own.data.cart.id })
        expect(res.data.cart.id).toBe(own.data.cart.id)
        expect(res.data.cart.items).toEqual([expect.objectContaining({ quantity: 1, unit_price: 20 })])
        expect(res.data.payment_session).toBeNull()

        const second = await createOffer({ title: "Poster" })
        await purchase(second.id, { quantity: 1 })
        const foreign = await api.post("/store/carts", { region_id: setup.regionId }, store(other.token))
        const err = await checkout(second.id, { cart_id: foreign.data.cart.id }).catch((e) => e)
        expect(err.response.status).toBe(404)
        expect(await stock(second.id)).toEqual({ sold: 0, held: 1 })
        expect((await offers().listOfferHolds({ offer_id: second.id }))[0]).toMatchObject({ status: "HELD", cart_id: null })
      })

      it("refuses a checkout without a live hold, bad input (400) and anonymous callers (401)", async () => {
        const offer = await createOffer()
        for (const body of [{ cart_id: 5 }, { cart_id: "" }, { colour: "red" }]) {
          const bad = await checkout(offer.id, body).catch((e) => e)
          expect(bad.response.status).toBe(400)
          expect(bad.response.data.type).toBe("invalid_data")
        }
        const anonymous = await api.post(`/store/offers/${offer.id}/checkout`, {}, store()).catch((e) => e)
        expect(anonymous.response.status).toBe(401)
        const err = await checkout(offer.id).catch((e) => e)
        expect(err.response.data).toEqual({
          type: "not_allowed",
          message: `You hold no units of offer ${offer.id}: purchase it first (POST /store/offers/${offer.id}/purchase)`,
        })
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
        const res = await buy(offerId, quantity)
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
        const res = await buy(offer.id, 1, other.token)
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

      const sendIntentWebhook = async (type: string, intentId: string) => {
        const signed = signStripeWebhook(paymentIntentEvent(type, stripe.api.intents.get(intentId)!), WEBHOOK_SECRET)
        expect((await postWebhook(signed.body, signed.headers)).status).toBe(200)
      }

      it("a canceled payment releases the hold at once; a failed one leaves the retry grace", async () => {
        const offer = await createOffer()
        const canceled = await buyAndPay(offer.id, 2)
        await sendIntentWebhook("payment_intent.canceled", canceled.intentId)
        await waitFor(async () => (await offers().retrieveOfferHold(canceled.holdId)).status === "RELEASED")
        expect(await stock(offer.id)).toEqual({ sold: 0, held: 0 })

        const failed = await buy(offer.id, 1, other.token)
        const holdId = failed.data.hold.id
        const before = new Date((await offers().retrieveOfferHold(holdId)).expires_at).getTime()
        expect(before - Date.now()).toBeGreaterThan(14 * 60_000)
        await sendIntentWebhook("payment_intent.payment_failed", failed.data.payment_session.data.id)
        await waitFor(async () => new Date((await offers().retrieveOfferHold(holdId)).expires_at).getTime() < before)
        const after = await offers().retrieveOfferHold(holdId)
        expect(after.status).toBe("HELD")
        expect(new Date(after.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000)
        expect(new Date(after.expires_at).getTime() - Date.now()).toBeGreaterThan(4 * 60_000)
      })

      it("the reconciliation job converts a hold whose order.placed was lost, once", async () => {
        const offer = await createOffer()
        const { cartId, holdId, intentId } = await buyAndPay(offer.id, 2)
        expect((await api.post(`/store/carts/${cartId}/complete`, {}, store(fan.token))).data.type).toBe("order")
        await waitFor(async () => (await purchasesOf(offer.id)).length > 0)
        // As if order.placed had never been delivered: the order exists, the hold is still HELD.
        const [purchase] = await purchasesOf(offer.id)
        await offers().deleteOfferPurchases(purchase.id)
        await offers().updateOfferHolds({ id: holdId, status: "HELD" })
        await offers().updateOffers({ id: offer.id, sold: 0, held: 2 })

        await reconcileOfferPurchasesJob(getContainer())
        await reconcileOfferPurchasesJob(getContainer())
        expect(await purchasesOf(offer.id)).toEqual([
          expect.objectContaining({ order_id: await orderIdForCart(cartId), quantity: 2, amount: 40, status: "COMPLETED" }),
        ])
        expect(await stock(offer.id)).toEqual({ sold: 2, held: 0 })
        expect(intentId).toBeDefined()
      })

      it("two lines of one offer in one order make one purchase with the right quantity and amount", async () => {
        const offer = await createOffer()
        const first = await buyAndPay(offer.id, 1)
        await offers().updateOfferHolds({ id: first.holdId, expires_at: new Date(Date.now() - 1000) })
        await releaseExpiredOfferHoldsWorkflow(getContainer()).run({ input: {} })
        await purchase(offer.id, { quantity: 2 })
        const second = await checkout(offer.id, { cart_id: first.cartId })
        expect(second.data.cart.items).toHaveLength(2)

        const completed = await payAndComplete(api, stripe.api, first.cartId, store(fan.token))
        expect(completed.data.type).toBe("order")
        await waitFor(async () => (await purchasesOf(offer.id)).length > 0)
        expect(await purchasesOf(offer.id)).toEqual([
          expect.objectContaining({ order_id: completed.data.order.id, quantity: 3, amount: 60, flagged_quantity: 0 }),
        ])
        expect(await stock(offer.id)).toEqual({ sold: 3, held: 0 })
      })
    })
  },
})
