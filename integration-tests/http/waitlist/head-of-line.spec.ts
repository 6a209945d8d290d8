import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow, updateInventoryLevelsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { Socket } from "socket.io-client"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { createTicketProduct, TicketProduct } from "../../helpers/ticket-product"
import { clearOfMinuteTick, connectSocket, enableWaitlist, eventually, nextEvent, waitForConnect } from "./helpers"

jest.setTimeout(180_000)

type Customer = { token: string; customerId: string }

/**
 * Seen (#16, 2): a join with quantity 4 on a session of capacity 3 was accepted; with a head entry
 * wanting 3 and one seat freed, strict FIFO offered nobody, public_available stayed 0, every public
 * cart was refused and offer-next followed the same rule; `session_id` could be any
 * managed-inventory variant (merchandise, unpublished, never enabled). Same sequences, now.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let sockets: Socket[] = []

    const as = (customer: Customer) => storeHeaders(setup, customer.token)
    const customer = (name: string) => createCustomer(api, setup.publishableKey, `${name}-${Date.now()}@test.dev`)
    const join = (session: TicketProduct, who: Customer, quantity = 1) =>
      api.post(`/store/sessions/${session.variantId}/waitlist`, { quantity }, as(who))
    const open = async (who: Customer) => {
      const socket = connectSocket(api.defaults.baseURL as string, who.token)
      sockets.push(socket)
      await waitForConnect(socket)
      return socket
    }
    const setStock = (session: TicketProduct, stocked_quantity: number) =>
      updateInventoryLevelsWorkflow(getContainer()).run({
        input: {
          updates: [{ inventory_item_id: session.inventoryItemId, location_id: session.locationId, stocked_quantity }],
        },
      })
    /** A session of `capacity` seats, all sold (Medusa reservations), with a waitlist. */
    const soldOut = async (title: string, capacity: number) => {
      const session = await createTicketProduct(getContainer(), setup, { stock: capacity, title })
      await getContainer()
        .resolve(Modules.INVENTORY)
        .createReservationItems([
          { inventory_item_id: session.inventoryItemId, location_id: session.locationId, quantity: capacity },
        ])
      await enableWaitlist(getContainer(), session.variantId)
      return session
    }
    const publicCart = async (who: Customer, session: TicketProduct) =>
      api
        .post("/store/carts", { region_id: setup.regionId, items: [{ variant_id: session.variantId, quantity: 1 }] }, as(who))
        .catch((e) => e)

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
    })

    afterEach(() => {
      sockets.forEach((socket) => socket.close())
      sockets = []
    })

    it("head wants 10 of a larger session, 2 seats freed: the next entries that fit are offered, the head stays first", async () => {
      const session = await soldOut("Big Hall", 12)
      const [head, b, c, d] = [await customer("head"), await customer("b"), await customer("c"), await customer("d")]
      expect((await join(session, head, 10)).status).toBe(201)
      await join(session, b, 3)
      await join(session, c, 1)
      await join(session, d, 1)
      const [socketC, socketD] = [await open(c), await open(d)]
      await clearOfMinuteTick()
      const offers = Promise.all([nextEvent(socketC, "WAITLIST_OFFER"), nextEvent(socketD, "WAITLIST_OFFER")])
      await setStock(session, 14) // two seats freed
      await offers

      const headEntry = await api.get(`/store/sessions/${session.variantId}/waitlist`, as(head))
      expect(headEntry.data.waitlist_entry).toMatchObject({ status: "WAITING", position: 1, total: 2 })
      const admin = await adminHeaders(api, getContainer())
      const detail = await api.get(`/admin/sessions/${session.variantId}/waitlist`, admin)
      expect(detail.data.waitlist_entries.map((e: { status: string; skip_count: number }) => [e.status, e.skip_count])).toEqual([
        ["WAITING", 1],
        ["WAITING", 0],
        ["OFFERED", 0],
        ["OFFERED", 0],
      ])
      expect(detail.data.session).toMatchObject({ capacity: 14, held: 2, offerable: 0, public_available: 0 })
    })

    it("caps the quantity at the session's capacity; a freed seat nobody ahead can use goes to whoever fits, or back on sale", async () => {
      const session = await soldOut("Small Room", 3)
      const [big, head, small, outsider] = [await customer("big"), await customer("head"), await customer("small"), await customer("out")]
      const tooMany = await join(session, big, 4).catch((e) => e)
      expect(tooMany.response.status).toBe(400)
      expect(tooMany.response.data).toEqual({
        type: "invalid_data",
        message: "A waitlist entry of this session may ask for at most 3 seat(s)",
      })
      await join(session, head, 3)
      await join(session, small, 1)
      const socketSmall = await open(small)
      await clearOfMinuteTick()
      const offered = nextEvent(socketSmall, "WAITLIST_OFFER")
      await setStock(session, 4) // one seat freed
      await offered // the entry that fits is offered; strict FIFO offered nobody

      const admin = await adminHeaders(api, getContainer())
      const offerNext = await api.post(`/admin/sessions/${session.variantId}/waitlist/offer-next`, { count: 1 }, admin)
      expect(offerNext.data.offered).toEqual([])

      // Another seat frees and only the head (wanting 3 of the 2 unsold) waits: nobody can use it, it is for sale.
      await setStock(session, 5)
      const detail = await eventually(async () => {
        const answer = await api.get(`/admin/sessions/${session.variantId}/waitlist`, admin)
        return answer.data.session.public_available === 1 && answer
      })
      expect(detail.data.session).toMatchObject({ capacity: 5, held: 1, waiting: 3, offerable: 1, public_available: 1 })
      const cart = await publicCart(outsider, session)
      expect(cart.status).toBe(200)
    })

    it("only sessions the organizer enabled have a waitlist; nothing reveals stock of other or unpublished variants", async () => {
      const [alice] = [await customer("alice")]
      const notEnabled = await createTicketProduct(getContainer(), setup, { stock: 0, title: "Brand-new session" })
      const refused = await join(notEnabled, alice).catch((e) => e)
      expect(refused.response.status).toBe(404)
      expect(refused.response.data).toEqual({
        type: "not_found",
        message: `Session ${notEnabled.variantId} has no waitlist`,
      })

      // Enabled, but the product is unpublished: the same answer, no stock figure.
      const hidden = await createTicketProduct(getContainer(), setup, { stock: 5, title: "Unpublished" })
      await enableWaitlist(getContainer(), hidden.variantId)
      await updateProductsWorkflow(getContainer()).run({
        input: { selector: { id: hidden.productId }, update: { status: ProductStatus.DRAFT } },
      })
      const unpublished = await join(hidden, alice).catch((e) => e)
      expect(unpublished.response.status).toBe(404)
      expect(JSON.stringify(unpublished.response.data)).not.toMatch(/seat/)

      // Merchandise without managed inventory: no waitlist either.
      const { result } = await createProductsWorkflow(getContainer()).run({
        input: {
          products: [
            {
              title: "T-shirt",
              status: ProductStatus.PUBLISHED,
              options: [{ title: "Size", values: ["M"] }],
              variants: [{ title: "M", manage_inventory: false, options: { Size: "M" }, prices: [{ amount: 20, currency_code: "eur" }] }],
              sales_channels: [{ id: setup.salesChannelId }],
            },
          ],
        },
      })
      const merch = await api
        .post(`/store/sessions/${result[0].variants[0].id}/waitlist`, {}, as(alice))
        .catch((e) => e)
      expect(merch.response.status).toBe(404)

      // A product-level setting enables every session of the event; a session's own setting wins.
      const admin = await adminHeaders(api, getContainer())
      await api.post(`/admin/events/${notEnabled.productId}/waitlist-settings`, { enabled: true }, admin)
      expect((await join(notEnabled, alice)).status).toBe(201)
      await api.post(`/admin/sessions/${notEnabled.variantId}/waitlist/settings`, { enabled: false }, admin)
      const [bob] = [await customer("bob")]
      expect((await join(notEnabled, bob).catch((e) => e)).response.status).toBe(404)
      const settings = await api.get(`/admin/events/${notEnabled.productId}/waitlist-settings`, admin)
      expect(settings.data.waitlist_settings).toEqual({
        event_id: notEnabled.productId,
        enabled: true,
        sessions: [{ session_id: notEnabled.variantId, title: "General Admission", own: false, enabled: false }],
      })
      await api.post(`/admin/sessions/${notEnabled.variantId}/waitlist/settings`, { enabled: null }, admin)
      expect((await join(notEnabled, bob)).status).toBe(201) // follows the event again
    })
  },
})
