import fs from "fs"
import os from "os"
import path from "path"
import { randomUUID } from "crypto"
import type { Socket } from "socket.io-client"
import { withRedis } from "../helpers/redis"
import { connectSocket, emitWithAck, eventually, nextEvent, nextEventWhere, waitForConnect } from "../http/waitlist/helpers"
import { BROWSER_UA, clearOfCapWindowEdge } from "../http/ads/fixtures"
import { claimRedisDatabase, createDatabase } from "./isolation"
import { childEnv, MedusaProcess, startMedusa } from "./medusa-process"
import { ClusterSeed, SEED_PASSWORD } from "./seed-data"
import { freePort } from "../../scripts/lib/free-port"
import { runMedusa } from "../../scripts/lib/medusa-process"
import { startOfflineStripe } from "../../scripts/lib/offline-stripe"

jest.setTimeout(300_000)

type Reply = { status: number; body: any }
type Customer = { token: string; customerId: string }

/**
 * Two API servers (A, B: workerMode "server") and a worker (workerMode "worker") on one
 * Postgres and one Redis, as a merchant deploys Medusa when one process is not enough.
 */
withRedis((testRedisUrl) => {
  const cleanups: (() => Promise<unknown>)[] = []
  const sockets: Socket[] = []
  let seed: ClusterSeed
  let pg: Awaited<ReturnType<typeof createDatabase>>["client"]
  let redis: Awaited<ReturnType<typeof claimRedisDatabase>>["client"]
  let serverA: MedusaProcess
  let serverB: MedusaProcess
  let worker: MedusaProcess
  let admin: string
  let customers: Customer[]
  const offers: { lastUnits?: string; crash?: string } = {}

  const call = async (server: MedusaProcess, method: string, url: string, body?: unknown, token?: string): Promise<Reply> => {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: {
        "content-type": "application/json",
        "user-agent": BROWSER_UA,
        "x-publishable-api-key": seed.publishableKey,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }
  const login = async (actor: "user" | "customer", email: string) => {
    const reply = await call(serverB, "POST", `/auth/${actor}/emailpass`, { email, password: SEED_PASSWORD })
    expect(reply.status).toBe(200)
    return reply.body.token as string
  }
  const actorId = (token: string) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()).actor_id
  const open = async (server: MedusaProcess, customer: Customer) => {
    const socket = connectSocket(server.url, customer.token)
    sockets.push(socket)
    await waitForConnect(socket, 15_000)
    return socket
  }
  const linesSince = (proc: MedusaProcess, since: number, pattern: RegExp) =>
    proc.lines().filter((line) => line.at >= since && pattern.test(line.text))
  const offerStock = async (offerId: string) => {
    const { rows } = await pg.query(
      `SELECT o.held, o.sold,
         (SELECT coalesce(sum(quantity), 0)::int FROM monetization_offer_hold h
          WHERE h.offer_id = o.id AND h.status = 'HELD' AND h.deleted_at IS NULL) AS held_by_holds
       FROM monetization_offer o WHERE o.id = $1`,
      [offerId]
    )
    return rows[0] as { held: number; sold: number; held_by_holds: number }
  }
  const createOffer = async (title: string, inventoryTotal: number) => {
    const reply = await call(
      serverA,
      "POST",
      "/admin/offers",
      {
        event_id: seed.session.productId,
        variant_id: seed.merch.variantId,
        title,
        offer_type: "MERCHANDISE",
        price: 20,
        currency_code: "eur",
        placement: "POST_PURCHASE",
        is_active: true,
        inventory_total: inventoryTotal,
      },
      admin
    )
    expect(reply.status).toBe(201)
    return reply.body.offer.id as string
  }
  /** A SIDEBAR banner for `eventId`, created through server B. */
  const createSidebarAd = async (eventId: string, fields: Record<string, unknown>) => {
    const reply = await call(
      serverB,
      "POST",
      "/admin/ads",
      {
        event_id: eventId,
        content_type: "BANNER",
        media_url: "https://cdn.example.com/banner.png",
        click_url: "https://sponsor.example.com",
        placements: ["SIDEBAR"],
        ...fields,
      },
      admin
    )
    expect(reply.status).toBe(200)
    return reply.body.ad.id as string
  }
  const purchase = (server: MedusaProcess, offerId: string, customer: Customer) =>
    call(server, "POST", `/store/offers/${offerId}/purchase`, { quantity: 1 }, customer.token)

  beforeAll(async () => {
    const startedAt = Date.now()
    const redisDb = await claimRedisDatabase(testRedisUrl)
    cleanups.push(redisDb.release)
    redis = redisDb.client
    const database = await createDatabase()
    cleanups.push(database.drop)
    pg = database.client

    const [portA, portB, portWorker] = [await freePort(), await freePort(), await freePort()]
    const stripe = await startOfflineStripe({ medusaUrl: `http://localhost:${portB}` })
    cleanups.push(() => stripe.api.close())
    const env = childEnv({
      DATABASE_URL: database.url,
      REDIS_URL: redisDb.url,
      MEDUSA_ADMIN_DISABLE: "true",
      // info: the Redis event bus logs each event it processes; debug: each scheduled job run.
      LOG_LEVEL: "debug",
      ...stripe.env,
    })
    await runMedusa(["db:migrate"], { ...env, LOG_LEVEL: "error" })
    const migratedAt = Date.now()

    // The seed (a `medusa exec`) and the three processes boot side by side: nothing reads
    // the seeded rows before the processes are up.
    const seedFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "multi-process-")), "seed.json")
    const seeding = runMedusa(["exec", "./integration-tests/multi-process/seed.ts"], {
      ...env,
      LOG_LEVEL: "error",
      MULTI_PROCESS_SEED_FILE: seedFile,
    })
    const starting = [
      startMedusa("server-a", portA, { ...env, MEDUSA_WORKER_MODE: "server" }),
      startMedusa("server-b", portB, { ...env, MEDUSA_WORKER_MODE: "server" }),
      startMedusa("worker", portWorker, { ...env, MEDUSA_WORKER_MODE: "worker" }),
    ]
    // Registered before awaiting, so a failed start still stops the others.
    starting.forEach((started) => cleanups.push(() => started.then((proc) => proc.stop(), () => undefined)))
    const [processes] = await Promise.all([Promise.all(starting), seeding])
    ;[serverA, serverB, worker] = processes
    seed = JSON.parse(fs.readFileSync(seedFile, "utf8"))
    process.stdout.write(
      `[multi-process] database migrated in ${migratedAt - startedAt} ms; ` +
        `seeded and 3 processes up ${Date.now() - migratedAt} ms later\n`
    )

    admin = await login("user", seed.adminEmail)
    customers = []
    for (const email of seed.customerEmails) {
      const token = await login("customer", email)
      customers.push({ token, customerId: actorId(token) })
    }
    offers.lastUnits = await createOffer("Last T-shirts", 3)
    offers.crash = await createOffer("T-shirts bought while a server dies", 100)
  })

  afterAll(async () => {
    sockets.forEach((socket) => socket.close())
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error) => process.stderr.write(`[multi-process] cleanup: ${error.message}\n`))
    }
  })

  describe("two API servers and a worker on one Postgres and one Redis", () => {
    it("a socket on server A receives WAITLIST_OFFER produced by the worker; one seat for two accepts on A and B", async () => {
      const [first, second] = customers
      const sessionPath = `/store/sessions/${seed.session.variantId}/waitlist`
      expect((await call(serverA, "POST", sessionPath, {}, first.token)).status).toBe(201)
      expect((await call(serverB, "POST", sessionPath, {}, second.token)).status).toBe(201)
      const onA = await open(serverA, first)
      const onB = await open(serverB, second)
      expect(await emitWithAck(onB, "join_room", `session:${seed.session.variantId}:waitlist`)).toEqual({ ok: true })

      const mark = Date.now()
      const offered = nextEvent<{ session_id: string; join_token: string }>(onA, "WAITLIST_OFFER", 60_000)
      const moved = nextEventWhere<{ position: number }>(onB, "WAITLIST_POSITION_UPDATE", (p) => p.position === 1, 60_000)
      const freed = await call(
        serverB,
        "POST",
        `/admin/inventory-items/${seed.session.inventoryItemId}/location-levels/${seed.session.locationId}`,
        { stocked_quantity: 1 },
        admin
      )
      expect(freed.status).toBe(200)
      const [offer, position] = await Promise.all([offered, moved])
      process.stdout.write(`[multi-process] seat freed on B → WAITLIST_OFFER on A in ${Date.now() - mark} ms\n`)
      expect(offer).toMatchObject({ session_id: seed.session.variantId, join_token: expect.any(String) })
      expect(position).toMatchObject({ session_id: seed.session.variantId, position: 1, total: 1 })

      // The worker ran the subscribers; servers in "server" mode process no event at all.
      await eventually(async () => linesSince(worker, mark, /Processing waitlist\.offered/).length > 0, 5_000)
      expect(linesSince(worker, mark, /Processing inventory-level\.updated/).length).toBeGreaterThan(0)
      for (const server of [serverA, serverB]) {
        expect(linesSince(server, 0, /Processing \S+ which has/)).toEqual([])
      }

      const attempts = await Promise.all(
        [serverA, serverB].map((server) =>
          call(server, "POST", `${sessionPath}/accept`, { join_token: offer.join_token }, first.token)
        )
      )
      expect(attempts.map((reply) => reply.status).sort()).toEqual([200, 400])
      const accepted = attempts.find((reply) => reply.status === 200)!
      expect(accepted.body.cart.items).toEqual([
        expect.objectContaining({ variant_id: seed.session.variantId, quantity: 1 }),
      ])
      const { rows } = await pg.query(
        `SELECT status, count(*)::int AS n FROM monetization_waitlist_entry WHERE session_id = $1 GROUP BY status`,
        [seed.session.variantId]
      )
      expect(Object.fromEntries(rows.map((row) => [row.status, row.n]))).toEqual({ ACCEPTED: 1, WAITING: 1 })
    })

    it("concurrent purchases of an offer's last 3 units on A and B hold exactly 3, one per buyer", async () => {
      const buyers = customers.slice(2, 6)
      // Each of 4 buyers asks twice at once, once on each server.
      const replies = await Promise.all(
        Array.from({ length: 8 }, (_, i) => purchase(i % 2 ? serverB : serverA, offers.lastUnits!, buyers[i % 4]))
      )
      const held = replies.filter((reply) => reply.status === 201)
      const retried = replies.filter((reply) => reply.status === 200)
      const refused = replies.filter((reply) => reply.status === 400)
      expect(held).toHaveLength(3)
      expect(new Set(retried.map((reply) => reply.body.hold.id))).toEqual(new Set(held.map((reply) => reply.body.hold.id)))
      expect(refused).toHaveLength(2)
      refused.forEach((reply) => expect(reply.body.message).toMatch(/SOLD_OUT/))
      expect(await offerStock(offers.lastUnits!)).toEqual({ held: 3, sold: 0, held_by_holds: 3 })
    })

    it("frequency caps count across servers: a viewer alternating A and B sees a cap-3 ad 3 times", async () => {
      const eventId = `prod_cluster_${randomUUID()}`
      const adId = await createSidebarAd(eventId, { name: "Sponsor", frequency_cap: 3, frequency_window_hours: 1 })
      const serve = async (server: MedusaProcess, token: string) =>
        (await call(server, "GET", `/store/ads?event_id=${eventId}&placement=SIDEBAR&session_token=${token}`)).body.ads
      // Each impression carries its serve token (signed by one server, checked by the other: same key).
      const view = (server: MedusaProcess, token: string, serve_token: string) =>
        call(server, "POST", "/store/ads/impressions", {
          impressions: [
            { id: randomUUID(), ad_id: adId, placement: "SIDEBAR", session_token: token, serve_token, timestamp: new Date().toISOString() },
          ],
        })

      await clearOfCapWindowEdge(1)
      let seen = 0
      for (let i = 0; i < 6; i++) {
        const [servedBy, reportedTo] = i % 2 ? [serverB, serverA] : [serverA, serverB]
        const [served] = await serve(servedBy, "tok_alternating")
        if (served) {
          seen++
          expect((await view(reportedTo, "tok_alternating", served.serve_token)).status).toBe(202)
        }
      }
      expect(seen).toBe(3)

      // Concurrent impressions of one viewer on both servers: no increment is lost.
      const [burstServe] = await serve(serverA, "tok_burst")
      const burst = await Promise.all(
        Array.from({ length: 12 }, (_, i) => view(i % 2 ? serverB : serverA, "tok_burst", burstServe.serve_token))
      )
      expect(burst.map((reply) => reply.body.accepted)).toEqual(Array(12).fill(1))
      expect(burst.map((reply) => reply.body.invalid_traffic)).toEqual(Array(12).fill(0))
      const [key] = await redis.keys(`monetization:ad-cap:${adId}:token:tok_burst:*`)
      expect(await redis.get(key)).toBe("12")
      expect(await serve(serverA, "tok_burst")).toEqual([])
      expect(await serve(serverB, "tok_burst")).toEqual([])
    })

    it("an ad archived through B stops serving on A at once: every server's serving cache is cleared over Redis", async () => {
      const eventId = `prod_cluster_${randomUUID()}`
      const adId = await createSidebarAd(eventId, { name: "Withdrawn sponsor" })
      const servedOnA = async () =>
        (await call(serverA, "GET", `/store/ads?event_id=${eventId}&placement=SIDEBAR&session_token=tok_${randomUUID()}`)).body
          .ads as { id: string }[]
      // A now holds the ad in its serving cache (kept 10 s when nothing tells it otherwise).
      expect((await servedOnA()).map((ad) => ad.id)).toEqual([adId])
      expect((await call(serverB, "DELETE", `/admin/ads/${adId}`, undefined, admin)).status).toBe(200)
      const archivedAt = Date.now()
      await eventually(async () => (await servedOnA()).length === 0, 3_000)
      process.stdout.write(`[multi-process] archived on B, gone from A after ${Date.now() - archivedAt} ms\n`)
    })

    it("kill -9 of server A mid-traffic loses no accepted analytics event and strands no offer unit", async () => {
      const acceptedIds: string[] = []
      const outcome = { a202: 0, aFailedAfterKill: 0, b202AfterKill: 0 }
      let sent = 0
      let stop = false
      let killed = false
      const sender = async () => {
        while (!stop) {
          const toA = sent++ % 2 === 0
          const ids = Array.from({ length: 5 }, () => randomUUID())
          const events = ids.map((id) => ({
            id,
            type: "OFFER_VIEW",
            entityId: offers.crash!,
            timestamp: new Date().toISOString(),
          }))
          const reply = await call(toA ? serverA : serverB, "POST", "/store/analytics/track", { events }).catch(() => null)
          if (reply?.status === 202) {
            expect(reply.body.accepted).toBe(5)
            acceptedIds.push(...ids)
            if (toA) {
              outcome.a202++
            } else if (killed) {
              outcome.b202AfterKill++
            }
          } else if (toA && killed) {
            outcome.aFailedAfterKill++
          }
        }
      }
      const senders = Array.from({ length: 4 }, sender)
      await new Promise((resolve) => setTimeout(resolve, 2_000))
      // Purchases in flight on A when it dies: each may be anywhere in its workflow.
      const buyers = customers.slice(6, 8)
      const inFlight = Array.from({ length: 6 }, (_, i) => purchase(serverA, offers.crash!, buyers[i % 2]).catch(() => null))
      await new Promise((resolve) => setTimeout(resolve, 400))
      await serverA.kill9()
      killed = true
      await new Promise((resolve) => setTimeout(resolve, 2_000))
      stop = true
      await Promise.all([...senders, ...inFlight])
      process.stdout.write(`[multi-process] analytics during the kill: ${JSON.stringify(outcome)}\n`)

      expect(outcome.a202).toBeGreaterThan(0)
      expect(outcome.aFailedAfterKill).toBeGreaterThan(0)
      expect(outcome.b202AfterKill).toBeGreaterThan(0)
      const { rows } = await pg.query(
        `SELECT count(*)::int AS n FROM monetization_event WHERE client_event_id = ANY($1)`,
        [acceptedIds]
      )
      expect(rows[0].n).toBe(acceptedIds.length)

      // Whatever A was doing, every held unit belongs to a hold the expiry job can release.
      const crash = await offerStock(offers.crash!)
      expect(crash.held).toBe(crash.held_by_holds)
      expect(crash.sold).toBe(0)
    })

    it("the worker's scheduled job releases the expired holds (also those taken on A), once per tick, never on a server", async () => {
      // The holds' time passes (offerHoldMinutes is at least a minute): expire them now.
      await pg.query(
        `UPDATE monetization_offer_hold SET expires_at = now() - interval '1 second' WHERE status = 'HELD' AND offer_id = ANY($1)`,
        [[offers.lastUnits, offers.crash]]
      )
      const expiredAt = Date.now()
      const deadline = expiredAt + 90_000
      let stocks = await Promise.all([offerStock(offers.lastUnits!), offerStock(offers.crash!)])
      while (stocks.some((stock) => stock.held > 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500))
        stocks = await Promise.all([offerStock(offers.lastUnits!), offerStock(offers.crash!)])
      }
      process.stdout.write(`[multi-process] expired holds released ${Date.now() - expiredAt} ms after expiry\n`)
      expect(stocks).toEqual([
        { held: 0, sold: 0, held_by_holds: 0 },
        { held: 0, sold: 0, held_by_holds: 0 },
      ])

      const runs = linesSince(worker, 0, /executing scheduled job job-release-expired-offer-holds/)
      expect(runs.length).toBeGreaterThan(0)
      // At most one run per minute (a busy worker may log a tick late, so no gap is asserted).
      expect(new Set(runs.map((run) => Math.floor(run.at / 60_000))).size).toBe(runs.length)
      expect(linesSince(worker, 0, /executing scheduled job job-expire-waitlist-offers/).length).toBeGreaterThan(0)
      for (const server of [serverA, serverB]) {
        expect(linesSince(server, 0, /executing scheduled job|Registering job/)).toEqual([])
      }
      expect(linesSince(worker, 0, /Registering job from .*release-expired-offer-holds/)).toHaveLength(1)
    })
  })
})
