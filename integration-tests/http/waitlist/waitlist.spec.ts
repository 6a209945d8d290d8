import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import type { Socket } from "socket.io-client"
import expireWaitlistOffersJob from "../../../src/jobs/expire-waitlist-offers"
import { WAITLIST_MODULE } from "../../../src/modules/waitlist"
import type WaitlistModuleService from "../../../src/modules/waitlist/service"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { createTicketProduct, TicketProduct } from "../../helpers/ticket-product"
import { connectSocket, emitWithAck, eventually, nextEvent, nextEventWhere, waitForConnect, enableWaitlist } from "./helpers"

jest.setTimeout(120_000)

type Customer = { token: string; customerId: string }
type OfferPayload = { session_id: string; title: string; message: string; join_token: string; expires_at: string }
type Position = { session_id: string; position: number; total: number; estimated_wait_minutes: number }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let session: TicketProduct
    let sockets: Socket[] = []

    const url = () => api.defaults.baseURL as string
    const path = (suffix = "") => `/store/sessions/${session.variantId}/waitlist${suffix}`
    const as = (customer?: Customer) => storeHeaders(setup, customer?.token)
    const open = async (customer: Customer) => {
      const socket = connectSocket(url(), customer.token)
      sockets.push(socket)
      await waitForConnect(socket)
      return socket
    }
    const customers = async (n: number) => {
      const list: Customer[] = []
      for (let i = 0; i < n; i++) {
        list.push(await createCustomer(api, setup.publishableKey, `c${i}-${Date.now()}@test.dev`))
      }
      return list
    }
    const setStock = async (stocked_quantity: number) =>
      updateInventoryLevelsWorkflow(getContainer()).run({
        input: {
          updates: [{ inventory_item_id: session.inventoryItemId, location_id: session.locationId, stocked_quantity }],
        },
      })

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
      session = await createTicketProduct(getContainer(), setup, { stock: 0, title: "Keynote" })
      await enableWaitlist(getContainer(), session.variantId)
    })

    afterEach(() => {
      sockets.forEach((socket) => socket.close())
      sockets = []
    })

    describe("Socket.io authentication", () => {
      it("refuses a bad, missing or query-string token and accepts a customer token in auth", async () => {
        const bad = connectSocket(url(), "not-a-jwt")
        sockets.push(bad)
        await expect(waitForConnect(bad)).rejects.toThrow(/Unauthorized/)
        const none = connectSocket(url(), undefined)
        sockets.push(none)
        await expect(waitForConnect(none)).rejects.toThrow(/Unauthorized/)

        const [alice] = await customers(1)
        const viaQuery = connectSocket(url(), alice.token, "query")
        sockets.push(viaQuery)
        await expect(waitForConnect(viaQuery)).rejects.toThrow(/Unauthorized/)
        const viaAuth = connectSocket(url(), alice.token)
        sockets.push(viaAuth)
        await waitForConnect(viaAuth)
        expect(viaAuth.connected).toBe(true)
      })
    })

    describe("POST /store/sessions/:session_id/waitlist", () => {
      it("answers 409 with the plugin's own message while the session has seats for sale", async () => {
        await setStock(5)
        const [alice] = await customers(1)
        const error = await api.post(path(), {}, as(alice)).catch((e) => e)
        expect(error.response.status).toBe(409)
        // Seen: Medusa's generic "The request conflicted with another request… Idempotency-Key" text.
        expect(error.response.data).toEqual({
          type: "conflict",
          message: `Session ${session.variantId} still has 5 seat(s) for sale: buy one instead`,
        })
      })

      it("requires a customer", async () => {
        const error = await api.post(path(), {}, as()).catch((e) => e)
        expect(error.response.status).toBe(401)
      })

      it("queues customers first in, first out; joining twice answers the same entry", async () => {
        const [a, b, c] = await customers(3)
        const first = await api.post(path(), {}, as(a))
        expect(first.status).toBe(201)
        const socketA = await open(a)
        // Everyone on the list sees it grow, live.
        const grown = nextEventWhere<Position>(socketA, "WAITLIST_POSITION_UPDATE", (p) => p.total === 2)
        expect(first.data.waitlist_entry).toMatchObject({
          id: expect.stringMatching(/^mwle_/),
          session_id: session.variantId,
          status: "WAITING",
          position: 1,
          total: 1,
          estimated_wait_minutes: 15,
        })
        await api.post(path(), {}, as(b))
        expect(await grown).toEqual({ session_id: session.variantId, position: 1, total: 2, estimated_wait_minutes: 15 })
        const third = await api.post(path(), { quantity: 1 }, as(c))
        expect(third.data.waitlist_entry).toMatchObject({ position: 3, total: 3, estimated_wait_minutes: 45 })

        const again = await api.post(path(), {}, as(a))
        expect(again.data.waitlist_entry.id).toBe(first.data.waitlist_entry.id)
        expect(again.data.waitlist_entry.position).toBe(1)

        const position = await api.get(path("/position"), as(b))
        expect(position.data.waitlist_entry).toMatchObject({ position: 2, total: 3, status: "WAITING", offer: null })
      })

      it("after a burst of joins the first customer's last update is the final list, never a stale one", async () => {
        const [first, ...others] = await customers(9)
        await api.post(path(), {}, as(first))
        const socket = await open(first)
        const updates: Position[] = []
        socket.on("WAITLIST_POSITION_UPDATE", (update: Position) => updates.push(update))
        const complete = nextEventWhere<Position>(socket, "WAITLIST_POSITION_UPDATE", (p) => p.total === 9)
        await Promise.all(others.map((customer) => api.post(path(), {}, as(customer))))
        await complete
        // Pushes of one session never overlap, so none computed earlier can arrive after this one.
        await new Promise((resolve) => setTimeout(resolve, 1_000))
        process.stdout.write(`[waitlist] ${others.length} concurrent joins → ${updates.length} position updates to the first customer\n`)
        // At most one per join (the first join's own update may still be on its way when the socket opens).
        expect(updates.length).toBeLessThanOrEqual(others.length + 1)
        expect(updates[updates.length - 1]).toEqual({
          session_id: session.variantId,
          position: 1,
          total: 9,
          estimated_wait_minutes: 15,
        })
      })
    })

    describe("DELETE /store/sessions/:session_id/waitlist", () => {
      it("leaves; everyone still waiting gets WAITLIST_POSITION_UPDATE and join_room is only for members", async () => {
        const [a, b, c] = await customers(3)
        for (const customer of [a, b, c]) {
          await api.post(path(), {}, as(customer))
        }
        const socketC = await open(c)
        const socketA = await open(a)
        expect(await emitWithAck(socketC, "join_room", `session:${session.variantId}:waitlist`)).toEqual({ ok: true })
        expect(await emitWithAck(socketC, "join_room", "session:variant_other:waitlist")).toMatchObject({ ok: false })

        const shrunk = (p: Position) => p.total === 2
        const update = nextEventWhere(socketC, "WAITLIST_POSITION_UPDATE", shrunk)
        const aUpdate = nextEventWhere(socketA, "WAITLIST_POSITION_UPDATE", shrunk)
        const left = await api.delete(path(), as(b))
        expect(left.data).toMatchObject({ object: "waitlist_entry", deleted: true })
        expect(await update).toEqual({ session_id: session.variantId, position: 2, total: 2, estimated_wait_minutes: 30 })
        // A keeps its place; only the total it sees changed.
        expect(await aUpdate).toEqual({ session_id: session.variantId, position: 1, total: 2, estimated_wait_minutes: 15 })

        const socketB = await open(b)
        expect(await emitWithAck(socketB, "join_room", `session:${session.variantId}:waitlist`)).toMatchObject({
          ok: false,
          error: "You are not on this waitlist",
        })
        const gone = await api.delete(path(), as(b)).catch((e) => e)
        expect(gone.response.status).toBe(404)
      })
    })

    describe("GET /store/sessions/:session_id/waitlist", () => {
      it("counts only customers still waiting ahead, whoever left or was offered in between", async () => {
        const [a, b, c, d, e] = await customers(5)
        for (const customer of [a, b, c, d, e]) {
          await api.post(path(), {}, as(customer))
        }
        await api.delete(path(), as(b))
        await api.delete(path(), as(d))
        await setStock(1)
        await eventually(async () => (await api.get(path(), as(a))).data.waitlist_entry.status === "OFFERED")

        expect((await api.get(path(), as(a))).data.waitlist_entry).toMatchObject({ position: 0, total: 2 })
        expect((await api.get(path(), as(c))).data.waitlist_entry).toMatchObject({ position: 1, total: 2 })
        expect((await api.get(path(), as(e))).data.waitlist_entry).toMatchObject({ position: 2, total: 2 })
        const rejoined = await api.post(path(), {}, as(b))
        expect(rejoined.data.waitlist_entry).toMatchObject({ status: "WAITING", position: 3, total: 3 })
      })
    })

    describe("seat freed → offer → accept", () => {
      it("offers a freed seat live, holds it from public sale, and a double accept yields one seat", async () => {
        const [a, b, outsider] = await customers(3)
        await api.post(path(), {}, as(a))
        await api.post(path(), {}, as(b))
        const socketA = await open(a)
        const socketB = await open(b)
        const bMoved = nextEventWhere<Position>(socketB, "WAITLIST_POSITION_UPDATE", (p) => p.position === 1)

        // This host has Medusa's default Notification Module (only `notification-local` on `feed`): sending the
        // offer on `email` fails, is logged, and never undoes the offer.
        const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
        const warn = jest.spyOn(logger, "warn")
        const offered = nextEvent<OfferPayload>(socketA, "WAITLIST_OFFER")
        await setStock(1) // the organizer adds a seat (latency: npm run bench)
        const offer = await offered
        const logged = await eventually(async () =>
          warn.mock.calls.map(([line]) => String(line)).find((line) => line.includes("waitlist.offered notification"))
        )
        expect(logged).toMatch(/not sent \(the offer stands\): .*channel: email/)
        warn.mockRestore()
        expect(Object.keys(offer).sort()).toEqual(["expires_at", "join_token", "message", "session_id", "title"])
        expect(offer).toMatchObject({ session_id: session.variantId, join_token: expect.any(String) })
        expect(offer.title).toContain("Keynote")
        expect(new Date(offer.expires_at).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000)
        expect(await bMoved).toMatchObject({ position: 1, total: 1 })

        const mine = await api.get(path(), as(a))
        expect(mine.data.waitlist_entry).toMatchObject({ status: "OFFERED", offer: { expires_at: offer.expires_at } })

        // Public purchase is blocked while the seat is held
        const cart = await api.post("/store/carts", { region_id: setup.regionId }, as(outsider))
        const blocked = await api
          .post(`/store/carts/${cart.data.cart.id}/line-items`, { variant_id: session.variantId, quantity: 1 }, as(outsider))
          .catch((e) => e)
        expect(blocked.response.status).toBe(400)
        expect(blocked.response.data.message).toMatch(/held for customers on its waitlist/)
        const direct = await api
          .post("/store/carts", { region_id: setup.regionId, items: [{ variant_id: session.variantId, quantity: 1 }] }, as(outsider))
          .catch((e) => e)
        expect(direct.response.status).toBe(400)
        // ... and joining the list is still possible (the session is full for the public)
        expect((await api.post(path(), {}, as(outsider))).status).toBe(201)

        // Someone else's token or a wrong token is refused
        const stolen = await api.post(path("/accept"), { join_token: offer.join_token }, as(b)).catch((e) => e)
        expect(stolen.response.status).toBe(400)

        // Two concurrent accepts of the same token: exactly one cart
        const attempts = await Promise.all([
          api.post(path("/accept"), { join_token: offer.join_token }, as(a)).catch((e) => e),
          api.post(path("/accept-offer"), { join_token: offer.join_token }, as(a)).catch((e) => e),
        ])
        const ok = attempts.filter((r) => r.status === 200)
        const refused = attempts.filter((r) => r.response?.status === 400)
        expect(ok).toHaveLength(1)
        expect(refused).toHaveLength(1)
        expect(refused[0].response.data.message).toMatch(/already used/)
        expect(ok[0].data.cart.customer_id).toBe(a.customerId)
        expect(ok[0].data.cart.items).toEqual([
          expect.objectContaining({ variant_id: session.variantId, quantity: 1 }),
        ])
        expect(ok[0].data.waitlist_entry).toMatchObject({ status: "ACCEPTED", cart_id: ok[0].data.cart.id })

        // The seat stays held for the accepted cart; B is not offered a second one
        const admin = await adminHeaders(api, getContainer())
        const detail = await api.get(`/admin/sessions/${session.variantId}/waitlist`, admin)
        expect(detail.data.session).toMatchObject({ unreserved: 1, held: 1, offerable: 0, public_available: 0 })
        expect(detail.data.waitlist_entries.map((e: { status: string }) => e.status)).toEqual([
          "ACCEPTED",
          "WAITING",
          "WAITING",
        ])
        expect(detail.data.waitlist_entries[0].audit.map((row: { action: string }) => row.action)).toEqual([
          "JOINED",
          "OFFERED",
          "ACCEPTED",
        ])
        const summary = await api.get("/admin/waitlists", admin)
        expect(summary.data.waitlists).toEqual([
          expect.objectContaining({ session_id: session.variantId, waiting: 2, accepted: 1, held: 1 }),
        ])
      })
    })

    describe("expiry, decline and admin offer-next", () => {
      it("an expired offer tells the customer WAITLIST_OFFER_EXPIRED and offers the next customer", async () => {
        const [a, b, c] = await customers(3)
        for (const customer of [a, b, c]) {
          await api.post(path(), {}, as(customer))
        }
        const socketA = await open(a)
        const socketB = await open(b)
        const socketC = await open(c)
        const offeredA = nextEvent<OfferPayload>(socketA, "WAITLIST_OFFER")
        await setStock(1)
        const offerA = await offeredA

        // the offer lapses
        const waitlist: WaitlistModuleService = getContainer().resolve(WAITLIST_MODULE)
        const [entryA] = await waitlist.listWaitlistEntries({ customer_id: a.customerId })
        await waitlist.updateWaitlistEntries({ id: entryA.id, offer_expires_at: new Date(Date.now() - 1000) })

        const expired = nextEvent(socketA, "WAITLIST_OFFER_EXPIRED")
        const offeredB = nextEvent<OfferPayload>(socketB, "WAITLIST_OFFER")
        const movedC = nextEventWhere<Position>(socketC, "WAITLIST_POSITION_UPDATE", (p) => p.position === 1)
        await expireWaitlistOffersJob(getContainer())
        expect(await expired).toEqual({ session_id: session.variantId, message: expect.any(String), reason: "offer_lapsed" })
        const offerB = await offeredB
        expect(await movedC).toMatchObject({ position: 1, total: 1 })

        // an expired token cannot be used
        const late = await api.post(path("/accept"), { join_token: offerA.join_token }, as(a)).catch((e) => e)
        expect(late.response.status).toBe(400)

        // B declines → C is offered
        const offeredC = nextEvent<OfferPayload>(socketC, "WAITLIST_OFFER")
        const declined = await api.post(path("/decline"), { join_token: offerB.join_token }, as(b))
        expect(declined.data.waitlist_entry.status).toBe("DECLINED")
        await offeredC

        // The server recorded the waitlist analytics events
        const events = getContainer().resolve("monetizationEvent") as {
          listMonetizationEvents: (f: Record<string, unknown>) => Promise<{ type: string }[]>
        }
        const types = await eventually(async () => {
          const rows = await events.listMonetizationEvents({ source: "server" })
          const set = new Set(rows.map((row) => row.type))
          return ["WAITLIST_JOIN", "WAITLIST_OFFER", "WAITLIST_OFFER_EXPIRE", "WAITLIST_OFFER_DECLINE"].every((t) =>
            set.has(t)
          ) && set
        })
        expect(types.size).toBeGreaterThanOrEqual(4)
      })

      it("raising capacity by N offers N seats at once; an accept racing expiry never yields two seats", async () => {
        const [a, b, c] = await customers(3)
        for (const customer of [a, b, c]) {
          await api.post(path(), {}, as(customer))
        }
        const [socketA, socketB, socketC] = [await open(a), await open(b), await open(c)]
        const cOffers: unknown[] = []
        socketC.on("WAITLIST_OFFER", (payload) => cOffers.push(payload))
        const offers = Promise.all([
          nextEvent<OfferPayload>(socketA, "WAITLIST_OFFER"),
          nextEvent<OfferPayload>(socketB, "WAITLIST_OFFER"),
        ])
        await setStock(2)
        const [offerA] = await offers
        expect(cOffers).toEqual([])

        // A's offer lapses while A accepts and the expiry job runs, concurrently
        const waitlist: WaitlistModuleService = getContainer().resolve(WAITLIST_MODULE)
        const [entryA] = await waitlist.listWaitlistEntries({ customer_id: a.customerId })
        await waitlist.updateWaitlistEntries({ id: entryA.id, offer_expires_at: new Date(Date.now() + 150) })
        await new Promise((resolve) => setTimeout(resolve, 140))
        const [accept] = await Promise.all([
          api.post(path("/accept"), { join_token: offerA.join_token }, as(a)).catch((e) => e),
          expireWaitlistOffersJob(getContainer()),
        ])
        if (accept.status === 200) {
          const [after] = await waitlist.listWaitlistEntries({ id: entryA.id })
          expect(after.status).toBe("ACCEPTED")
        } else {
          expect(accept.response.status).toBe(400)
          // The job may have run just before the offer lapsed; its next run expires it.
          await expireWaitlistOffersJob(getContainer())
          const [after] = await waitlist.listWaitlistEntries({ id: entryA.id })
          expect(after.status).toBe("EXPIRED")
          await eventually(async () => cOffers.length === 1)
        }
        // Never more seats promised than exist
        await new Promise((resolve) => setTimeout(resolve, 500))
        const { held } = await waitlist.seatCounts(session.variantId)
        expect(held).toBe(2)
      })

      it("POST /admin/sessions/:session_id/waitlist/offer-next offers at most the free seats", async () => {
        const [a, b] = await customers(2)
        await api.post(path(), {}, as(a))
        await api.post(path(), {}, as(b))
        const admin = await adminHeaders(api, getContainer())
        const none = await api.post(`/admin/sessions/${session.variantId}/waitlist/offer-next`, { count: 2 }, admin)
        expect(none.data.offered).toEqual([])

        // Raise capacity without events reaching the waitlist: the admin (or the job) offers them
        const inventory = getContainer().resolve(Modules.INVENTORY)
        const [level] = await inventory.listInventoryLevels({ inventory_item_id: session.inventoryItemId })
        await inventory.updateInventoryLevels([
          { id: level.id, inventory_item_id: session.inventoryItemId, location_id: session.locationId, stocked_quantity: 2 },
        ])
        const both = await eventually(async () => {
          const r = await api.post(`/admin/sessions/${session.variantId}/waitlist/offer-next`, { count: 5 }, admin)
          const detail = await api.get(`/admin/sessions/${session.variantId}/waitlist`, admin)
          return detail.data.waitlist_entries.every((e: { status: string }) => e.status === "OFFERED") && r
        })
        expect(both.status).toBe(200)
        const bad = await api
          .post(`/admin/sessions/${session.variantId}/waitlist/offer-next`, { count: 0 }, admin)
          .catch((e) => e)
        expect(bad.response.status).toBe(400)
      })
    })
  },
})
