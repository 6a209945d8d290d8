import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { updateInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import type { Socket } from "socket.io-client"
import { WAITLIST_MODULE } from "../../../src/modules/waitlist"
import type WaitlistModuleService from "../../../src/modules/waitlist/service"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { openStripeSession, payAndComplete } from "../../helpers/checkout"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { useFakeStripe } from "../../helpers/stripe/use-fake-stripe"
import { createTicketProduct, TicketProduct } from "../../helpers/ticket-product"
import { waitFor } from "../../helpers/wait-for"
import { connectSocket, nextEvent, waitForConnect, enableWaitlist } from "../waitlist/helpers"

jest.setTimeout(300_000)

const stripe = useFakeStripe({ webhookSecret: "whsec_cart_guard_waitlist", apiKey: "sk_test_cart_guard_waitlist" })

type Customer = { token: string; customerId: string }
type Line = { id: string; variant_id: string; quantity: number }

/**
 * Invariants 1 and 4 of the cart guard, through every store cart route: a seat the waitlist
 * holds stays out of public carts; the cart made by accepting an offer takes exactly the
 * offered seats. The accepted cart is then paid with Stripe and completed through Medusa's
 * checkout, and the entry is consumed.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let session: TicketProduct
    let sockets: Socket[] = []

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer())
      session = await createTicketProduct(getContainer(), setup, { stock: 2, title: "Masterclass" })
      await enableWaitlist(getContainer(), session.variantId)
    })

    afterEach(() => {
      sockets.forEach((socket) => socket.close())
      sockets = []
    })

    const as = (customer: Customer) => storeHeaders(setup, customer.token)
    const customer = (name: string) => createCustomer(api, setup.publishableKey, `${name}-${Date.now()}@test.dev`)
    const setStock = (stocked_quantity: number) =>
      updateInventoryLevelsWorkflow(getContainer()).run({
        input: {
          updates: [{ inventory_item_id: session.inventoryItemId, location_id: session.locationId, stocked_quantity }],
        },
      })
    const cartWith = async (who: Customer, quantity: number) =>
      (
        await api.post(
          "/store/carts",
          { region_id: setup.regionId, items: [{ variant_id: session.variantId, quantity }] },
          as(who)
        )
      ).data.cart as { id: string; items: Line[] }
    const refusal = (error: { response?: { status: number; data: { type: string; message: string } } }) => ({
      status: error.response?.status,
      type: error.response?.data.type,
      message: error.response?.data.message,
    })
    const heldForWaitlist = () => ({
      status: 400,
      type: "not_allowed",
      message: `Seats of session ${session.variantId} are held for customers on its waitlist: join the waitlist instead`,
    })

    it("public carts cannot take held seats by any route; the accepted cart takes exactly its seats and completes", async () => {
      const [outsider, buyer, waiter] = [await customer("outsider"), await customer("buyer"), await customer("waiter")]
      const early = await cartWith(outsider, 1) // while seats were free
      const sold = await payAndComplete(api, stripe.api, (await cartWith(buyer, 2)).id, as(buyer))
      expect(sold.data.type).toBe("order")

      expect((await api.post(`/store/sessions/${session.variantId}/waitlist`, {}, as(waiter))).status).toBe(201)
      const socket = connectSocket(api.defaults.baseURL as string, waiter.token)
      sockets.push(socket)
      await waitForConnect(socket)
      const offered = nextEvent<{ join_token: string }>(socket, "WAITLIST_OFFER")
      await setStock(3) // one seat freed: it is offered to the waiter
      const { join_token } = await offered
      const expected = heldForWaitlist()

      // Invariant 1: create with items, add, raise a line, open a payment session, complete.
      const created = await cartWith(outsider, 1).catch((e) => e)
      expect(refusal(created)).toEqual(expected)
      const cart = (await api.post("/store/carts", { region_id: setup.regionId }, as(outsider))).data.cart
      const added = await api
        .post(`/store/carts/${cart.id}/line-items`, { variant_id: session.variantId, quantity: 1 }, as(outsider))
        .catch((e) => e)
      expect(refusal(added)).toEqual(expected)
      const raised = await api
        .post(`/store/carts/${early.id}/line-items/${early.items[0].id}`, { quantity: 2 }, as(outsider))
        .catch((e) => e)
      expect(refusal(raised)).toEqual(expected)
      expect(refusal(await openStripeSession(api, early.id, as(outsider)).catch((e) => e))).toEqual(expected)
      expect(refusal(await api.post(`/store/carts/${early.id}/complete`, {}, as(outsider)).catch((e) => e))).toEqual(expected)

      // Invariant 4: the accepted cart takes exactly the offered seat.
      const accepted = await api.post(`/store/sessions/${session.variantId}/waitlist/accept`, { join_token }, as(waiter))
      const own = accepted.data.cart as { id: string; items: Line[] }
      const exactly = {
        status: 400,
        type: "not_allowed",
        message: `This cart holds the 1 seat(s) of session ${session.variantId} offered to you from its waitlist: it takes exactly that many`,
      }
      const seatLine = own.items[0]
      expect(
        refusal(await api.post(`/store/carts/${own.id}/line-items/${seatLine.id}`, { quantity: 3 }, as(waiter)).catch((e) => e))
      ).toEqual(exactly)
      expect(
        refusal(
          await api
            .post(`/store/carts/${own.id}/line-items`, { variant_id: session.variantId, quantity: 1 }, as(waiter))
            .catch((e) => e)
        )
      ).toEqual(exactly)
      await api.delete(`/store/carts/${own.id}/line-items/${seatLine.id}`, as(waiter))
      expect(refusal(await openStripeSession(api, own.id, as(waiter)).catch((e) => e))).toEqual(exactly)
      await api.post(`/store/carts/${own.id}/line-items`, { variant_id: session.variantId, quantity: 1 }, as(waiter))

      const completed = await payAndComplete(api, stripe.api, own.id, as(waiter))
      expect(completed.data.type).toBe("order")
      expect(completed.data.order.items).toEqual([expect.objectContaining({ variant_id: session.variantId, quantity: 1 })])

      const waitlist = getContainer().resolve<WaitlistModuleService>(WAITLIST_MODULE)
      await waitFor(async () => !!(await waitlist.findByCart(own.id))?.consumed_at)
      const admin = await adminHeaders(api, getContainer())
      const detail = await api.get(`/admin/sessions/${session.variantId}/waitlist`, admin)
      expect(detail.data.session).toMatchObject({ capacity: 3, sold: 3, held: 0, waiting: 0, public_available: 0 })
      expect(detail.data.waitlist_entries[0].audit.map((row: { action: string }) => row.action)).toEqual([
        "JOINED",
        "OFFERED",
        "ACCEPTED",
        "CONSUMED",
      ])
    })
  },
})
