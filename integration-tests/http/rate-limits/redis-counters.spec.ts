import { execFileSync } from "child_process"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { createStoreSetup, StoreSetup } from "../../helpers/store-setup"
import { waitFor } from "../../helpers/wait-for"
import { trackedEvent } from "../analytics/fixtures"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { redisServerOnPath, startRedisServer } = require("../../../scripts/lib/redis")

jest.setTimeout(300_000)

const binary: string | null = redisServerOnPath()
/** A port for a redis-server of this file's own, chosen now: medusa-config.ts reads the options at boot. */
const port = Number(
  execFileSync(process.execPath, [
    "-e",
    "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })",
  ])
    .toString()
    .trim()
)
const redisUrl = `redis://127.0.0.1:${port}`
const keyPrefix = `rltest:${Math.random().toString(36).slice(2, 10)}`
const VIEWER = { points: 5, duration: 60 }

if (!binary) {
  describe.skip("Rate limits in Redis skipped: no redis-server on PATH", () => {
    it("needs redis-server", () => undefined)
  })
} else {
  process.env.MONETIZATION_OPTIONS = JSON.stringify({ redisUrl, rateLimits: { keyPrefix, viewer: VIEWER } })
  let server: { stop: () => Promise<void> } | null = null
  let redis: Redis
  beforeAll(async () => {
    server = await startRedisServer(binary, port)
    redis = new Redis(redisUrl)
  })
  afterAll(async () => {
    delete process.env.MONETIZATION_OPTIONS
    redis.disconnect()
    await server?.stop()
  })

  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      let setup: StoreSetup
      beforeEach(async () => {
        setup = await createStoreSetup(getContainer(), { withStripe: false })
      })
      const track = (session_token: string) =>
        api.post(
          "/store/analytics/track",
          { events: [trackedEvent({ session_token })] },
          { headers: { "x-publishable-api-key": setup.publishableKey }, validateStatus: () => true }
        )
      const statuses = async (count: number, session_token: string) => {
        const answers: number[] = []
        for (let i = 0; i < count; i++) {
          answers.push((await track(session_token)).status)
        }
        return answers
      }
      const viewerCount = async (session_token: string) => Number(await redis.get(`${keyPrefix}:viewer:token:${session_token}`))

      describe("rate limits with the plugin's Redis", () => {
        it("count in Redis, so a viewer's budget spent on another server is spent here too", async () => {
          // The limiter's connection is up (it opens at application start).
          await waitFor(async () => {
            await track("sess_warmup")
            return (await viewerCount("sess_warmup")) > 0
          }, 30_000)
          expect(await statuses(VIEWER.points + 2, "sess_redis")).toEqual([202, 202, 202, 202, 202, 429, 429])
          expect(await viewerCount("sess_redis")).toBeGreaterThanOrEqual(VIEWER.points)

          // Another server already counted this viewer's budget in the same window.
          await redis.set(`${keyPrefix}:viewer:token:sess_elsewhere`, VIEWER.points, "EX", 60)
          const refused = await track("sess_elsewhere")
          expect(refused.status).toBe(429)
          expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
        })

        it("keep answering from per-process memory while Redis is down (no 500), and count in Redis again when it returns", async () => {
          await server!.stop()
          expect(await statuses(VIEWER.points + 1, "sess_outage")).toEqual([202, 202, 202, 202, 202, 429])

          server = await startRedisServer(binary, port)
          await waitFor(async () => {
            await track(`sess_probe_${Date.now()}`)
            return (await redis.keys(`${keyPrefix}:viewer:*`)).length > 0
          }, 30_000)
          expect(await statuses(2, "sess_back")).toEqual([202, 202])
          expect(await viewerCount("sess_back")).toBe(2)
        })
      })
    },
  })
}
