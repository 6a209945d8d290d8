import path from "path"
import Redis from "ioredis"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { liveModuleService } from "../../../../integration-tests/helpers/module-service"
import { withRedis } from "../../../../integration-tests/helpers/redis"
import { RATE_LIMIT_MODULE } from ".."
import type { LimitVerdict } from "../../../lib/rate-limit/rate-limits"
import type RateLimitModuleService from "../service"

jest.setTimeout(60_000)

let sequence = 0
const uniqueKey = (name: string) => `${name}-${Date.now().toString(36)}-${sequence++}`

/** Small budgets so a test can spend them; the prefix keeps this run's Redis counters apart. */
const rateLimits = (keyPrefix: string) => ({
  keyPrefix,
  viewer: { points: 3, duration: 60 },
  ipEvents: { points: 10, duration: 60 },
  publishableKey: { points: 100, duration: 60 },
  ipShareOfKey: 0.05,
})

/** One module per runner: the options decide where the counters live. */
function rateLimitSuite(name: string, options: { redisUrl?: string; keyPrefix: string }, extra: (ctx: Ctx) => void = () => undefined) {
  describe(name, () => {
    moduleIntegrationTestRunner<RateLimitModuleService>({
      moduleName: RATE_LIMIT_MODULE,
      resolve: path.join(__dirname, ".."),
      moduleOptions: { rateLimits: rateLimits(options.keyPrefix), ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}) },
      // The service reads the app's Redis URL and worker mode from the config module.
      injectedDependencies: { configModule: { projectConfig: { workerMode: "shared", http: {} }, modules: {} } },
      testSuite: ({ medusaApp }) => {
        const service = liveModuleService<RateLimitModuleService>(medusaApp, RATE_LIMIT_MODULE)
        describe("", () => {
          // The runner shares one connection, so it never shuts modules down: close their Redis clients here.
          afterEach(() => service.__hooks.onApplicationShutdown())

          it("allows a key its budget per window, then refuses with its layer and when to retry; other keys keep theirs", async () => {
            const key = uniqueKey("viewer")
            const verdicts: LimitVerdict[] = []
            for (let i = 0; i < 4; i++) {
              verdicts.push(await service.consume("viewer", key))
            }
            expect(verdicts.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }])
            expect(verdicts[3]).toEqual({ allowed: false, layer: "viewer", retryAfterSeconds: expect.any(Number) })
            const retry = (verdicts[3] as { retryAfterSeconds: number }).retryAfterSeconds
            expect(retry).toBeGreaterThanOrEqual(1)
            expect(retry).toBeLessThanOrEqual(60)
            expect(await service.consume("viewer", uniqueKey("viewer"))).toEqual({ allowed: true })
            // Layers count apart.
            expect(await service.consume("ipEvents", key)).toEqual({ allowed: true })
          })

          it("takes several points at once; nothing is taken for zero points", async () => {
            const key = uniqueKey("ip")
            expect(await service.consume("ipEvents", key, 6)).toEqual({ allowed: true })
            expect(await service.consume("ipEvents", key, 0)).toEqual({ allowed: true })
            expect(await service.consume("ipEvents", key, 4)).toEqual({ allowed: true })
            expect(await service.consume("ipEvents", key, 1)).toMatchObject({ allowed: false, layer: "ipEvents" })
          })

          it("tells whether a budget is spent without taking from it", async () => {
            const key = uniqueKey("viewer")
            expect(await service.spent("viewer", key)).toEqual({ allowed: true })
            await service.consume("viewer", key, 2)
            for (let i = 0; i < 5; i++) {
              expect(await service.spent("viewer", key)).toEqual({ allowed: true })
            }
            expect(await service.consume("viewer", key)).toEqual({ allowed: true })
            expect(await service.spent("viewer", key)).toMatchObject({ allowed: false, layer: "viewer" })
          })

          it("knows, without asking Redis, a key that reached its limit here; other keys are not blocked", async () => {
            const key = uniqueKey("viewer")
            expect(await service.blockedHere("viewer", key)).toEqual({ allowed: true })
            await service.consume("viewer", key, 2)
            expect(await service.blockedHere("viewer", key)).toEqual({ allowed: true })
            await service.consume("viewer", key)
            expect(await service.blockedHere("viewer", key)).toMatchObject({ allowed: false, layer: "viewer" })
            expect(await service.blockedHere("viewer", uniqueKey("viewer"))).toEqual({ allowed: true })
          })

          it("gives back points taken from a shared quota", async () => {
            const key = uniqueKey("key")
            expect(await service.consume("publishableKey", key, 100)).toEqual({ allowed: true })
            await service.refund("publishableKey", key, 40)
            expect(await service.consume("publishableKey", key, 40)).toEqual({ allowed: true })
            expect(await service.consume("publishableKey", key, 1)).toMatchObject({ allowed: false, layer: "publishableKey" })
          })

          it("an IP's share of a publishable key's quota is a budget of its own", async () => {
            const key = uniqueKey("share")
            expect(await service.consume("ipShareOfKey", key, 5)).toEqual({ allowed: true })
            expect(await service.consume("ipShareOfKey", key, 1)).toMatchObject({ allowed: false, layer: "ipShareOfKey" })
            expect(await service.consume("publishableKey", key, 50)).toEqual({ allowed: true })
          })

          it("counts keys by their first 300 characters, so a long key cannot grow the store", async () => {
            const stem = uniqueKey("long").padEnd(300, "x")
            for (let i = 0; i < 3; i++) {
              expect(await service.consume("viewer", `${stem}${i}`)).toEqual({ allowed: true })
            }
            expect(await service.consume("viewer", `${stem}-another-tail`)).toMatchObject({ allowed: false })
          })

          extra({ service, keyPrefix: options.keyPrefix })
        })
      },
    })
  })
}

