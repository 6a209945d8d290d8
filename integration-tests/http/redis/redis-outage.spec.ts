import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Logger } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Emitter } from "@socket.io/redis-emitter"
import Redis from "ioredis"
import type { Socket } from "socket.io-client"
import { AD_MODULE } from "../../../src/modules/ad"
import type AdModuleService from "../../../src/modules/ad/service"
import { userRoom } from "../../../src/modules/realtime/types"
import { createCustomer } from "../../helpers/auth"
import { withOwnRedisServer } from "../../helpers/own-redis-server"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { createTicketProduct } from "../../helpers/ticket-product"
import { BROWSER_UA, clearOfCapWindowEdge, createAd, impression, uniqueEventId } from "../ads/fixtures"
import { connectSocket, enableWaitlist, eventually, nextEvent, waitForConnect } from "../waitlist/helpers"

jest.setTimeout(300_000)

/** The plugin's Redis (and only it) is stopped mid-test: caps, impressions and pushes degrade to this process, then recover. */
withOwnRedisServer((redis) => {
  beforeAll(() => {
    // medusa-config.ts reads the plugin options when the runner boots, after this hook.
    process.env.MONETIZATION_OPTIONS = JSON.stringify({ redisUrl: redis.url })
  })
  afterAll(() => {
    delete process.env.MONETIZATION_OPTIONS
  })

  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      let setup: StoreSetup
      let probe: Redis
      let warn: jest.SpyInstance
      let info: jest.SpyInstance
      const sockets: Socket[] = []

      const headers = (token?: string) => ({
        headers: { ...storeHeaders(setup, token).headers, "user-agent": BROWSER_UA },
      })
      const logged = (spy: jest.SpyInstance, text: string) =>
        spy.mock.calls.filter(([line]) => String(line).includes(text)).length

      beforeEach(async () => {
        setup = await createStoreSetup(getContainer(), { withStripe: false })
        probe = new Redis(redis.url, { maxRetriesPerRequest: 1 })
        const logger = getContainer().resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        warn = jest.spyOn(logger, "warn")
        info = jest.spyOn(logger, "info")
      })
      afterEach(async () => {
        sockets.splice(0).forEach((socket) => socket.close())
        probe.disconnect()
        warn.mockRestore()
        info.mockRestore()
        // Every test leaves the server running, whatever it asserted.
        if (!(await new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 }).ping().catch(() => null))) {
          await redis.start()
        }
      })

      describe("POST /store/ads/impressions while the plugin's Redis is down", () => {
        it("answers 202, caps per process in memory, logs the outage once, and counts in Redis again when it returns", async () => {
          await clearOfCapWindowEdge(1)
          const eventId = uniqueEventId()
          const capped = await createAd(getContainer(), eventId, { frequency_cap: 2, frequency_window_hours: 1 })
          const serve = async (sessionToken: string) => {
            const params = new URLSearchParams({ event_id: eventId, placement: "SIDEBAR", session_token: sessionToken })
            const response = await api.get(`/store/ads?${params}`, headers())
            return response.data.ads as { id: string; serve_token: string }[]
          }
          const report = async (sessionToken: string, serveToken: string) =>
            api.post(
              "/store/ads/impressions",
              { impressions: [impression(capped.id, { session_token: sessionToken, serve_token: serveToken })] },
              headers()
            )
          const [served] = await serve("tok_outage")
          expect(served.id).toBe(capped.id)

          await redis.stop()
          const first = await report("tok_outage", served.serve_token)
          const second = await report("tok_outage", served.serve_token)
          expect([first.status, second.status]).toEqual([202, 202])
          expect(first.data).toMatchObject({ accepted: 1, invalid_traffic: 0 })
          // The cap holds in this process: the viewer has seen the ad twice.
          expect(await serve("tok_outage")).toEqual([])
          expect((await serve("tok_other")).map((ad) => ad.id)).toEqual([capped.id])
          const service: AdModuleService = getContainer().resolve(AD_MODULE)
          expect((await service.cacheSizes()).memory_caps).toBe(1)
          expect(logged(warn, "ad module: Redis unavailable")).toBe(1)

          await redis.start()
          await eventually(async () => logged(info, "ad module: Redis is back") === 1, 15_000)
          const [again] = await serve("tok_back")
          expect((await report("tok_back", again.serve_token)).status).toBe(202)
          const keys = await probe.keys(`monetization:ad-cap:${capped.id}:token:tok_back:*`)
          expect(keys).toHaveLength(1)
          expect(await probe.get(keys[0])).toBe("1")
          // What this process counted during the outage still caps its viewer for the window.
          expect(await serve("tok_outage")).toEqual([])
          expect(logged(warn, "ad module: Redis unavailable")).toBe(1)
        })
      })

      describe("Socket.io pushes while the plugin's Redis is down", () => {
        it("still reach a socket of this process, and cross processes again once Redis returns", async () => {
          const customer = await createCustomer(api, setup.publishableKey, `outage-${Date.now()}@test.dev`)
          const session = await createTicketProduct(getContainer(), setup, { stock: 0, title: "Outage keynote" })
          await enableWaitlist(getContainer(), session.variantId)
          const socket = connectSocket(api.defaults.baseURL as string, customer.token)
          sockets.push(socket)
          await waitForConnect(socket)

          await redis.stop()
          const update = nextEvent(socket, "WAITLIST_POSITION_UPDATE")
          const joined = await api.post(`/store/sessions/${session.variantId}/waitlist`, {}, storeHeaders(setup, customer.token))
          expect(joined.status).toBe(201)
          expect(await update).toMatchObject({ session_id: session.variantId, position: 1, total: 1 })
          expect(logged(warn, "[realtime]: Redis unavailable")).toBe(1)

          await redis.start()
          await eventually(async () => logged(info, "[realtime]: Redis is back") === 1, 15_000)
          // Another process (a worker's emitter) reaches the socket through Redis: the adapter resubscribed.
          const emitterClient = new Redis(redis.url)
          try {
            const crossProcess = await eventually(async () => {
              const received = nextEvent(socket, "outage_probe", 1_000).catch(() => null)
              new Emitter(emitterClient).to(userRoom(customer.customerId)).emit("outage_probe", { from: "worker" })
              return received
            }, 15_000)
            expect(crossProcess).toEqual({ from: "worker" })
          } finally {
            emitterClient.disconnect()
          }
        })
      })
    },
  })
})
