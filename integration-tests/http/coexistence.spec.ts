import path from "path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createPaymentSessionsWorkflow,
  updateInventoryLevelsWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { OFFER_MODULE } from "../../src/modules/offer"
import type OfferModuleService from "../../src/modules/offer/service"
import { adminHeaders, createCustomer } from "../helpers/auth"
import { buildPlugin } from "../helpers/built-plugin"
import { openStripeSession } from "../helpers/checkout"
import { createStoreSetup, StoreSetup, storeHeaders } from "../helpers/store-setup"
import { useFakeStripe } from "../helpers/stripe/use-fake-stripe"
import { createTicketProduct, TicketProduct } from "../helpers/ticket-product"
import { waitFor } from "../helpers/wait-for"
import { createOfferFixtures, offerBody } from "./offers/fixtures"
import { connectSocket, nextEvent, waitForConnect } from "./waitlist/helpers"

jest.setTimeout(300_000)

buildPlugin()
const stripe = useFakeStripe({ webhookSecret: "whsec_coexistence", apiKey: "sk_test_coexistence" })

/**
 * The host app in integration-tests/coexistence-host registers handlers on every cart hook the
 * plugin used to take (create-cart, add-to-cart, update-line-item, complete-cart validate) and
 * calls the plugin's validators inside them, as the README shows; it also has its own
 * completion route. It boots with the built plugin, and both rule sets refuse what they should.
 */