type Ctx = { service: RateLimitModuleService; keyPrefix: string }

rateLimitSuite("rate-limit module (no Redis: per-process memory)", { keyPrefix: uniqueKey("test:rl:memory") })

// Redis refuses the connection: the per-process insurance limiter still limits (fail-open to memory, never to no limit).
rateLimitSuite("rate-limit module (Redis unreachable: insurance in memory)", {
  redisUrl: "redis://127.0.0.1:1",
  keyPrefix: uniqueKey("test:rl:down"),
})

withRedis((redisUrl) => {
  let redis: Redis
  const keyPrefix = uniqueKey("test:rl:redis")
  beforeAll(() => {
    redis = new Redis(redisUrl)
  })
  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}:*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })

  rateLimitSuite("rate-limit module (Redis)", { redisUrl, keyPrefix }, ({ service }) => {
    beforeEach(async () => {
      // Until its client is connected the module counts in memory: wait until a probe is counted in Redis.
      const probe = uniqueKey("probe")
      const deadline = Date.now() + 5_000
      while (!(await redis.exists(`${keyPrefix}:publishableKey:${probe}`)) && Date.now() < deadline) {
        await service.consume("publishableKey", probe)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })

    it("counts in Redis, where every server's spending adds up", async () => {
      const key = uniqueKey("viewer")
      const counter = `${keyPrefix}:viewer:${key}`
      await service.consume("viewer", key, 2)
      expect(await redis.get(counter)).toBe("2")
      const ttl = await redis.pttl(counter)
      expect(ttl).toBeGreaterThan(0)
      expect(ttl).toBeLessThanOrEqual(60_000)
      expect(await service.spent("viewer", key)).toEqual({ allowed: true })
      // Another server takes the last point.
      await redis.incr(counter)
      expect(await service.spent("viewer", key)).toMatchObject({ allowed: false, layer: "viewer" })
      expect(await service.consume("viewer", key)).toMatchObject({ allowed: false, layer: "viewer" })
    })
  })
})
