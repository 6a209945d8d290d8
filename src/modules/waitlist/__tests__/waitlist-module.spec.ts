import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { WAITLIST_MODULE } from ".."
import { ENABLE_SESSIONS_WITH_ENTRIES } from "../migration-sql"
import type WaitlistModuleService from "../service"

jest.setTimeout(60_000)

const SESSION = "variant_session_1"

/** The seat state machine: WAITING → OFFERED → ACCEPTED → CONSUMED | EXPIRED; DECLINED; LEFT. */
moduleIntegrationTestRunner<WaitlistModuleService>({
  moduleName: WAITLIST_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { waitlistOfferMinutes: 15, waitlistCheckoutMinutes: 10, waitlistHeadSkips: 2 },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const join = (customer: string, quantity = 1, accept_partial = false) =>
      service.join({ session_id: SESSION, customer_id: customer, quantity, accept_partial })
    const actions = async (entryId: string) =>
      (await service.listWaitlistAudits({ entry_id: entryId }, { order: { at: "ASC" } })).map((row) => ({
        action: row.action,
        details: row.details,
      }))
    const entry = async (id: string) => (await service.listWaitlistEntries({ id }))[0]

    it("joins in order; joining twice answers the same entry", async () => {
      const a = await join("cus_a")
      const again = await join("cus_a")
      expect(again.created).toBe(false)
      expect(again.entry.id).toBe(a.entry.id)
      const b = await join("cus_b", 2)
      expect(await service.positionOf(b.entry)).toMatchObject({ position: 2, total: 2 })
      expect(await service.seatCounts(SESSION)).toEqual({ held: 0, waiting: 3 })
    })

    it("no head-of-line freeze: freed seats go to entries that fit, the head stays first, then seats accumulate for it", async () => {
      const head = (await join("cus_head", 10)).entry
      const b = (await join("cus_b")).entry
      const c = (await join("cus_c")).entry
      const d = (await join("cus_d")).entry

      const first = await service.offerSeats({ session_id: SESSION, seats: 2, unreserved: 12 })
      expect(first.map((seat) => seat.entry_id)).toEqual([b.id, c.id])
      expect((await entry(head.id)).skip_count).toBe(1)
      expect(await service.positionOf(await entry(head.id))).toMatchObject({ position: 1, total: 2 })

      const second = await service.offerSeats({ session_id: SESSION, seats: 1, unreserved: 12 })
      expect(second.map((seat) => seat.entry_id)).toEqual([d.id])
      expect((await entry(head.id)).skip_count).toBe(2)

      // Two skips (the option): the next free seats wait for the head.
      await join("cus_e")
      expect(await service.offerSeats({ session_id: SESSION, seats: 1, unreserved: 12 })).toEqual([])
      expect(await service.planSeats({ session_id: SESSION, free: 1, unreserved: 12 })).toMatchObject({
        reserved_for_head: 1,
        unclaimed: 0,
      })
      const full = await service.offerSeats({ session_id: SESSION, seats: 10, unreserved: 12 })
      expect(full).toEqual([expect.objectContaining({ entry_id: head.id, quantity: 10 })])
      expect((await entry(head.id)).skip_count).toBe(0)
    })

    it("a head that accepts partial offers takes what is free; a compensation restores what it asked for", async () => {
      const head = (await join("cus_head", 5, true)).entry
      const [offer] = await service.offerSeats({ session_id: SESSION, seats: 2, unreserved: 5 })
      expect(offer).toMatchObject({ entry_id: head.id, quantity: 2, wanted: 5 })
      expect(await entry(head.id)).toMatchObject({ status: "OFFERED", quantity: 2 })
      expect((await actions(head.id))[1]).toEqual({
        action: "OFFERED",
        details: expect.objectContaining({ partial: true, wanted: 5, quantity: 2 }),
      })
      await service.revertOffers([{ entry_id: head.id, quantity: 5 }])
      expect(await entry(head.id)).toMatchObject({ status: "WAITING", quantity: 5 })
    })

    it("every held seat lapses: an open offer, and an accepted seat not checked out in time", async () => {
      const a = (await join("cus_a")).entry
      const b = (await join("cus_b")).entry
      const [offerA, offerB] = await service.offerSeats({ session_id: SESSION, seats: 2, unreserved: 2 })
      expect(await service.seatCounts(SESSION)).toEqual({ held: 2, waiting: 0 })

      const accepted = await service.claimOffer({ session_id: SESSION, customer_id: "cus_a", join_token: offerA.join_token })
      expect(accepted.status).toBe("ACCEPTED")
      const deadline = new Date(accepted.checkout_expires_at as Date).getTime()
      expect(deadline).toBeGreaterThan(Date.now() + 9 * 60_000)
      expect(deadline).toBeLessThan(Date.now() + 11 * 60_000)
      await expect(
        service.claimOffer({ session_id: SESSION, customer_id: "cus_a", join_token: offerA.join_token })
      ).rejects.toThrow(/already used/)
      expect(await service.listLapsedCheckouts(SESSION)).toEqual([])

      // Both deadlines pass.
      await service.updateWaitlistEntries({ id: a.id, checkout_expires_at: new Date(Date.now() - 1000) })
      await service.updateWaitlistEntries({ id: b.id, offer_expires_at: new Date(Date.now() - 1000) })
      expect((await service.expireLapsedOffers(SESSION)).map((row) => row.id)).toEqual([b.id])
      await expect(
        service.claimOffer({ session_id: SESSION, customer_id: "cus_b", join_token: offerB.join_token })
      ).rejects.toThrow(/already used|expired/)
      const lapsed = await service.listLapsedCheckouts(SESSION)
      expect(lapsed.map((row) => row.id)).toEqual([a.id])
      const ended = await service.endEntries({
        session_id: SESSION,
        entry_ids: [a.id],
        status: "EXPIRED",
        from: ["ACCEPTED"],
        reason: "checkout_not_completed",
      })
      expect(ended.map((row) => row.status)).toEqual(["ACCEPTED"])
      expect(await service.seatCounts(SESSION)).toEqual({ held: 0, waiting: 0 })
      expect((await actions(a.id)).map((row) => row.action)).toEqual(["JOINED", "OFFERED", "ACCEPTED", "EXPIRED"])
      expect((await actions(a.id))[3].details).toMatchObject({ reason: "checkout_not_completed", previous_status: "ACCEPTED" })
      expect((await actions(b.id))[2]).toEqual({ action: "EXPIRED", details: { reason: "offer_lapsed" } })
    })

    it("a join token is its owner's, once: a decline frees the seat; leaving answers what was held; compensations undo", async () => {
      const a = (await join("cus_a")).entry
      const b = (await join("cus_b")).entry
      const c = (await join("cus_c")).entry
      const [offerA] = await service.offerSeats({ session_id: SESSION, seats: 1, unreserved: 1 })
      expect(offerA.entry_id).toBe(a.id)
      await expect(
        service.claimOffer({ session_id: SESSION, customer_id: "cus_b", join_token: offerA.join_token })
      ).rejects.toThrow("Invalid join token")

      expect((await service.decline({ session_id: SESSION, customer_id: "cus_a", join_token: offerA.join_token })).status).toBe(
        "DECLINED"
      )
      await expect(
        service.decline({ session_id: SESSION, customer_id: "cus_a", join_token: offerA.join_token })
      ).rejects.toThrow("This join token was already used (offer declined)")
      expect(await service.seatCounts(SESSION)).toEqual({ held: 0, waiting: 2 })
      expect((await actions(a.id)).map((row) => row.action)).toEqual(["JOINED", "OFFERED", "DECLINED"])

      expect(await service.leave({ session_id: SESSION, customer_id: "cus_b" })).toMatchObject({ id: b.id, status: "WAITING" })
      await expect(service.leave({ session_id: SESSION, customer_id: "cus_b" })).rejects.toThrow(
        "You are not on this session's waitlist"
      )
      expect((await actions(b.id))[1]).toEqual({ action: "LEFT", details: { previous_status: "WAITING" } })
      await service.restoreStatus({ entry_id: b.id, status: "WAITING" })
      expect(await service.positionOf(await entry(b.id))).toMatchObject({ position: 1, total: 2 })

      await service.withdrawJoin(c.id)
      expect((await entry(c.id)).status).toBe("LEFT")
      expect((await actions(c.id))[1]).toEqual({ action: "LEFT", details: { join_rolled_back: true } })
      expect(await service.seatCounts(SESSION)).toEqual({ held: 0, waiting: 1 })
    })

    it("an ordered seat is consumed and never taken back; the organizer releases or removes the others", async () => {
      const a = (await join("cus_a")).entry
      const b = (await join("cus_b")).entry
      const c = (await join("cus_c")).entry
      const [offerA, offerB] = await service.offerSeats({ session_id: SESSION, seats: 2, unreserved: 2 })
      await service.claimOffer({ session_id: SESSION, customer_id: "cus_a", join_token: offerA.join_token })
      await service.setCart({ entry_id: a.id, cart_id: "cart_a" })
      await service.consumeByCart("cart_a")
      expect(await entry(a.id)).toMatchObject({ status: "ACCEPTED", consumed_at: expect.any(Date) })
      await service.claimOffer({ session_id: SESSION, customer_id: "cus_b", join_token: offerB.join_token })

      const all = [a.id, b.id, c.id]
      const released = await service.endEntries({
        session_id: SESSION,
        entry_ids: all,
        status: "EXPIRED",
        from: ["OFFERED", "ACCEPTED"],
        reason: "released_by_organizer",
      })
      expect(released.map((row) => row.id)).toEqual([b.id])
      const removed = await service.endEntries({
        session_id: SESSION,
        entry_ids: all,
        status: "LEFT",
        from: ["WAITING", "OFFERED", "ACCEPTED"],
        reason: "removed_by_organizer",
      })
      expect(removed.map((row) => row.id)).toEqual([c.id])
      expect((await entry(a.id)).status).toBe("ACCEPTED")
      expect(await service.seatCounts(SESSION)).toEqual({ held: 0, waiting: 0 })

      await service.restoreStatuses([{ entry_id: c.id, status: "WAITING" }])
      expect((await entry(c.id)).status).toBe("WAITING")
    })

    it("the #16 migration enables sessions that already have entries, and only those (idempotent)", async () => {
      await join("cus_a")
      const before = await service.isWaitlistEnabled({ session_id: SESSION, product_id: null })
      expect(before).toBe(false)
      const manager = MikroOrmWrapper.forkManager()
      await manager.execute(ENABLE_SESSIONS_WITH_ENTRIES)
      await manager.execute(ENABLE_SESSIONS_WITH_ENTRIES)
      expect(await service.isWaitlistEnabled({ session_id: SESSION, product_id: null })).toBe(true)
      expect(await service.isWaitlistEnabled({ session_id: "variant_without_entries", product_id: null })).toBe(false)
      expect(await service.listWaitlistSettings({ ref_id: SESSION })).toHaveLength(1)
    })

    it("waitlists exist only where enabled: the session's own setting wins over its product's", async () => {
      const where = { session_id: SESSION, product_id: "prod_1" }
      expect(await service.isWaitlistEnabled(where)).toBe(false)
      expect(await service.setWaitlistEnabled({ scope: "product", ref_id: "prod_1", enabled: true })).toBeNull()
      expect(await service.isWaitlistEnabled(where)).toBe(true)
      expect(await service.isWaitlistEnabled({ session_id: "other_variant", product_id: "prod_2" })).toBe(false)
      await service.setWaitlistEnabled({ scope: "session", ref_id: SESSION, enabled: false })
      expect(await service.isWaitlistEnabled(where)).toBe(false)
      expect(await service.setWaitlistEnabled({ scope: "session", ref_id: SESSION, enabled: null })).toBe(false)
      expect(await service.isWaitlistEnabled(where)).toBe(true)
    })
  },
})
