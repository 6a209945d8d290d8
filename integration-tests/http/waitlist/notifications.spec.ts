import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { updateInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import type { Socket } from "socket.io-client"
import expireWaitlistOffersJob from "../../../src/jobs/expire-waitlist-offers"
import { WAITLIST_MODULE } from "../../../src/modules/waitlist"
import type WaitlistModuleService from "../../../src/modules/waitlist/service"
import { createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { createTicketProduct, TicketProduct } from "../../helpers/ticket-product"
import { clearOfMinuteTick, connectSocket, enableWaitlist, eventually, nextEvent, waitForConnect } from "./helpers"

jest.setTimeout(180_000)

// Medusa's local notification provider on `email` (it logs instead of sending); the storefront URL of the links.
process.env.MONETIZATION_NOTIFICATION_LOCAL_CHANNEL = "email"
process.env.MONETIZATION_OPTIONS = JSON.stringify({ waitlistNotifications: { storefrontUrl: "https://shop.example.test" } })
afterAll(() => {
  delete process.env.MONETIZATION_NOTIFICATION_LOCAL_CHANNEL
  delete process.env.MONETIZATION_OPTIONS
})

type Customer = { token: string; customerId: string }
type Notification = {
  to: string
  channel: string
  template: string
  data: Record<string, unknown>
  idempotency_key: string
  receiver_id: string
  status: string
}

/**
 * Seen (#16, 3): the join token reached the attendee only over the socket. Now every seat offer
 * (and its lapse) is also a notification through Medusa's Notification Module.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let session: TicketProduct
    let sockets: Socket[] = []

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
      session = await createTicketProduct(getContainer(), setup, { stock: 0, title: "Night Session" })
      await enableWaitlist(getContainer(), session.variantId)
    })

    afterEach(() => {
      sockets.forEach((socket) => socket.close())
      sockets = []
    })

    const notificationsOf = async (customer: Customer) =>
      (await getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ receiver_id: customer.customerId }, { order: { created_at: "ASC" } })) as unknown as Notification[]

    it("sends each seat offer and its lapse as a notification with the session, the expiry and an accept link", async () => {
      const email = `night-${Date.now()}@test.dev`
      const alice = await createCustomer(api, setup.publishableKey, email)
      await api.post(`/store/sessions/${session.variantId}/waitlist`, {}, storeHeaders(setup, alice.token))
      const socket = connectSocket(api.defaults.baseURL as string, alice.token)
      sockets.push(socket)
      await waitForConnect(socket)
      await clearOfMinuteTick()
      const offered = nextEvent<{ join_token: string; expires_at: string }>(socket, "WAITLIST_OFFER")
      await updateInventoryLevelsWorkflow(getContainer()).run({
        input: { updates: [{ inventory_item_id: session.inventoryItemId, location_id: session.locationId, stocked_quantity: 1 }] },
      })
      const offer = await offered

      const [sent] = await eventually(async () => {
        const list = await notificationsOf(alice)
        return list.length >= 1 && list
      })
      process.stdout.write(`[waitlist] offer notification: ${JSON.stringify(sent, null, 2)}\n`)
      const [entry] = await getContainer()
        .resolve<WaitlistModuleService>(WAITLIST_MODULE)
        .listWaitlistEntries({ customer_id: alice.customerId })
      expect(sent).toMatchObject({
        to: email,
        channel: "email",
        template: "waitlist-offer",
        receiver_id: alice.customerId,
        idempotency_key: `waitlist-offer:${entry.id}:${offer.expires_at}`,
        data: {
          session_id: session.variantId,
          session_title: "Night Session – General Admission",
          quantity: 1,
          expires_at: offer.expires_at,
          accept_url: `https://shop.example.test/waitlist/accept?session_id=${session.variantId}&join_token=${encodeURIComponent(offer.join_token)}`,
        },
      })
      expect(sent.status).toBe("success")

      // The offer lapses: the attendee is told off the page too.
      const waitlist = getContainer().resolve<WaitlistModuleService>(WAITLIST_MODULE)
      await waitlist.updateWaitlistEntries({ id: entry.id, offer_expires_at: new Date(Date.now() - 1000) })
      await expireWaitlistOffersJob(getContainer())
      const both = await eventually(async () => {
        const list = await notificationsOf(alice)
        return list.length >= 2 && list
      })
      expect(both[1]).toMatchObject({
        to: email,
        channel: "email",
        template: "waitlist-offer-expired",
        idempotency_key: `waitlist-offer-expired:${entry.id}:offer_lapsed`,
        data: { session_id: session.variantId, reason: "offer_lapsed", message: expect.any(String) },
      })
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(await notificationsOf(alice)).toHaveLength(2)
    })
  },
})
