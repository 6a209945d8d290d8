import path from "path"
import Redis from "ioredis"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { liveModuleService } from "../../../../integration-tests/helpers/module-service"
import { withRedis } from "../../../../integration-tests/helpers/redis"
import { AD_MODULE } from ".."
import type AdModuleService from "../service"
import type { CheckedClickInput } from "../service"
import type { AdImpressionInput } from "../types"

jest.setTimeout(60_000)

const HOUR = 3_600_000
const EVENT = "prod_event"
const ADS_OPTIONS = { maxImpressionsPerIpPrefixPerHour: 3, maxClicksPerIpPrefixPerHour: 2, duplicateClickWindowMinutes: 30 }
const moduleConfig = {
  moduleName: AD_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
}

let sequence = 0
const uid = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${sequence++}`

/** Fixtures over the module's own service; ads are uncapped unless a test caps them. */
function adFixtures(service: AdModuleService) {
  const createAd = async (overrides: Record<string, unknown> = {}) =>
    (
      await service.createAds({
        event_id: EVENT,
        name: "Sponsor banner",
        content_type: "BANNER",
        media_url: "https://cdn.example.com/banner.png",
        click_url: "https://sponsor.example.com/landing",
        // JSON columns hold arrays here; the generated type says Record.
        placements: ["SIDEBAR"] as unknown as Record<string, unknown>,
        target_sessions: [] as unknown as Record<string, unknown>,
        frequency_cap: null,
        ...overrides,
      })
    ).id
  const impression = (ad_id: string, overrides: Partial<AdImpressionInput> = {}): AdImpressionInput => ({
    client_id: uid("imp"),
    ad_id,
    event_id: EVENT,
    placement: "SIDEBAR",
    viewer_key: "token:tok_a",
    session_token: "tok_a",
    session_id: null,
    customer_id: null,
    viewable: false,
    ivt_reason: null,
    user_agent: "Mozilla/5.0",
    ip_prefix: "203.0.113",
    occurred_at: new Date(),
    ...overrides,
  })
  return { createAd, impression }
}

/** Impressions, clicks and caps counted in Postgres (no Redis configured). */
describe("ad module (Postgres)", () => {
  const savedRedisUrl = process.env.REDIS_URL
  beforeAll(() => {
    // Without `redisUrl` the module uses the app's (none in this runner), never REDIS_URL itself; here caps must count in Postgres.
    delete process.env.REDIS_URL
  })
  afterAll(() => {
    if (savedRedisUrl !== undefined) process.env.REDIS_URL = savedRedisUrl
  })

  moduleIntegrationTestRunner<AdModuleService>({
    ...moduleConfig,
    moduleOptions: { ads: ADS_OPTIONS },
    testSuite: ({ medusaApp }) => {
      const service = liveModuleService<AdModuleService>(medusaApp, AD_MODULE)
      const { createAd, impression } = adFixtures(service)
      const click = (ad_id: string, overrides: Partial<CheckedClickInput> = {}): CheckedClickInput => {
        const nonce = uid("nonce")
        return {
          click_id: `serve:${nonce}`,
          nonce,
          ad_id,
          event_id: EVENT,
          placement: "SIDEBAR",
          viewer_key: "token:tok_a",
          session_token: "tok_a",
          customer_id: null,
          ivt_reason: null,
          user_agent: "Mozilla/5.0",
          ip_prefix: "198.51.100",
          occurred_at: new Date(),
          ...overrides,
        }
      }

      it("stores an impression once: a retry is a duplicate, a viewable re-report upgrades it once", async () => {
        const adId = await createAd()
        const otherAdId = await createAd()
        const first = impression(adId)
        expect(await service.ingestImpressions([first, first])).toMatchObject({
          accepted: 1,
          duplicates: 1,
          upgraded: 0,
          ivt: 0,
        })
        expect(await service.ingestImpressions([first])).toEqual({ accepted: 0, duplicates: 1, upgraded: 0, ivt: 0, rows: [] })

        const viewable = await service.ingestImpressions([{ ...first, viewable: true }])
        expect(viewable).toMatchObject({ accepted: 0, duplicates: 1, upgraded: 1 })
        expect(viewable.rows).toEqual([expect.objectContaining({ client_id: first.client_id, viewable: true, inserted: false })])
        expect((await service.ingestImpressions([{ ...first, viewable: true }])).upgraded).toBe(0)
        // The same client id reported for another ad upgrades nothing.
        const second = impression(adId)
        await service.ingestImpressions([second])
        expect((await service.ingestImpressions([{ ...second, ad_id: otherAdId, viewable: true }])).upgraded).toBe(0)

        const counts = await service.deliveryCounts([adId, otherAdId])
        expect(counts[adId]).toMatchObject({ impressions: 2, viewable_impressions: 1, ivt_impressions: 0 })
        expect(counts[otherAdId]).toMatchObject({ impressions: 0, viewable_impressions: 0 })
      })

      it("keeps invalid traffic with its reason; an IP prefix's impressions past the hourly cap are ip_rate_limited", async () => {
        const adId = await createAd()
        const batch = [
          ...Array.from({ length: 4 }, () => impression(adId)),
          impression(adId, { ivt_reason: "bot_user_agent", user_agent: "curl/8" }),
        ]
        const result = await service.ingestImpressions(batch)
        expect(result).toMatchObject({ accepted: 5, duplicates: 0, ivt: 2 })
        expect(result.rows.filter((row) => row.ivt_reason === "ip_rate_limited")).toHaveLength(1)
        // The cap counts what earlier batches stored this hour; another prefix has its own.
        const samePrefix = impression(adId)
        const otherPrefix = impression(adId, { ip_prefix: "192.0.2" })
        const later = await service.ingestImpressions([samePrefix, otherPrefix])
        expect(later).toMatchObject({ accepted: 2, ivt: 1 })
        const reasonOf = (clientId: string) => later.rows.find((row) => row.client_id === clientId)?.ivt_reason
        expect(reasonOf(samePrefix.client_id)).toBe("ip_rate_limited")
        expect(reasonOf(otherPrefix.client_id)).toBeNull()

        expect((await service.deliveryCounts([adId]))[adId]).toEqual({
          impressions: 4,
          viewable_impressions: 0,
          ivt_impressions: 3,
          clicks: 0,
          ivt_clicks: 0,
          ivt_reasons: { impressions: { ip_rate_limited: 2, bot_user_agent: 1 }, clicks: {} },
        })
      })

      it("counts caps in Postgres from the viewer's valid impressions inside each ad's window", async () => {
        const hourly = await createAd({ frequency_cap: 1, frequency_window_hours: 1 })
        const daily = await createAd({ frequency_cap: 5, frequency_window_hours: 24 })
        const now = new Date()
        await service.ingestImpressions([
          impression(hourly, { occurred_at: new Date(now.getTime() - HOUR / 2) }),
          impression(hourly, { occurred_at: new Date(now.getTime() - 2 * HOUR) }),
          impression(hourly, { ivt_reason: "prefetch" }),
          impression(hourly, { viewer_key: "token:tok_b", session_token: "tok_b" }),
          impression(daily, { occurred_at: new Date(now.getTime() - 2 * HOUR) }),
        ])
        const windows = [
          { ad_id: hourly, frequency_window_hours: 1 },
          { ad_id: daily, frequency_window_hours: 24 },
        ]
        expect(await service.countCapUsage("token:tok_a", windows, now)).toEqual({ [hourly]: 1, [daily]: 1 })
        expect(await service.countCapUsage("token:tok_c", windows, now)).toEqual({})

        const served = async (viewer_key: string) =>
          (await service.selectAds({ event_id: EVENT, placement: "SIDEBAR", viewer_key, limit: 10, now })).map((ad) => ad.id).sort()
        expect(await served("token:tok_a")).toEqual([daily])
        expect(await served("token:tok_c")).toEqual([hourly, daily].sort())
      })

      it("serves only active, unarchived, scheduled ads of the placement, without repeats", async () => {
        const now = new Date()
        const live = await createAd({ placements: ["SIDEBAR", "CHECKOUT"] as unknown as Record<string, unknown> })
        await createAd({ is_active: false })
        await createAd({ is_archived: true })
        await createAd({ placements: ["CHECKOUT"] as unknown as Record<string, unknown> })
        await createAd({ starts_at: new Date(now.getTime() + HOUR) })
        await createAd({ ends_at: new Date(now.getTime() - HOUR) })
        const served = await service.selectAds({ event_id: EVENT, placement: "SIDEBAR", limit: 10, now })
        expect(served.map((ad) => ad.id)).toEqual([live])
        expect(await service.selectAds({ event_id: "prod_unknown", placement: "SIDEBAR", limit: 10, now })).toEqual([])
      })

      it("records clicks: a replayed serve, a viewer's second click and clicks past the IP prefix's cap are invalid", async () => {
        const adId = await createAd()
        const first = click(adId)
        const valid = await service.recordCheckedClick(first)
        expect(valid).toEqual({ id: expect.any(String), click_id: first.click_id, ivt_reason: null })

        const replay = await service.recordCheckedClick({ ...first, occurred_at: new Date() })
        expect(replay).toMatchObject({ id: expect.any(String), ivt_reason: "replayed", click_id: expect.stringMatching(/^replay:/) })
        expect((await service.recordCheckedClick(click(adId))).ivt_reason).toBe("duplicate_click")
        // An unsigned click id already stored is not stored again.
        expect((await service.recordCheckedClick({ ...first, nonce: null, ivt_reason: "unsigned" })).id).toBeNull()

        expect((await service.recordCheckedClick(click(adId, { viewer_key: "token:tok_b" }))).ivt_reason).toBeNull()
        expect((await service.recordCheckedClick(click(adId, { viewer_key: "token:tok_c" }))).ivt_reason).toBe("ip_rate_limited")
        expect((await service.recordCheckedClick(click(adId, { viewer_key: "token:tok_d", ip_prefix: "192.0.2" }))).ivt_reason).toBeNull()
        // A click already classified keeps its own reason.
        expect((await service.recordCheckedClick(click(adId, { viewer_key: "token:tok_e", ivt_reason: "click_too_fast" }))).ivt_reason).toBe(
          "click_too_fast"
        )

        expect((await service.deliveryCounts([adId]))[adId]).toMatchObject({
          clicks: 3,
          ivt_clicks: 4,
          ivt_reasons: {
            impressions: {},
            clicks: { replayed: 1, duplicate_click: 1, ip_rate_limited: 1, click_too_fast: 1 },
          },
        })
      })

      it("answers the viewer's latest impression of an ad, for the too-fast-click rule", async () => {
        const adId = await createAd()
        expect(await service.lastImpressionAt(adId, "token:tok_a")).toBeNull()
        const latest = new Date(Date.now() - 1_000)
        await service.ingestImpressions([
          impression(adId, { occurred_at: new Date(latest.getTime() - 60_000) }),
          impression(adId, { occurred_at: latest }),
          impression(adId, { viewer_key: "token:tok_b", occurred_at: new Date() }),
        ])
        expect((await service.lastImpressionAt(adId, "token:tok_a"))?.getTime()).toBe(latest.getTime())
      })

      it("signs serve tokens for one ad and one viewer, valid until they expire", async () => {
        const now = new Date()
        const { token, expires_at } = await service.signServeToken("mad_1", "token:tok_a", now)
        expect(expires_at.getTime()).toBe(now.getTime() + 60 * 60_000)
        expect(await service.checkServeToken("mad_1", "token:tok_a", token, now)).toEqual({ valid: true, nonce: expect.any(String) })
        expect(await service.checkServeToken("mad_2", "token:tok_a", token, now)).toEqual({ valid: false, reason: "bad_signature" })
        expect(await service.checkServeToken("mad_1", "token:tok_b", token, now)).toEqual({ valid: false, reason: "bad_signature" })
        expect(await service.checkServeToken("mad_1", null, token, now)).toEqual({ valid: false, reason: "unsigned" })
        const later = new Date(now.getTime() + 2 * HOUR)
        expect(await service.checkServeToken("mad_1", "token:tok_a", token, later)).toEqual({ valid: false, reason: "expired" })
      })

      it("undoes ingestion for compensation, purges old traffic in bounded batches and erases a customer", async () => {
        const adId = await createAd()
        const old = new Date(Date.now() - 100 * 24 * HOUR)
        const viewableInput = impression(adId, { viewable: true })
        const customerInput = impression(adId, { customer_id: "cus_1", viewer_key: "customer:cus_1" })
        const { rows } = await service.ingestImpressions([
          viewableInput,
          customerInput,
          impression(adId, { occurred_at: old, ip_prefix: "192.0.2" }),
          impression(adId, { occurred_at: old, ip_prefix: "192.0.2" }),
        ])
        const stored = (input: AdImpressionInput) => rows.find((row) => row.client_id === input.client_id)!
        const [viewable, byCustomer] = [stored(viewableInput), stored(customerInput)]
        await service.downgradeImpressions([viewable.id])
        expect((await service.retrieveAdImpression(viewable.id)).viewable).toBe(false)

        const cutoff = new Date(Date.now() - 90 * 24 * HOUR)
        expect(await service.purgeAdTrafficBefore("impressions", cutoff, 1)).toBe(1)
        expect(await service.purgeAdTrafficBefore("impressions", cutoff, 10)).toBe(1)
        expect(await service.purgeAdTrafficBefore("impressions", cutoff, 10)).toBe(0)

        await service.recordCheckedClick(click(adId, { customer_id: "cus_1", viewer_key: "customer:cus_1" }))
        expect(await service.eraseCustomerAdTraffic("cus_1")).toBe(2)
        const erased = await service.retrieveAdImpression(byCustomer.id)
        expect(erased).toMatchObject({ customer_id: null, viewer_key: null, ip_prefix: null, ad_id: adId })
        expect((await service.deliveryCounts([adId]))[adId]).toMatchObject({ impressions: 2, clicks: 1 })

        await service.removeImpressions([viewable.id, byCustomer.id])
        expect((await service.deliveryCounts([adId]))[adId].impressions).toBe(0)
      })
    },
  })
})

/** Frequency caps counted in Redis: fixed windows with an expiry, undone by compensation. */
describe("ad module (Redis caps)", () => {
  withRedis((redisUrl) => {
    let redis: Redis
    beforeAll(() => {
      redis = new Redis(redisUrl)
    })
    afterAll(() => redis.quit())

    moduleIntegrationTestRunner<AdModuleService>({
      ...moduleConfig,
      moduleOptions: { redisUrl },
      testSuite: ({ medusaApp }) => {
        const service = liveModuleService<AdModuleService>(medusaApp, AD_MODULE)
        const { createAd, impression } = adFixtures(service)
        const adIds: string[] = []
        const newAd = async (overrides: Record<string, unknown>) => {
          const id = await createAd(overrides)
          adIds.push(id)
          return id
        }

        describe("", () => {
          afterEach(async () => {
            // The runner shares one connection, so it never shuts modules down: close their Redis clients here.
            await service.__hooks.onApplicationShutdown()
            for (const id of adIds.splice(0)) {
              const keys = await redis.keys(`monetization:ad-cap:${id}:*`)
              if (keys.length) await redis.del(...keys)
            }
          })

          it("counts per viewer per fixed window, expiring with it; compensation takes a count back", async () => {
            const adId = await newAd({ frequency_cap: 2, frequency_window_hours: 1 })
            // The middle of a window, so `now` and `now + 1 min` share it.
            const now = new Date(Math.floor(Date.now() / HOUR) * HOUR + HOUR / 2)
            const increment = { ad_id: adId, viewer_key: "token:tok_a", frequency_window_hours: 1 }
            const counted = await service.incrementCapCounters([increment, increment], now)
            expect(counted.map((c) => c.in)).toEqual(["redis", "redis"])
            const windows = [{ ad_id: adId, frequency_window_hours: 1 }]
            expect(await service.countCapUsage("token:tok_a", windows, new Date(now.getTime() + 60_000))).toEqual({ [adId]: 2 })
            expect(await service.countCapUsage("token:tok_b", windows, now)).toEqual({ [adId]: 0 })
            expect(await service.countCapUsage("token:tok_a", windows, new Date(now.getTime() + HOUR))).toEqual({ [adId]: 0 })
            const ttl = await redis.pttl(counted[0].key)
            expect(ttl).toBeGreaterThan(0)
            expect(ttl).toBeLessThanOrEqual(HOUR + 60_000)

            await service.decrementCapCounters([counted[0]])
            expect(await service.countCapUsage("token:tok_a", windows, now)).toEqual({ [adId]: 1 })
            // Redis is the counter: stored impressions alone do not count.
            await service.ingestImpressions([impression(adId), impression(adId)])
            expect(await service.countCapUsage("token:tok_a", windows, now)).toEqual({ [adId]: 1 })
          })

          it("stops serving an ad once the viewer's Redis counter reaches its cap", async () => {
            const capped = await newAd({ frequency_cap: 1, frequency_window_hours: 24 })
            const open = await newAd({})
            const now = new Date()
            const served = async () =>
              (await service.selectAds({ event_id: EVENT, placement: "SIDEBAR", viewer_key: "token:tok_a", limit: 10, now }))
                .map((ad) => ad.id)
                .sort()
            expect(await served()).toEqual([capped, open].sort())
            await service.incrementCapCounters([{ ad_id: capped, viewer_key: "token:tok_a", frequency_window_hours: 24 }], now)
            expect(await served()).toEqual([open])
          })
        })
      },
    })
  })
})
