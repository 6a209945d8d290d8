import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { createCustomer } from "../../helpers/auth"
import { withRedis } from "../../helpers/redis"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { BROWSER_UA, clearOfCapWindowEdge, createAd, impression, uniqueEventId } from "./fixtures"

jest.setTimeout(300_000)

withRedis((redisUrl) => {
  // medusa-config.ts reads the plugin options when the runner loads it: caps then count in Redis.
  process.env.MONETIZATION_OPTIONS = JSON.stringify({ redisUrl })
  let redis: Redis
  beforeAll(() => {
    redis = new Redis(redisUrl)
  })
  afterAll(async () => {
    delete process.env.MONETIZATION_OPTIONS
    await redis.quit()
  })

  return medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      let setup: StoreSetup
      let eventId: string

      const headers = (extra: Record<string, string> = {}, token?: string) => ({
        headers: { ...storeHeaders(setup, token).headers, "user-agent": BROWSER_UA, ...extra },
      })
      const serve = async (query: Record<string, string> = {}, token?: string) => {
        const params = new URLSearchParams({ event_id: eventId, placement: "SIDEBAR", ...query })
        const response = await api.get(`/store/ads?${params}`, headers({}, token))
        return response.data.ads.map((ad: { id: string }) => ad.id) as string[]
      }
      const capKeys = async (adId: string) => redis.keys(`monetization:ad-cap:${adId}:*`)
      /** The serve token the viewer got for the ad: only impressions tied to a serve count (and bill). */
      const serveToken = async (adId: string, sessionToken: string, customerToken?: string) => {
        const params = new URLSearchParams({ event_id: eventId, placement: "SIDEBAR", session_token: sessionToken, limit: "10" })
        const response = await api.get(`/store/ads?${params}`, headers({}, customerToken))
        return (response.data.ads as { id: string; serve_token: string }[]).find((ad) => ad.id === adId)!.serve_token
      }

      beforeEach(async () => {
        setup = await createStoreSetup(getContainer(), { withStripe: false })
        eventId = uniqueEventId()
      })

      describe("GET /store/ads with caps counted in Redis", () => {
        it("caps an anonymous viewer with an expiring Redis counter, not the impression table", async () => {
          await clearOfCapWindowEdge(1)
          const capped = await createAd(getContainer(), eventId, { frequency_cap: 2, frequency_window_hours: 1 })
          const serve_token = await serveToken(capped.id, "tok_redis")
          const first = impression(capped.id, { session_token: "tok_redis", serve_token })
          await api.post("/store/ads/impressions", { impressions: [first] }, headers())
          // A retry and a bot do not count.
          await api.post("/store/ads/impressions", { impressions: [first] }, headers())
          await api.post(
            "/store/ads/impressions",
            { impressions: [impression(capped.id, { session_token: "tok_redis", serve_token })] },
            headers({ "user-agent": "HeadlessChrome/120" })
          )
          expect(await serve({ session_token: "tok_redis" })).toEqual([capped.id])

          await api.post(
            "/store/ads/impressions",
            { impressions: [impression(capped.id, { session_token: "tok_redis", serve_token })] },
            headers()
          )
          const keys = await capKeys(capped.id)
          expect(keys).toHaveLength(1)
          expect(keys[0]).toContain(":token:tok_redis:1h:")
          expect(await redis.get(keys[0])).toBe("2")
          const ttl = await redis.pttl(keys[0])
          expect(ttl).toBeGreaterThan(0)
          expect(ttl).toBeLessThanOrEqual(3_660_000)

          expect(await serve({ session_token: "tok_redis" })).toEqual([])
          expect(await serve({ session_token: "tok_someone_else" })).toEqual([capped.id])

          // Redis is the counter: emptying the table does not lift the cap.
          await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)("monetization_ad_impression").delete()
          expect(await serve({ session_token: "tok_redis" })).toEqual([])
        })

        it("caps a logged-in customer across devices", async () => {
          const capped = await createAd(getContainer(), eventId, { frequency_cap: 1 })
          const customer = await createCustomer(api, setup.publishableKey, "redis-attendee@test.dev")
          const serve_token = await serveToken(capped.id, "tok_phone", customer.token)
          await api.post(
            "/store/ads/impressions",
            { impressions: [impression(capped.id, { session_token: "tok_phone", serve_token })] },
            headers({}, customer.token)
          )
          const keys = await capKeys(capped.id)
          expect(keys).toEqual([expect.stringContaining(`:customer:${customer.customerId}:24h:`)])
          expect(await serve({ session_token: "tok_laptop" }, customer.token)).toEqual([])
          expect(await serve({ session_token: "tok_laptop" })).toEqual([capped.id])
        })
      })
    },
  })
})
