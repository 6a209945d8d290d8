import http from "http"
import type { AddressInfo } from "net"
import path from "path"
import jwt from "jsonwebtoken"
import Redis from "ioredis"
import { io, Socket } from "socket.io-client"
import { container } from "@medusajs/framework"
import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { liveModuleService } from "../../../../integration-tests/helpers/module-service"
import { withRedis } from "../../../../integration-tests/helpers/redis"
import { REALTIME_EVENTS, REALTIME_MODULE, waitlistRoom } from ".."
import WaitlistAudit from "../../waitlist/models/waitlist-audit"
import WaitlistEntry from "../../waitlist/models/waitlist-entry"
import WaitlistSetting from "../../waitlist/models/waitlist-setting"
import type RealtimeModuleService from "../service"

jest.setTimeout(60_000)

const SECRET = "realtime-module-test-secret"
const ORIGIN = "http://localhost:8000"
const moduleConfig = { moduleName: REALTIME_MODULE, resolve: path.join(__dirname, "..") }
const configModule = (workerMode: "shared" | "worker") => ({
  projectConfig: { workerMode, http: { storeCors: ORIGIN, jwtSecret: SECRET } },
  modules: {},
})
const customerToken = (customerId: string) =>
  jwt.sign({ actor_id: customerId, actor_type: "customer", auth_identity_id: `authid_${customerId}` }, SECRET, { expiresIn: 600 })

function waitForConnect(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve())
    socket.once("connect_error", reject)
  })
}

const MARKER = "TEST_MARKER"

type Execute = (sql: string, bindings: unknown[]) => Promise<{ id: string }[]>

/**
 * The app's Query as `join_room` reaches it (from the app container), standing in over the
 * waitlist's table: the module is loaded alone here, without the waitlist module behind Query.
 */
function waitlistEntryQuery(execute: Execute) {
  return {
    graph: async ({ entity, filters, pagination }: { entity: string; filters: Record<string, unknown>; pagination?: { take?: number } }) => {
      const { session_id, customer_id, status, ...other } = filters
      if (entity !== "waitlist_entry" || Object.keys(other).length || !Array.isArray(status)) {
        throw new Error(`This Query stand-in reads waitlist entries by session, customer and statuses only`)
      }
      const data = await execute(
        `SELECT id FROM monetization_waitlist_entry WHERE session_id = ? AND customer_id = ?
         AND status IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL LIMIT ?`,
        [session_id, customer_id, JSON.stringify(status), pagination?.take ?? 100]
      )
      return { data }
    },
  }
}

/** Every event a socket receives, in order, except the markers. */
function inbox(socket: Socket): [string, unknown][] {
  const received: [string, unknown][] = []
  socket.onAny((event: string, payload: unknown) => {
    if (event !== MARKER) received.push([event, payload])
  })
  return received
}

