import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { OFFER_MODULE } from ".."
import type OfferModuleService from "../service"

jest.setTimeout(60_000)

const MINUTE = 60_000

/** Stock holds and their conversion: never oversold, one live hold per customer, flagged rather than oversold. */
moduleIntegrationTestRunner<OfferModuleService>({
  moduleName: OFFER_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { offerHoldMinutes: 15 },
  testSuite: ({ service }) => {
    const createOffer = async (inventory_total: number | null) =>
      (
        await service.createOffers({
          event_id: "prod_event",
          variant_id: "variant_tee",
          title: "T-shirt",
          offer_type: "MERCHANDISE",
          price: 20,
          currency_code: "eur",
          placement: "CHECKOUT",
          // JSON columns hold arrays here; the generated type says Record.
          target_sessions: [] as unknown as Record<string, unknown>,
          target_ticket_tiers: [] as unknown as Record<string, unknown>,
          inventory_total,
        })
      ).id
    const hold = (offer_id: string, customer_id: string, quantity: number, max_per_customer = 10) =>
      service.holdStock({ offer_id, customer_id, quantity, max_per_customer, expires_at: new Date(Date.now() + 15 * MINUTE) })
    const stock = async (id: string) => {
      const offer = await service.retrieveOffer(id)
      return { sold: offer.sold, held: offer.held }
    }
    const heldHold = async (result: Awaited<ReturnType<typeof hold>>) => {
      if ("refused" in result) {
        throw new Error(`refused: ${result.refused}`)
      }
      return result.hold
    }

    it("holds stock atomically: 30 customers at once on 10 units get exactly 10 holds", async () => {
      const offerId = await createOffer(10)
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => hold(offerId, `cus_${i}`, 1)))
      expect(results.filter((r) => "hold" in r)).toHaveLength(10)
      expect(results.filter((r) => "refused" in r && r.refused === "SOLD_OUT")).toHaveLength(20)
      expect(await stock(offerId)).toEqual({ sold: 0, held: 10 })
    })

    it("answers a customer's live hold again instead of a second one, even when asked at once", async () => {
      const offerId = await createOffer(100)
      const results = await Promise.all(Array.from({ length: 5 }, () => hold(offerId, "cus_a", 2)))
      const ids = new Set(results.map((r) => ("hold" in r ? r.hold.id : r.refused)))
      expect(ids.size).toBe(1)
      expect(results.filter((r) => "created" in r && r.created)).toHaveLength(1)
      expect(await stock(offerId)).toEqual({ sold: 0, held: 2 })
    })

    it("a customer's hold whose time is up is expired before a new one, and the limit counts what they bought", async () => {
      const offerId = await createOffer(100)
      const first = await heldHold(await hold(offerId, "cus_b", 2, 3))
      await service.updateOfferHolds({ id: first.id, expires_at: new Date(Date.now() - 1000) })
      const second = await heldHold(await hold(offerId, "cus_b", 3, 3))
      expect(second.id).not.toBe(first.id)
      expect((await service.retrieveOfferHold(first.id)).status).toBe("EXPIRED")
      expect(await stock(offerId)).toEqual({ sold: 0, held: 3 })

      await service.convertHolds({
        offer_id: offerId,
        order_id: "order_1",
        customer_id: "cus_b",
        currency_code: "eur",
        holds: [{ hold_id: second.id, unit_price: 20, line_quantity: 3 }],
      })
      expect(await hold(offerId, "cus_b", 1, 3)).toEqual({ refused: "MAX_PER_CUSTOMER" })
    })

    it("converts holds of one order into one purchase, once; beyond the hold is flagged, never sold", async () => {
      const offerId = await createOffer(5)
      const a = await heldHold(await hold(offerId, "cus_c", 1))
      await service.updateOfferHolds({ id: a.id, status: "EXPIRED" }) // lapsed; units given back by hand below
      await service.updateOffers({ id: offerId, held: 0 })
      const b = await heldHold(await hold(offerId, "cus_c", 2))
      const input = {
        offer_id: offerId,
        order_id: "order_2",
        customer_id: "cus_c",
        currency_code: "eur",
        holds: [
          { hold_id: a.id, unit_price: 20, line_quantity: 1 },
          { hold_id: b.id, unit_price: 20, line_quantity: 4 },
        ],
      }
      const result = await service.convertHolds(input)
      expect(result).toMatchObject({ quantity: 3, flagged_quantity: 2, flag: "EXCEEDS_HOLD", amount: 100 })
      expect(await service.convertHolds(input)).toBeNull()
      expect(await service.listOfferPurchases({ offer_id: offerId })).toHaveLength(1)
      expect(await stock(offerId)).toEqual({ sold: 3, held: 0 })
    })

    it("a lapsed hold whose units were sold meanwhile converts as HOLD_LAPSED and moves nothing", async () => {
      const offerId = await createOffer(1)
      const late = await heldHold(await hold(offerId, "cus_d", 1))
      await service.expireHolds(new Date(Date.now() + 16 * MINUTE))
      await heldHold(await hold(offerId, "cus_e", 1))
      const result = await service.convertHolds({
        offer_id: offerId,
        order_id: "order_3",
        customer_id: "cus_d",
        currency_code: "eur",
        holds: [{ hold_id: late.id, unit_price: 20, line_quantity: 1 }],
      })
      expect(result).toMatchObject({ quantity: 0, flagged_quantity: 1, flag: "HOLD_LAPSED", amount: 20 })
      expect(await stock(offerId)).toEqual({ sold: 0, held: 1 })
    })

    it("releases a hold once, shortens only live holds, and a canceled order gives its sold units back once", async () => {
      const offerId = await createOffer(10)
      const released = await heldHold(await hold(offerId, "cus_h", 2))
      expect(await service.releaseHold(released.id)).toBe(true)
      expect(await service.releaseHold(released.id)).toBe(false)
      expect(await stock(offerId)).toEqual({ sold: 0, held: 0 })

      const bought = await heldHold(await hold(offerId, "cus_h", 3))
      const soon = new Date(Date.now() + 5 * MINUTE)
      expect(await service.shortenHolds([bought.id, released.id], soon)).toEqual([bought.id])
      expect(new Date((await service.retrieveOfferHold(bought.id)).expires_at).getTime()).toBe(soon.getTime())
      await service.convertHolds({
        offer_id: offerId,
        order_id: "order_h",
        customer_id: "cus_h",
        currency_code: "eur",
        holds: [{ hold_id: bought.id, unit_price: 20, line_quantity: 3 }],
      })
      expect(await stock(offerId)).toEqual({ sold: 3, held: 0 })
      expect(await service.cancelPurchasesForOrder("order_h")).toEqual([
        expect.objectContaining({ offer_id: offerId, quantity: 3 }),
      ])
      expect(await service.cancelPurchasesForOrder("order_h")).toEqual([])
      expect(await stock(offerId)).toEqual({ sold: 0, held: 0 })
    })

    it("renews: a live hold is left alone unless asked to extend, a lapsed one is revived only if stock allows", async () => {
      const offerId = await createOffer(1)
      const h = await heldHold(await hold(offerId, "cus_f", 1))
      const later = new Date(Date.now() + 60 * MINUTE)
      expect(await service.renewHold(h.id, later, { extend: false })).toBe("LIVE")
      expect(await service.renewHold(h.id, later, { extend: true })).toBe("EXTENDED")
      await service.releaseHold(h.id)
      expect(await service.renewHold(h.id, later, { extend: false })).toBe("REVIVED")
      await service.releaseHold(h.id)
      await heldHold(await hold(offerId, "cus_g", 1))
      expect(await service.renewHold(h.id, later, { extend: false })).toBeNull()
      expect(await stock(offerId)).toEqual({ sold: 0, held: 1 })
    })
  },
})
