import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { withRedis } from "../../helpers/redis"
import { createStoreSetup, storeHeaders } from "../../helpers/store-setup"

jest.setTimeout(90_000)

withRedis((redisUrl) => {
  // medusa-config.ts reads REDIS_URL when the runner loads it, before the runner's `env` applies.
  process.env.REDIS_URL = redisUrl
  afterAll(() => {
    delete process.env.REDIS_URL
  })
  return medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      describe("the host on Medusa's Redis modules", () => {
        it("uses Redis for events, workflows and locks, and the plugin still ingests", async () => {
          const container = getContainer()
          expect(container.resolve(Modules.EVENT_BUS).constructor.name).toMatch(/Redis/)
          expect(container.resolve(Modules.WORKFLOW_ENGINE).constructor.name).toMatch(/Workflow/)
          const locking = container.resolve(Modules.LOCKING)
          const order: string[] = []
          let aHoldsTheLock!: () => void
          const aStarted = new Promise<void>((resolve) => (aHoldsTheLock = resolve))
          await Promise.all([
            locking.execute("redis-host-test", async () => {
              order.push("a-start")
              aHoldsTheLock()
              await new Promise((r) => setTimeout(r, 200))
              order.push("a-end")
            }),
            aStarted.then(() =>
              locking.execute("redis-host-test", async () => {
                order.push("b")
              })
            ),
          ])
          expect(order).toEqual(["a-start", "a-end", "b"])

          const setup = await createStoreSetup(container)
          const response = await api.post(
            "/store/analytics/track",
            { events: [{ type: "OFFER_CLICK", entityId: "moff_1", timestamp: new Date().toISOString() }] },
            storeHeaders(setup)
          )
          expect(response.status).toBe(202)
        })
      })
    },
  })
})
