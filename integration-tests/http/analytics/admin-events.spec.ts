import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { recordServerEvents } from "../../helpers/server-events"
import { trackedEvent } from "./fixtures"

jest.setTimeout(60_000)

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

const event = (overrides: Record<string, unknown> = {}) =>
  trackedEvent({ event_id: "prod_event_a", timestamp: minutesAgo(1), ...overrides })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer())
      admin = await adminHeaders(api, getContainer())
      await api.post(
        "/store/analytics/track",
        {
          events: [
            event({ id: "evt_oldest_a", timestamp: minutesAgo(30) }),
            event({ id: "evt_middle_a", type: "OFFER_CLICK", timestamp: minutesAgo(20) }),
          ],
        },
        storeHeaders(setup)
      )
      // An ad click is a server fact (clients may not report one): recorded as the click route does.
      await recordServerEvents(getContainer(), [
        event({ id: "evt_newest_b", type: "AD_CLICK", entityId: "mad_1", event_id: "prod_event_b", timestamp: minutesAgo(10) }),
      ])
    })

    describe("GET /admin/monetization-events", () => {
      it("lists events newest first with count, offset and limit", async () => {
        const response = await api.get("/admin/monetization-events", admin)
        expect(response.status).toBe(200)
        expect(response.data).toMatchObject({ count: 3, offset: 0, limit: 20 })
        expect(response.data.monetization_events.map((e: { client_event_id: string }) => e.client_event_id)).toEqual([
          "evt_newest_b",
          "evt_middle_a",
          "evt_oldest_a",
        ])
        expect(response.data.monetization_events[0]).toMatchObject({
          id: expect.stringMatching(/^mev_/),
          type: "AD_CLICK",
          entity_id: "mad_1",
          event_id: "prod_event_b",
          source: "server",
        })
      })

      it("filters by event_id and type and paginates", async () => {
        const byEvent = await api.get("/admin/monetization-events?event_id=prod_event_a", admin)
        expect(byEvent.status).toBe(200)
        expect(byEvent.data.count).toBe(2)
        expect(byEvent.data.monetization_events.every((e: { event_id: string }) => e.event_id === "prod_event_a")).toBe(true)

        const byType = await api.get("/admin/monetization-events?event_id=prod_event_a&type=OFFER_CLICK", admin)
        expect(byType.data.count).toBe(1)
        expect(byType.data.monetization_events[0].client_event_id).toBe("evt_middle_a")

        const byTypes = await api.get("/admin/monetization-events?type[]=OFFER_VIEW&type[]=AD_CLICK", admin)
        expect(byTypes.data.count).toBe(2)

        const page = await api.get("/admin/monetization-events?limit=1&offset=1", admin)
        expect(page.data).toMatchObject({ count: 3, offset: 1, limit: 1 })
        expect(page.data.monetization_events.map((e: { client_event_id: string }) => e.client_event_id)).toEqual([
          "evt_middle_a",
        ])
      })

      it("answers 400 for a bad query", async () => {
        for (const bad of ["type=NOT_A_TYPE", "limit=abc", "limit=1000", "unknown=1", "order=-user_password"]) {
          const response = await api.get(`/admin/monetization-events?${bad}`, admin).catch((e) => e.response)
          expect({ bad, status: response.status }).toEqual({ bad, status: 400 })
        }
      })

      it("answers 401 without an admin session or token", async () => {
        const anonymous = await api.get("/admin/monetization-events").catch((e) => e.response)
        expect(anonymous.status).toBe(401)
        const asStore = await api.get("/admin/monetization-events", storeHeaders(setup)).catch((e) => e.response)
        expect(asStore.status).toBe(401)
      })
    })
    describe("GET /admin/analytics/latest-event", () => {
      it("answers the event with the most recent server-recorded facts; client reports cannot steer it", async () => {
        const latest = async () => (await api.get("/admin/analytics/latest-event", admin)).data
        expect(await latest()).toEqual({ event_id: "prod_event_b" })

        await recordServerEvents(getContainer(), [
          event({ id: "evt_old_c", type: "OFFER_PURCHASE", entityId: "moff_c", event_id: "prod_event_c", timestamp: minutesAgo(3 * 24 * 60) }),
        ])
        const forged = await api.post(
          "/store/analytics/track",
          { events: [event({ id: "evt_forged_x", type: "OFFER_VIEW", event_id: "prod_forged", timestamp: minutesAgo(0) })] },
          storeHeaders(setup)
        )
        expect(forged.data.accepted).toBe(1)
        expect(await latest()).toEqual({ event_id: "prod_event_b" })

        await recordServerEvents(getContainer(), [
          event({ id: "evt_new_d", type: "AD_IMPRESSION", entityId: "mad_d", event_id: "prod_event_d", timestamp: minutesAgo(0) }),
        ])
        expect(await latest()).toEqual({ event_id: "prod_event_d" })
      })

      it("answers 400 for any query parameter and 401 without an admin", async () => {
        const bad = await api.get("/admin/analytics/latest-event?event_id=x", admin).catch((e) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.type).toBe("invalid_data")
        const anonymous = await api.get("/admin/analytics/latest-event").catch((e) => e.response)
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
