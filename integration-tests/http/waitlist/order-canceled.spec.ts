import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import type { Socket } from "socket.io-client"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { createTicketProduct, TicketProduct } from "../../helpers/ticket-product"
import { clearOfMinuteTick, connectSocket, eventually, nextEvent, waitForConnect, enableWaitlist } from "./helpers"

jest.setTimeout(180_000)

type Entry = { customer_id: string; status: string; position: number | null; offer_expires_at: string | null }
type OfferPayload = { session_id: string; join_token: string; expires_at: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let session: TicketProduct
    let sockets: Socket[] = []

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
      // Medusa's built-in provider authorizes at once: an order without a payment service.
      await updateRegionsWorkflow(getContainer()).run({
        input: { selector: { id: setup.regionId }, update: { payment_providers: ["pp_system_default"] } },
      })
      session = await createTicketProduct(getContainer(), setup, { stock: 1, title: "Closing Keynote" })
      await enableWaitlist(getContainer(), session.variantId)
    })

    afterEach(() => {
      sockets.forEach((socket) => socket.close())
      sockets = []
    })

    /** Buys `quantity` seats through the store checkout; answers the order id. */
    const placeOrder = async (quantity: number) => {
      const store = storeHeaders(setup)
      const cart = (await api.post("/store/carts", { region_id: setup.regionId, email: "buyer@test.dev" }, store)).data
        .cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: session.variantId, quantity }, store)
      const collection = await api.post("/store/payment-collections", { cart_id: cart.id }, store)
      await api.post(
        `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        store
      )
      const completed = await api.post(`/store/carts/${cart.id}/complete`, {}, store)
      expect(completed.data.type).toBe("order")
      return completed.data.order.id as string
    }

    describe("POST /admin/orders/:id/cancel", () => {
      it("frees the order's seat of a full session: the first WAITING customer is OFFERED and told over socket.io", async () => {
        const orderId = await placeOrder(1)
        const customers: { token: string; customerId: string }[] = []
        for (const name of ["ada", "bob", "cyd"]) {
          const customer = await createCustomer(api, setup.publishableKey, `${name}-${Date.now()}@test.dev`)
          const joined = await api.post(
            `/store/sessions/${session.variantId}/waitlist`,
            {},
            storeHeaders(setup, customer.token)
          )
          expect(joined.status).toBe(201)
          customers.push(customer)
        }
        const [ada, bob, cyd] = customers
        const admin = await adminHeaders(api, getContainer())
        const detail = async () =>
          (await api.get(`/admin/sessions/${session.variantId}/waitlist`, admin)).data as {
            session: Record<string, unknown>
            waitlist_entries: (Entry & { customer: { email: string } | null })[]
          }

        const before = await detail()
        expect(before.session).toMatchObject({ capacity: 1, sold: 1, unreserved: 0, held: 0, waiting: 3, offerable: 0 })
        expect(before.waitlist_entries.map((entry) => [entry.customer_id, entry.status, entry.position])).toEqual([
          [ada.customerId, "WAITING", 1],
          [bob.customerId, "WAITING", 2],
          [cyd.customerId, "WAITING", 3],
        ])
        expect(before.waitlist_entries[0].customer?.email).toMatch(/^ada-/)
        const summary = await api.get("/admin/waitlists", admin)
        expect(summary.data.waitlists).toEqual([
          expect.objectContaining({
            session_id: session.variantId,
            title: "Closing Keynote – General Admission",
            capacity: 1,
            sold: 1,
            held: 0,
            waiting: 3,
            offered: 0,
          }),
        ])

        const socket = connectSocket(api.defaults.baseURL as string, ada.token)
        sockets.push(socket)
        await waitForConnect(socket)

        // Only the cancellation may free the seat here, not the every-minute reconciliation job.
        // The wait can take most of a minute, so the push's deadline starts after it.
        await clearOfMinuteTick(3, 40)
        const offered = nextEvent<OfferPayload>(socket, "WAITLIST_OFFER", 30_000)
        const canceled = await api.post(`/admin/orders/${orderId}/cancel`, {}, admin)
        expect(canceled.status).toBe(200)
        expect(canceled.data.order.status).toBe("canceled")

        const offer = await offered
        expect(offer).toMatchObject({ session_id: session.variantId, join_token: expect.any(String) })
        const after = await eventually(async () => {
          const current = await detail()
          return current.waitlist_entries[0].status === "OFFERED" && current
        })
        expect(after.waitlist_entries.map((entry) => [entry.customer_id, entry.status, entry.position])).toEqual([
          [ada.customerId, "OFFERED", null],
          [bob.customerId, "WAITING", 1],
          [cyd.customerId, "WAITING", 2],
        ])
        expect(after.waitlist_entries[0].offer_expires_at).toBe(offer.expires_at)
        expect(after.session).toMatchObject({ capacity: 1, sold: 0, unreserved: 1, held: 1, offerable: 0 })
      })
    })
  },
})