medusaIntegrationTestRunner({
  cwd: path.join(__dirname, "../coexistence-host"),
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let merch: TicketProduct
    let event: TicketProduct
    let fan: { token: string; customerId: string }

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer())
      ;({ event, merch } = await createOfferFixtures(getContainer(), setup))
      fan = await createCustomer(api, setup.publishableKey, `fan-${Date.now()}@example.com`)
    })

    const as = () => storeHeaders(setup, fan.token)
    const offers = () => getContainer().resolve<OfferModuleService>(OFFER_MODULE)
    const message = (error: { response?: { status: number; data: { message: string } } }) =>
      `${error.response?.status} ${error.response?.data.message}`
    const buyOffer = async () => {
      const admin = await adminHeaders(api, getContainer())
      const offer = (await api.post("/admin/offers", offerBody(event.productId, merch.variantId), admin)).data.offer
      await api.post(`/store/offers/${offer.id}/purchase`, { quantity: 1 }, as())
      const res = await api.post(`/store/offers/${offer.id}/checkout`, {}, as())
      const hold = await offers().retrieveOfferHold(res.data.hold.id)
      return { offer, cartId: res.data.cart.id as string, lineId: hold.line_item_id as string, intentId: res.data.payment_session.data.id as string }
    }

    it("the host's own cart checks still refuse", async () => {
      const tooMany = await api
        .post("/store/carts", { region_id: setup.regionId, items: [{ variant_id: event.variantId, quantity: 9 }] }, as())
        .catch((e) => e)
      expect(message(tooMany)).toBe("400 Host: at most 8 tickets per order")

      const cart = (await api.post("/store/carts", { region_id: setup.regionId }, as())).data.cart
      const seat = { variant_id: event.variantId, quantity: 1, metadata: { seat_id: "A1" } }
      await api.post(`/store/carts/${cart.id}/line-items`, seat, as())
      expect(message(await api.post(`/store/carts/${cart.id}/line-items`, seat, as()).catch((e) => e))).toBe(
        "400 Host: one ticket per seat"
      )
      const [line] = (await api.get(`/store/carts/${cart.id}`, as())).data.cart.items
      expect(
        message(await api.post(`/store/carts/${cart.id}/line-items/${line.id}`, { quantity: 2 }, as()).catch((e) => e))
      ).toBe("400 Host: one ticket per seat")

      await api.post(`/store/carts/${cart.id}`, { email: "someone@blocked.test" }, as())
      const session = await openStripeSession(api, cart.id, as())
      stripe.api.confirm(session.data.payment_collection.payment_sessions[0].data.id)
      expect(message(await api.post(`/store/carts/${cart.id}/complete-tickets`, {}, as()).catch((e) => e))).toBe(
        "400 Host: this buyer is blocked"
      )
    })

    it("the plugin's checks refuse through the host's hooks and its own completion route", async () => {
      const { offer, cartId, lineId } = await buyOffer()
      const beyondHold = `Line ${lineId} has the price of offer ${offer.id} for 1 unit(s) only: buy more through the offer`

      // Medusa's store route: the plugin's middleware.
      expect(
        message(await api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 3 }, as()).catch((e) => e))
      ).toBe(`400 ${beyondHold}`)
      // The workflow run straight (no HTTP): the host's hook calls the plugin's validator.
      const direct = await updateLineItemInCartWorkflow(getContainer())
        .run({ input: { cart_id: cartId, item_id: lineId, update: { quantity: 3 } } })
        .catch((e) => e)
      expect(direct.message).toBe(beyondHold)
      // The host's own completion route, after the line was raised behind every check.
      await getContainer().resolve(Modules.CART).updateLineItems(lineId, { quantity: 3 })
      expect(message(await api.post(`/store/carts/${cartId}/complete-tickets`, {}, as()).catch((e) => e))).toBe(
        `400 ${beyondHold}`
      )
    })

    it("an honest offer cart completes through the host's route and the sale is recorded", async () => {
      const { offer, cartId, intentId } = await buyOffer()
      stripe.api.confirm(intentId)
      const completed = await api.post(`/store/carts/${cartId}/complete-tickets`, {}, as())
      expect(completed.data.type).toBe("order")
      await waitFor(async () => (await offers().listOfferPurchases({ offer_id: offer.id })).length > 0)
      expect(await offers().listOfferPurchases({ offer_id: offer.id })).toEqual([
        expect.objectContaining({ order_id: completed.data.order.id, quantity: 1, flag: null }),
      ])
    })

    it("the host's completion route refuses held waitlist seats and an accepted cart with other than its seats", async () => {
      const session = await createTicketProduct(getContainer(), setup, { stock: 1, title: "Workshop" })
      const admin = await adminHeaders(api, getContainer())
      await api.post(`/admin/sessions/${session.variantId}/waitlist/settings`, { enabled: true }, admin)
      const customer = (name: string) => createCustomer(api, setup.publishableKey, `${name}-${Date.now()}@example.com`)
      const [outsider, buyer, waiter] = [await customer("outsider"), await customer("buyer"), await customer("waiter")]
      const cartOf = async (who: { token: string }) =>
        (
          await api.post(
            "/store/carts",
            { region_id: setup.regionId, items: [{ variant_id: session.variantId, quantity: 1 }] },
            storeHeaders(setup, who.token)
          )
        ).data.cart as { id: string; items: { id: string }[] }
      /** Pays without any plugin middleware on the way, as a host's own checkout code could. */
      const payBehindChecks = async (cartId: string) => {
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        let { data } = await query.graph({ entity: "cart", fields: ["payment_collection.id"], filters: { id: cartId } })
        if (!data[0].payment_collection) {
          await api.post("/store/payment-collections", { cart_id: cartId }, as())
          ;({ data } = await query.graph({ entity: "cart", fields: ["payment_collection.id"], filters: { id: cartId } }))
        }
        const { result } = await createPaymentSessionsWorkflow(getContainer()).run({
          input: { payment_collection_id: data[0].payment_collection!.id, provider_id: "pp_stripe_stripe" },
        })
        stripe.api.confirm((result.data as { id: string }).id)
      }
      const early = await cartOf(outsider)
      const sold = await cartOf(buyer)
      await payBehindChecks(sold.id)
      expect((await api.post(`/store/carts/${sold.id}/complete-tickets`, {}, storeHeaders(setup, buyer.token))).data.type).toBe("order")

      await api.post(`/store/sessions/${session.variantId}/waitlist`, {}, storeHeaders(setup, waiter.token))
      const socket = connectSocket(api.defaults.baseURL as string, waiter.token)
      try {
        await waitForConnect(socket)
        const offered = nextEvent<{ join_token: string }>(socket, "WAITLIST_OFFER")
        await updateInventoryLevelsWorkflow(getContainer()).run({
          input: {
            updates: [{ inventory_item_id: session.inventoryItemId, location_id: session.locationId, stocked_quantity: 2 }],
          },
        })
        const { join_token } = await offered

        await payBehindChecks(early.id)
        expect(
          message(await api.post(`/store/carts/${early.id}/complete-tickets`, {}, storeHeaders(setup, outsider.token)).catch((e) => e))
        ).toBe(`400 Seats of session ${session.variantId} are held for customers on its waitlist: join the waitlist instead`)

        const accepted = await api.post(
          `/store/sessions/${session.variantId}/waitlist/accept`,
          { join_token },
          storeHeaders(setup, waiter.token)
        )
        const own = accepted.data.cart as { id: string; items: { id: string }[] }
        await getContainer().resolve(Modules.CART).updateLineItems(own.items[0].id, { quantity: 2 })
        await payBehindChecks(own.id)
        expect(
          message(await api.post(`/store/carts/${own.id}/complete-tickets`, {}, storeHeaders(setup, waiter.token)).catch((e) => e))
        ).toBe(
          `400 This cart holds the 1 seat(s) of session ${session.variantId} offered to you from its waitlist: it takes exactly that many`
        )
      } finally {
        socket.close()
      }
    })
  },
})
