import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { updateInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import type { Socket } from "socket.io-client"
import expireWaitlistOffersJob from "../../../src/jobs/expire-waitlist-offers"
import { WAITLIST_MODULE } from "../../../src/modules/waitlist"
import type WaitlistModuleService from "../../../src/modules/waitlist/service"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { createTicketProduct, TicketProduct } from "../../helpers/ticket-product"
import { clearOfMinuteTick, connectSocket, enableWaitlist, eventually, nextEvent, waitForConnect } from "./helpers"

jest.setTimeout(180_000)

type Customer = { token: string; customerId: string }
type Entry = { id: string; customer_id: string; status: string; audit: { action: string; details: Record<string, unknown> | null }[] }

/**
 * Seen (#16, 1): after accept the entry stayed ACCEPTED forever; raising stock 0→1 produced no offer
 * because an old unpaid accepted cart held the seat; the admin showed held: 2, capacity: 0 and had
 * no release action. Same request sequence, now: accepted seats lapse, the organizer can release
 * or remove entries (one or many), and freed seats are offered on without a click.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let session: TicketProduct
    let sockets: Socket[] = []

    const path = (suffix = "") => `/store/sessions/${session.variantId}/waitlist${suffix}`
    const adminPath = (suffix = "") => `/admin/sessions/${session.variantId}/waitlist${suffix}`
    const as = (customer: Customer) => storeHeaders(setup, customer.token)
    const customer = (name: string) => createCustomer(api, setup.publishableKey, `${name}-${Date.now()}@test.dev`)
    const open = async (who: Customer) => {
      const socket = connectSocket(api.defaults.baseURL as string, who.token)
      sockets.push(socket)
      await waitForConnect(socket)
      return socket
    }
    const setStock = (stocked_quantity: number) =>
      updateInventoryLevelsWorkflow(getContainer()).run({
        input: {
          updates: [{ inventory_item_id: session.inventoryItemId, location_id: session.locationId, stocked_quantity }],
        },
      })
    const entryOf = (entries: Entry[], who: Customer) => entries.find((entry) => entry.customer_id === who.customerId)!

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
      session = await createTicketProduct(getContainer(), setup, { stock: 0, title: "Late Workshop" })
      await enableWaitlist(getContainer(), session.variantId)
    })

    afterEach(() => {
      sockets.forEach((socket) => socket.close())
      sockets = []
    })

    it("an unpaid accepted seat lapses, the organizer releases and removes entries, freed seats are offered on", async () => {
      const [a, b, c, d] = [await customer("a"), await customer("b"), await customer("c"), await customer("d")]
      for (const who of [a, b, c, d]) {
        expect((await api.post(path(), {}, as(who))).status).toBe(201)
      }
      const [socketA, socketB, socketC] = [await open(a), await open(b), await open(c)]
      await clearOfMinuteTick()
      const offers = Promise.all([nextEvent<{ join_token: string }>(socketA, "WAITLIST_OFFER"), nextEvent<{ join_token: string }>(socketB, "WAITLIST_OFFER")])
      await setStock(2)
      const [offerA, offerB] = await offers
      const cartA = (await api.post(path("/accept"), { join_token: offerA.join_token }, as(a))).data
      expect(cartA.waitlist_entry).toMatchObject({ status: "ACCEPTED", checkout_expires_at: expect.any(String) })
      const deadline = new Date(cartA.waitlist_entry.checkout_expires_at).getTime()
      expect(deadline).toBeGreaterThan(Date.now() + 14 * 60_000) // waitlistCheckoutMinutes, default 15
      expect(deadline).toBeLessThan(Date.now() + 16 * 60_000)
      await api.post(path("/accept"), { join_token: offerB.join_token }, as(b))

      // The organizer lowers the stock, then raises it 0 → 1: both accepted carts still hold their seats.
      await setStock(0)
      const admin = await adminHeaders(api, getContainer())
      const before = await api.get(adminPath(), admin)
      expect(before.data.session).toMatchObject({ capacity: 0, held: 2, waitlist_enabled: true })
      await setStock(1)
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      const stillHeld = await api.get(adminPath(), admin)
      expect(entryOf(stillHeld.data.waitlist_entries, c).status).toBe("WAITING")

      // Release: the organizer takes B's seat back; B is told why. One seat is still held by A's cart (1 of 1).
      const releasedB = nextEvent<{ reason: string; message: string }>(socketB, "WAITLIST_OFFER_EXPIRED")
      const entryB = entryOf(before.data.waitlist_entries, b)
      const released = await api.post(adminPath("/release"), { entry_ids: [entryB.id] }, admin)
      expect(released.data).toEqual({
        released: [{ id: entryB.id, previous_status: "ACCEPTED", reason: "released_by_organizer" }],
        count: 1,
      })
      expect(await releasedB).toMatchObject({ session_id: session.variantId, reason: "released_by_organizer" })

      // A's checkout is not completed in time: the seat returns to the pool and is offered to C, no click needed.
      const waitlist: WaitlistModuleService = getContainer().resolve(WAITLIST_MODULE)
      const entryA = entryOf(before.data.waitlist_entries, a)
      await waitlist.updateWaitlistEntries({ id: entryA.id, checkout_expires_at: new Date(Date.now() - 1000) })
      const lapsedA = nextEvent<{ reason: string; message: string }>(socketA, "WAITLIST_OFFER_EXPIRED")
      const offeredC = nextEvent<{ join_token: string }>(socketC, "WAITLIST_OFFER")
      await expireWaitlistOffersJob(getContainer())
      expect(await lapsedA).toEqual({
        session_id: session.variantId,
        reason: "checkout_not_completed",
        message: expect.stringMatching(/checkout was not completed in time/),
      })
      await offeredC

      // A's old cart no longer holds a seat: completing it is refused (the seat is C's now).
      const late = await api.post(`/store/carts/${cartA.cart.id}/complete`, {}, as(a)).catch((e) => e)
      expect(late.response.status).toBe(400)
      expect(late.response.data).toMatchObject({ type: "not_allowed", message: expect.stringMatching(/held for customers on its waitlist/) })

      // The admin shows why: every ended entry's audit trail names its reason.
      const after = (await api.get(adminPath(), admin)).data
      expect(after.session).toMatchObject({ capacity: 1, held: 1, offerable: 0 })
      expect(entryOf(after.waitlist_entries, a).audit.map((row: Entry["audit"][number]) => row.action)).toEqual([
        "JOINED",
        "OFFERED",
        "ACCEPTED",
        "EXPIRED",
      ])
      expect(entryOf(after.waitlist_entries, a).audit[3].details).toMatchObject({ reason: "checkout_not_completed" })
      expect(entryOf(after.waitlist_entries, b).audit[3].details).toMatchObject({ reason: "released_by_organizer" })
      expect(entryOf(after.waitlist_entries, c).status).toBe("OFFERED")

      // Remove many at once (an offered and a waiting entry); C's seat passes to nobody (D is removed too),
      // and the organizer can offer again from the admin once someone waits.
      const [entryC, entryD] = [entryOf(after.waitlist_entries, c), entryOf(after.waitlist_entries, d)]
      const removedC = nextEvent<{ reason: string }>(socketC, "WAITLIST_OFFER_EXPIRED")
      const removed = await api.post(adminPath("/remove"), { entry_ids: [entryC.id, entryD.id, entryA.id] }, admin)
      expect(removed.data.count).toBe(2)
      expect(removed.data.removed.map((row: { id: string }) => row.id).sort()).toEqual([entryC.id, entryD.id].sort())
      expect((await removedC).reason).toBe("removed_by_organizer")
      const nothing = await api.post(adminPath("/remove"), { entry_ids: [entryA.id] }, admin).catch((e) => e)
      expect(nothing.response.status).toBe(400)
      expect(nothing.response.data.message).toMatch(/cannot be removed/)

      const e = await customer("e")
      // The seat is free and nobody is waiting: it is for sale again, so joining answers 409 (buy it instead).
      const join = await eventually(async () => {
        const answer = await api.post(path(), {}, as(e)).catch((err) => err)
        return answer.response?.status === 409 && answer
      })
      expect(join.response.data.message).toMatch(/still has 1 seat\(s\) for sale/)
      const reoffer = await api.post(adminPath("/offer-next"), { count: 1 }, admin)
      expect(reoffer.data.offered).toEqual([])
    })
  },
})
