import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, revokeApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createStoreSetup, StoreSetup } from "../../helpers/store-setup"
import { BROWSER_UA, createAd, impression, uniqueEventId } from "../ads/fixtures"
import { trackedEvent } from "./fixtures"

jest.setTimeout(60_000)

const event = trackedEvent

/** What `navigator.sendBeacon(url, string)` sends: text/plain, no custom headers. */
const beaconHeaders = { headers: { "content-type": "text/plain;charset=UTF-8", "user-agent": BROWSER_UA } }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const withKey = (path: string, key = setup.publishableKey) =>
      `${path}?x-publishable-api-key=${encodeURIComponent(key)}`

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
    })

    describe("POST /beacon/analytics/track", () => {
      it("accepts a text/plain batch with the key in the query string, 202 with the receipt", async () => {
        const batch = { events: [event(), event({ type: "OFFER_CLICK", entityId: "moff_2" })] }
        const response = await api.post(withKey("/beacon/analytics/track"), JSON.stringify(batch), beaconHeaders)
        expect(response.status).toBe(202)
        expect(response.data).toEqual({ status: "accepted", queued: 0, accepted: 2, duplicates: 0, rejected: [] })
        const rows = await knex()("monetization_event").select("client_event_id", "ip_prefix", "user_agent")
        expect(rows.map((row: { client_event_id: string }) => row.client_event_id).sort()).toEqual(
          batch.events.map((e) => e.id).sort()
        )
        expect(rows[0].ip_prefix).toMatch(/(\.0\/24|::\/48)$/)
        expect(rows[0].user_agent).toBe(BROWSER_UA)
      })

      it("counts a batch re-sent by the store route and the beacon route once", async () => {
        const batch = { events: [event(), event()] }
        const viaStore = await api.post("/store/analytics/track", batch, {
          headers: { "x-publishable-api-key": setup.publishableKey },
        })
        expect(viaStore.data.accepted).toBe(2)
        const viaBeacon = await api.post(withKey("/beacon/analytics/track"), JSON.stringify(batch), beaconHeaders)
        expect(viaBeacon.data).toMatchObject({ accepted: 0, duplicates: 2 })
        expect(await knex()("monetization_event").count({ n: "*" })).toEqual([{ n: "2" }])
      })

      it("answers 400 without a key, with an unknown key and with a revoked key, and stores nothing", async () => {
        const { result: keys } = await createApiKeysWorkflow(getContainer()).run({
          input: { api_keys: [{ title: "Old storefront", type: "publishable", created_by: "test" }] },
        })
        await revokeApiKeysWorkflow(getContainer()).run({
          input: { selector: { id: keys[0].id }, revoke: { revoked_by: "test" } },
        })
        const body = JSON.stringify({ events: [event()] })
        for (const path of [
          "/beacon/analytics/track",
          withKey("/beacon/analytics/track", "pk_not_a_key"),
          withKey("/beacon/analytics/track", keys[0].token),
        ]) {
          const response = await api.post(path, body, beaconHeaders).catch((e) => e.response)
          expect([path, response.status]).toEqual([path, 400])
          expect(response.data.message).toMatch(/publishable/i)
        }
        expect(await knex()("monetization_event").count({ n: "*" })).toEqual([{ n: "0" }])
      })

      it("answers 400 for a body that is not JSON and 413 for one over 1 MiB", async () => {
        const notJson = await api
          .post(withKey("/beacon/analytics/track"), "{not json", beaconHeaders)
          .catch((e) => e.response)
        expect(notJson.status).toBe(400)
        const big = JSON.stringify({ events: [event({ metadata: { blob: "x".repeat(1100 * 1024) } })] })
        const oversized = await api.post(withKey("/beacon/analytics/track"), big, beaconHeaders).catch((e) => e.response)
        expect(oversized.status).toBe(413)
      })
    })

    describe("POST /beacon/ads/impressions", () => {
      it("records impressions sent as a beacon, and their IVT apart", async () => {
        const eventId = uniqueEventId()
        const ad = await createAd(getContainer(), eventId)
        // The page was served the ad (and its serve token) before it reports the impressions.
        const served = await api.get(`/store/ads?event_id=${eventId}&placement=SIDEBAR&session_token=tok_anon`, {
          headers: { "x-publishable-api-key": setup.publishableKey, "user-agent": BROWSER_UA },
        })
        const serve_token = served.data.ads[0].serve_token
        const response = await api.post(
          withKey("/beacon/ads/impressions"),
          JSON.stringify({ impressions: [impression(ad.id, { viewable: true, serve_token }), impression(ad.id, { serve_token })] }),
          beaconHeaders
        )
        expect(response.status).toBe(202)
        expect(response.data).toMatchObject({ accepted: 2, invalid_traffic: 0 })
        const stored = await knex()("monetization_ad_impression").where({ ad_id: ad.id }).select("viewable")
        expect(stored.map((row: { viewable: boolean }) => row.viewable).sort()).toEqual([false, true])
        const bot = await api.post(withKey("/beacon/ads/impressions"), JSON.stringify({ impressions: [impression(ad.id, { serve_token })] }), {
          headers: { ...beaconHeaders.headers, "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" },
        })
        expect(bot.data).toMatchObject({ accepted: 1, invalid_traffic: 1 })
        const missingKey = await api
          .post("/beacon/ads/impressions", JSON.stringify({ impressions: [impression(ad.id)] }), beaconHeaders)
          .catch((e) => e.response)
        expect(missingKey.status).toBe(400)
      })
    })
  },
})
