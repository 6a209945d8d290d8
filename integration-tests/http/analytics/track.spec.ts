import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { trackedEvent } from "./fixtures"

jest.setTimeout(60_000)

const event = trackedEvent

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup

    const storedEvents = async () => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      return knex("monetization_event").select("*")
    }
    /** A rollup count is the sum of its per-session shards. */
    const rollupCount = async (where: Record<string, string>) => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const [{ total }] = await knex("monetization_event_daily").where(where).sum({ total: "count" })
      return Number(total)
    }

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer())
    })

    describe("POST /store/analytics/track", () => {
      it("accepts a valid batch with 202 and stores it with an anonymised IP", async () => {
        const response = await api.post(
          "/store/analytics/track",
          { events: [event(), event({ type: "OFFER_CLICK" })] },
          storeHeaders(setup)
        )
        expect(response.status).toBe(202)
        expect(response.data).toEqual({ status: "accepted", queued: 0, accepted: 2, duplicates: 0, rejected: [] })
        const rows = await storedEvents()
        expect(rows).toHaveLength(2)
        expect(rows[0].ip_prefix).toMatch(/(\.0\/24|::\/48)$/)
        expect(rows[0].user_agent).toBeTruthy()
      })

      it("rejects bad events one by one and keeps the rest", async () => {
        const response = await api.post(
          "/store/analytics/track",
          {
            events: [
              event(),
              event({ type: "NOT_A_TYPE" }),
              event({ entityId: undefined }),
              event({ timestamp: new Date(Date.now() + 3600_000).toISOString() }),
              event({ timestamp: "2001-01-01T00:00:00Z" }),
              event({ type: "AD_SERVE" }),
            ],
          },
          storeHeaders(setup)
        )
        expect(response.status).toBe(202)
        expect(response.data.accepted).toBe(1)
        expect(response.data.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2, 3, 4, 5])
        expect(response.data.rejected[2].reason).toMatch(/future/)
        expect(response.data.rejected[3].reason).toMatch(/past/)
      })

      it("rejects an event carrying a NUL character alone, while concurrent batches share statements", async () => {
        const poisoned = [event(), event({ entityId: "moff_\u0000x" }), event({ metadata: { note: "a\u0000b" } })]
        const honest = Array.from({ length: 12 }, () => [event(), event({ type: "OFFER_CLICK" })])
        const [attack, ...others] = await Promise.all(
          [poisoned, ...honest].map((events) => api.post("/store/analytics/track", { events }, storeHeaders(setup)))
        )
        expect(attack.status).toBe(202)
        expect(attack.data.accepted).toBe(1)
        expect(attack.data.rejected).toEqual([
          { index: 1, reason: "entity_id: contains a NUL character (\\u0000), which cannot be stored" },
          { index: 2, reason: "metadata.note: contains a NUL character (\\u0000), which cannot be stored" },
        ])
        expect(others.map((response) => [response.status, response.data.accepted])).toEqual(honest.map(() => [202, 2]))
        expect(await storedEvents()).toHaveLength(1 + 12 * 2)
      })

      it("answers 202 with every event rejected when none is valid, and stores nothing", async () => {
        const response = await api.post(
          "/store/analytics/track",
          { events: [event({ type: "NOPE" }), event({ timestamp: "not a date" }), { junk: true }] },
          storeHeaders(setup)
        )
        expect(response.status).toBe(202)
        expect(response.data).toMatchObject({ accepted: 0, duplicates: 0 })
        expect(response.data.rejected.map((r: { index: number }) => r.index)).toEqual([0, 1, 2])
        expect(await storedEvents()).toHaveLength(0)
      })

      it("counts a retried batch once and keeps the daily rollup exact", async () => {
        const batch = { events: [event(), event(), event({ type: "OFFER_CLICK" })] }
        await api.post("/store/analytics/track", batch, storeHeaders(setup))
        const retry = await api.post("/store/analytics/track", batch, storeHeaders(setup))
        expect(retry.data).toMatchObject({ accepted: 0, duplicates: 3 })
        expect(await storedEvents()).toHaveLength(3)
        expect(await rollupCount({ type: "OFFER_VIEW" })).toBe(2)
        expect(await rollupCount({ type: "OFFER_CLICK" })).toBe(1)
      })

      it("counts every event once when concurrent batches open the same new rollup", async () => {
        const batches = Array.from({ length: 12 }, () => ({ events: [event({ entityId: "moff_new" }), event({ entityId: "moff_new" })] }))
        const responses = await Promise.all(batches.map((batch) => api.post("/store/analytics/track", batch, storeHeaders(setup))))
        expect(responses.map((response) => response.data.accepted)).toEqual(batches.map(() => 2))
        expect(await rollupCount({ entity_id: "moff_new" })).toBe(24)
      })

      it("takes entity_id, or entityId as its alias, on the store and the beacon route; both with different values is rejected", async () => {
        const snake = { ...event({ entity_id: "moff_snake" }), entityId: undefined }
        const camel = event({ entityId: "moff_camel" })
        const same = event({ entity_id: "moff_same", entityId: "moff_same" })
        const conflict = event({ entity_id: "moff_a", entityId: "moff_b" })
        const store = await api.post("/store/analytics/track", { events: [snake, camel, same, conflict] }, storeHeaders(setup))
        expect(store.status).toBe(202)
        expect(store.data).toMatchObject({ accepted: 3, duplicates: 0 })
        expect(store.data.rejected).toEqual([{ index: 3, reason: "entityId: entity_id and entityId differ: send entity_id only" }])

        const beaconSnake = { ...event({ entity_id: "moff_beacon_snake" }), entityId: undefined }
        const beaconCamel = event({ entityId: "moff_beacon_camel" })
        const beaconConflict = event({ entity_id: "moff_c", entityId: "moff_d" })
        const beacon = await api.post(
          `/beacon/analytics/track?x-publishable-api-key=${encodeURIComponent(setup.publishableKey)}`,
          JSON.stringify({ events: [beaconSnake, beaconCamel, beaconConflict] }),
          { headers: { "content-type": "text/plain;charset=UTF-8" } }
        )
        expect(beacon.status).toBe(202)
        expect(beacon.data).toMatchObject({ accepted: 2, rejected: [{ index: 2, reason: expect.stringMatching(/differ/) }] })

        const stored = (await storedEvents()).map((row: { entity_id: string }) => row.entity_id).sort()
        expect(stored).toEqual(["moff_beacon_camel", "moff_beacon_snake", "moff_camel", "moff_same", "moff_snake"])
      })

      it("accepts text/plain bodies as sent by navigator.sendBeacon", async () => {
        const response = await api.post("/store/analytics/track", JSON.stringify({ events: [event()] }), {
          headers: { ...storeHeaders(setup).headers, "content-type": "text/plain;charset=UTF-8" },
        })
        expect(response.status).toBe(202)
        expect(response.data.accepted).toBe(1)
      })

      it("answers 400 for a malformed body and for an empty or oversized batch", async () => {
        const notJson = await api
          .post("/store/analytics/track", "{not json", {
            headers: { ...storeHeaders(setup).headers, "content-type": "text/plain" },
          })
          .catch((e) => e.response)
        expect(notJson.status).toBe(400)
        const empty = await api.post("/store/analytics/track", { events: [] }, storeHeaders(setup)).catch((e) => e.response)
        expect(empty.status).toBe(400)
        const tooMany = await api
          .post("/store/analytics/track", { events: Array.from({ length: 501 }, () => event()) }, storeHeaders(setup))
          .catch((e) => e.response)
        expect(tooMany.status).toBe(400)
      })

      it("answers 413 for a body over 1 MiB", async () => {
        const big = { events: [event({ metadata: { blob: "x".repeat(1100 * 1024) } })] }
        const json = await api.post("/store/analytics/track", big, storeHeaders(setup)).catch((e) => e.response)
        expect(json.status).toBe(413)
        const beacon = await api
          .post("/store/analytics/track", JSON.stringify(big), {
            headers: { ...storeHeaders(setup).headers, "content-type": "text/plain" },
          })
          .catch((e) => e.response)
        expect(beacon.status).toBe(413)
      })

      it("rejects every server fact per event with a reason: forged purchases, ad traffic and waitlist actions move nothing", async () => {
        const forged = [
          "OFFER_ADD_TO_CART",
          "OFFER_PURCHASE",
          "AD_IMPRESSION",
          "AD_VIEWABLE_IMPRESSION",
          "AD_CLICK",
          "AD_SERVE",
          "WAITLIST_JOIN",
          "WAITLIST_OFFER",
          "WAITLIST_OFFER_ACCEPT",
          "WAITLIST_OFFER_DECLINE",
          "WAITLIST_OFFER_EXPIRE",
        ]
        const response = await api.post(
          "/store/analytics/track",
          { events: [event(), ...forged.map((type) => event({ type, entityId: "mad_1", event_id: "prod_1" }))] },
          storeHeaders(setup)
        )
        expect(response.status).toBe(202)
        expect(response.data.accepted).toBe(1)
        expect(response.data.rejected).toEqual(
          forged.map((type, i) => ({
            index: i + 1,
            reason: `type: ${type} is recorded by the server only; clients may send OFFER_VIEW, OFFER_CLICK`,
          }))
        )
        const rows = await storedEvents()
        expect(rows.map((row) => row.type)).toEqual(["OFFER_VIEW"])
        expect(await rollupCount({ entity_id: "mad_1" })).toBe(0)
      })

      it("rejects an event whose metadata is over 16 KiB or nested too deep, and keeps the rest", async () => {
        let deep: Record<string, unknown> = { leaf: 1 }
        for (let i = 0; i < 6; i++) {
          deep = { next: deep }
        }
        const response = await api.post(
          "/store/analytics/track",
          {
            events: [
              event({ metadata: { blob: "x".repeat(700 * 1024) } }),
              event({ metadata: { blob: "x".repeat(16 * 1024 - 20) } }),
              event({ metadata: deep }),
              event({ metadata: { a: { b: { c: { d: 1 } } } } }),
            ],
          },
          storeHeaders(setup)
        )
        expect(response.status).toBe(202)
        expect(response.data.accepted).toBe(2)
        expect(response.data.rejected).toEqual([
          { index: 0, reason: expect.stringMatching(/^metadata: \d+ bytes serialized, at most 16384 allowed$/) },
          { index: 2, reason: "metadata: nested deeper than 5 levels" },
        ])
        expect(await storedEvents()).toHaveLength(2)
      })

      it("refuses requests without a publishable key", async () => {
        const response = await api.post("/store/analytics/track", { events: [event()] }).catch((e) => e.response)
        expect(response.status).toBe(400)
      })
    })
  },
})