/** Socket.io on the first server that listens after the module starts, as on Medusa's own. */
describe("realtime module (socket server)", () => {
  moduleIntegrationTestRunner<RealtimeModuleService>({
    ...moduleConfig,
    // The membership check reads waitlist entries through Query: the waitlist's own migrations create the table.
    moduleModels: [WaitlistEntry, WaitlistAudit, WaitlistSetting],
    pathToMigrations: path.join(__dirname, "..", "..", "waitlist", "migrations"),
    moduleOptions: { rateLimits: { socketCustomer: { points: 3, duration: 60 } } },
    injectedDependencies: { configModule: configModule("shared") },
    testSuite: ({ medusaApp, MikroOrmWrapper }) => {
      const service = liveModuleService<RealtimeModuleService>(medusaApp, REALTIME_MODULE)
      beforeAll(() => {
        const execute: Execute = (sql, bindings) => MikroOrmWrapper.forkManager().execute(sql, bindings)
        container.register(ContainerRegistrationKeys.QUERY, asValue(waitlistEntryQuery(execute)))
      })
      let server: http.Server
      let url: string
      const sockets: Socket[] = []

      const open = (token?: string) => {
        const socket = io(url, {
          path: "/socket.io",
          transports: ["websocket"],
          reconnection: false,
          forceNew: true,
          auth: token ? { token } : {},
          extraHeaders: { origin: ORIGIN },
        })
        sockets.push(socket)
        return socket
      }
      const connected = async (customerId: string) => {
        const socket = open(customerToken(customerId))
        await waitForConnect(socket)
        return socket
      }
      /**
       * Pushes a marker to each socket's customer after what the test emitted and waits for it:
       * a socket's events arrive in order, so what it lacks by then it was never sent.
       */
      const settle = async (socketsOf: [customerId: string, socket: Socket][]) => {
        const arrived = Promise.all(socketsOf.map(([, socket]) => new Promise((resolve) => socket.once(MARKER, resolve))))
        for (const customerId of new Set(socketsOf.map(([id]) => id))) {
          await service.emitToCustomer(customerId, MARKER, {})
        }
        await arrived
      }
      const addEntry = (session_id: string, customer_id: string, status: string, ordinal: number) =>
        MikroOrmWrapper.forkManager().execute(
          `INSERT INTO monetization_waitlist_entry (id, session_id, customer_id, status, ordinal) VALUES (?, ?, ?, ?, ?)`,
          [`mwle_${customer_id}_${ordinal}`, session_id, customer_id, status, ordinal]
        )

      describe("", () => {
        beforeEach(async () => {
          server = http.createServer()
          await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
          url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
        })
        afterEach(async () => {
          sockets.splice(0).forEach((socket) => socket.close())
          await service.__hooks.onApplicationPrepareShutdown()
          await new Promise((resolve) => server.close(resolve))
        })

        it("attaches to the first server that listens after start, once", async () => {
          expect(service.server()).not.toBeNull()
          const second = http.createServer()
          await new Promise<void>((resolve) => second.listen(0, "127.0.0.1", resolve))
          await new Promise((resolve) => second.close(resolve))
          expect(service.server()?.httpServer).toBe(server)
        })

        it("admits only sockets with a customer's valid token, and pushes to every socket of that customer only", async () => {
          await expect(waitForConnect(open())).rejects.toThrow(/Unauthorized/)
          await expect(waitForConnect(open(jwt.sign({ actor_id: "cus_1", actor_type: "customer" }, "another-secret")))).rejects.toThrow(
            /Unauthorized/
          )
          await expect(waitForConnect(open(jwt.sign({ actor_id: "user_1", actor_type: "user" }, SECRET)))).rejects.toThrow(/Unauthorized/)

          const [phone, laptop, stranger] = [await connected("cus_1"), await connected("cus_1"), await connected("cus_2")]
          const inboxes = [phone, laptop, stranger].map(inbox)
          const offer = { session_id: "variant_1" }
          await service.emitToCustomer("cus_1", REALTIME_EVENTS.WAITLIST_OFFER, offer)
          await settle([
            ["cus_1", phone],
            ["cus_1", laptop],
            ["cus_2", stranger],
          ])
          expect(inboxes).toEqual([[[REALTIME_EVENTS.WAITLIST_OFFER, offer]], [[REALTIME_EVENTS.WAITLIST_OFFER, offer]], []])
        })

        it("joins a waitlist's room only for a customer waiting or offered on it; pushes to the room reach its members", async () => {
          await addEntry("variant_1", "cus_waiting", "WAITING", 1)
          await addEntry("variant_1", "cus_offered", "OFFERED", 2)
          await addEntry("variant_1", "cus_left", "LEFT", 3)
          await addEntry("variant_2", "cus_elsewhere", "WAITING", 1)
          const join = async (socket: Socket, room: string) => socket.emitWithAck("join_room", room)
          const room = waitlistRoom("variant_1")

          const waiting = await connected("cus_waiting")
          const offered = await connected("cus_offered")
          const left = await connected("cus_left")
          const elsewhere = await connected("cus_elsewhere")
          expect(await join(waiting, room)).toEqual({ ok: true })
          expect(await join(offered, room)).toEqual({ ok: true })
          expect(await join(left, room)).toEqual({ ok: false, error: "You are not on this waitlist" })
          expect(await join(elsewhere, room)).toEqual({ ok: false, error: "You are not on this waitlist" })
          expect(await join(waiting, "user:cus_offered")).toEqual({ ok: false, error: "Unknown room" })

          const inboxes = [waiting, offered, left].map(inbox)
          const everyone: [string, Socket][] = [
            ["cus_waiting", waiting],
            ["cus_offered", offered],
            ["cus_left", left],
          ]
          const update = { session_id: "variant_1", total: 2 }
          const pushed: [string, unknown] = [REALTIME_EVENTS.WAITLIST_POSITION_UPDATE, update]
          service.emitTo(room, REALTIME_EVENTS.WAITLIST_POSITION_UPDATE, update)
          await settle(everyone)
          expect(inboxes).toEqual([[pushed], [pushed], []])

          expect(await offered.emitWithAck("leave_room", room)).toEqual({ ok: true })
          service.emitTo(room, REALTIME_EVENTS.WAITLIST_POSITION_UPDATE, update)
          await settle(everyone)
          expect(inboxes).toEqual([[pushed, pushed], [pushed], []])
        })

        it("refuses a customer's connections past their limit, saying when to retry", async () => {
          for (let i = 0; i < 3; i++) {
            await connected("cus_many")
          }
          const refusal = await waitForConnect(open(customerToken("cus_many"))).catch((error) => error)
          expect(refusal.message).toMatch(/Too many requests for connections of this customer/)
          expect(refusal.data).toEqual({ type: "not_allowed", retry_after: expect.any(Number) })
          await connected("cus_other")
        })
      })
    },
  })
})

/** A worker runs no socket server: its pushes cross to the servers through the Redis emitter. */
describe("realtime module (worker)", () => {
  withRedis((redisUrl) => {
    let subscriber: Redis
    beforeAll(() => {
      subscriber = new Redis(redisUrl)
    })
    afterAll(() => subscriber.quit())

    moduleIntegrationTestRunner<RealtimeModuleService>({
      ...moduleConfig,
      moduleOptions: { redisUrl },
      injectedDependencies: { configModule: configModule("worker") },
      testSuite: ({ medusaApp }) => {
        const service = liveModuleService<RealtimeModuleService>(medusaApp, REALTIME_MODULE)
        describe("", () => {
          afterEach(() => service.__hooks.onApplicationPrepareShutdown())

          it("publishes a customer's push to the socket.io channel of the customer's room", async () => {
            expect(service.server()).toBeNull()
            await subscriber.psubscribe("socket.io#/#*")
            const published = new Promise<string>((resolve) => subscriber.once("pmessage", (_pattern, channel) => resolve(channel)))
            // The emitter's client connects at start; a push published before it is ready is dropped (fail-fast).
            const deadline = Date.now() + 5_000
            let channel: string | null = null
            published.then((value) => (channel = value))
            while (!channel && Date.now() < deadline) {
              await service.emitToCustomer("cus_1", REALTIME_EVENTS.WAITLIST_OFFER_EXPIRED, { session_id: "variant_1" })
              await new Promise((resolve) => setTimeout(resolve, 50))
            }
            expect(channel).toBe("socket.io#/#user:cus_1#")
            await subscriber.punsubscribe()
          })
        })
      },
    })
  })
})
