import jwt from "jsonwebtoken"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, revokeApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosResponse } from "axios"
import { io, Socket } from "socket.io-client"
import { adminHeaders } from "../../helpers/auth"
import { createStoreSetup, StoreSetup } from "../../helpers/store-setup"
import { trackedEvent } from "../analytics/fixtures"
import { createOfferFixtures, offerBody } from "../offers/fixtures"
import { waitForConnect } from "../waitlist/helpers"

jest.setTimeout(300_000)

// Small limits, so each attack takes a few hundred requests; medusa-config.ts reads them at boot.
// Medusa sets Express's `trust proxy` to 1: each test's client address is its X-Forwarded-For.
const LIMITS = {
  viewer: { points: 10, duration: 60 },
  ip: { points: 50, duration: 60 },
  ipEvents: { points: 100, duration: 60 },
  publishableKey: { points: 120, duration: 60 },
  ipShareOfKey: 0.25,
  customer: { points: 5, duration: 60 },
  socketIp: { points: 5, duration: 60 },
  socketCustomer: { points: 3, duration: 60 },
}
process.env.MONETIZATION_OPTIONS = JSON.stringify({ rateLimits: LIMITS })
afterAll(() => {
  delete process.env.MONETIZATION_OPTIONS
})

const SECRET = process.env.JWT_SECRET || "supersecret"
const SHARE = LIMITS.publishableKey.points * LIMITS.ipShareOfKey

/** A token for a customer of that id, as Medusa's auth would sign it. */
const customerToken = (customerId: string) =>
  jwt.sign({ actor_id: customerId, actor_type: "customer", auth_identity_id: `authid_${customerId}` }, SECRET)

const fresh = () => Math.random().toString(36).slice(2, 12)

/** `count` calls of `call`, at most `concurrency` at a time, answers in call order. */
async function flood<T>(count: number, concurrency: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const answers: T[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++
        answers[i] = await call(i)
      }
    })
  )
  return answers
}

function expectRefused(response: AxiosResponse, layer?: RegExp) {
  expect(response.status).toBe(429)
  const retryAfter = Number(response.headers["retry-after"])
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(60)
  expect(response.data).toEqual({ type: "not_allowed", message: expect.stringMatching(/^Too many requests for /) })
  if (layer) {
    expect(response.data.message).toMatch(layer)
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const storedEvents = async () => Number((await knex()("monetization_event").count({ n: "*" }))[0].n)

    const headers = (ip: string, extra: Record<string, string> = {}, key = setup.publishableKey) => ({
      "x-publishable-api-key": key,
      "x-forwarded-for": ip,
      ...extra,
    })
    const post = (path: string, body: unknown, requestHeaders: Record<string, string>): Promise<AxiosResponse> =>
      api.post(path, body, { headers: requestHeaders, validateStatus: () => true })
    const get = (path: string, requestHeaders: Record<string, string>): Promise<AxiosResponse> =>
      api.get(path, { headers: requestHeaders, validateStatus: () => true, maxRedirects: 0 })
    /** A tracking batch of `size` events, all of one session token. */
    const batch = (size: number, session_token: string) => ({
      events: Array.from({ length: size }, () => trackedEvent({ session_token })),
    })
    const extraKey = async () => {
      const { result } = await createApiKeysWorkflow(getContainer()).run({
        input: { api_keys: [{ title: `Storefront ${fresh()}`, type: "publishable", created_by: "test" }] },
      })
      return result[0]
    }

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
    })

    describe("POST /store/analytics/track", () => {
      it("answers a viewer posting 600 batches in a few seconds with 429s and Retry-After after its budget", async () => {
        const answers = await flood(600, 20, () =>
          post("/store/analytics/track", batch(2, "sess_flooder"), headers("203.0.113.1"))
        )
        const accepted = answers.filter((response) => response.status === 202)
        expect(accepted).toHaveLength(LIMITS.viewer.points)
        const refused = answers.filter((response) => response.status !== 202)
        expect(refused).toHaveLength(600 - LIMITS.viewer.points)
        refused.forEach((response) => expectRefused(response))
        expect(refused.some((response) => /this viewer/.test(response.data.message))).toBe(true)
        expect(await storedEvents()).toBe(LIMITS.viewer.points * 2)
      })

      it("bounds 600 batches under 600 fresh session tokens from one address by the address's event budget", async () => {
        // Four keys: each key's share for one address (30) would let 120 events through; the budget is 100.
        const keys = [setup.publishableKey, ...(await Promise.all([extraKey(), extraKey(), extraKey()])).map((key) => key.token)]
        const answers = await flood(600, 20, (i) =>
          post("/store/analytics/track", batch(5, `sess_${fresh()}`), headers("203.0.113.2", {}, keys[i % keys.length]))
        )
        const accepted = answers.filter((response) => response.status === 202)
        expect(accepted).toHaveLength(LIMITS.ipEvents.points / 5)
        const firstRefusal = answers.find((response) => response.status !== 202)!
        expectRefused(firstRefusal, /events from this network address/)
        answers.filter((response) => response.status !== 202).forEach((response) => expectRefused(response))
        expect(await storedEvents()).toBe(LIMITS.ipEvents.points)
      })

      it("refuses an address whose event budget is spent before reading its next body", async () => {
        const keys = [setup.publishableKey, ...(await Promise.all([extraKey(), extraKey(), extraKey()])).map((key) => key.token)]
        const spend = await flood(LIMITS.ipEvents.points / 5, 1, (i) =>
          post("/store/analytics/track", batch(5, `sess_${fresh()}`), headers("203.0.113.5", {}, keys[i % keys.length]))
        )
        expect(spend.map((response) => response.status)).toEqual(spend.map(() => 202))

        // Parsed, these would be 413 and 400: refused unread, the flood costs the server no parse.
        const oversized = await post(
          "/store/analytics/track",
          { events: [trackedEvent({ metadata: { blob: "x".repeat(1100 * 1024) } })] },
          headers("203.0.113.5", {}, keys[1])
        )
        expectRefused(oversized, /events from this network address/)
        const beacon = await post(`/beacon/analytics/track?x-publishable-api-key=${keys[2]}`, "{not json", {
          "content-type": "text/plain;charset=UTF-8",
          "x-forwarded-for": "203.0.113.5",
        })
        expectRefused(beacon, /events from this network address/)
        expect(await storedEvents()).toBe(LIMITS.ipEvents.points)
      })

      it("lets one address take at most its share of a publishable key's quota, and all addresses together the quota", async () => {
        const send = (ip: string) => post("/store/analytics/track", batch(5, `sess_${fresh()}`), headers(ip))
        const first = await flood(SHARE / 5 + 3, 1, () => send("198.51.100.1"))
        expect(first.filter((response) => response.status === 202)).toHaveLength(SHARE / 5)
        first.slice(SHARE / 5).forEach((response) => expectRefused(response, /share of the publishable key/))

        // Other addresses still write on the key until the key's own quota is spent.
        for (const ip of ["198.51.100.2", "198.51.100.3", "198.51.100.4"]) {
          const answers = await flood(SHARE / 5, 1, () => send(ip))
          expect(answers.map((response) => response.status)).toEqual(answers.map(() => 202))
        }
        expect(await storedEvents()).toBe(LIMITS.publishableKey.points)
        expectRefused(await send("198.51.100.5"), /this publishable key/)
        expect(await storedEvents()).toBe(LIMITS.publishableKey.points)
      })

      it("never limits an honest tracker (a batch every 30 s), even while another address floods the same key", async () => {
        const flooding = flood(300, 10, () =>
          post("/store/analytics/track", batch(5, `sess_${fresh()}`), headers("203.0.113.3"))
        )
        const honest: AxiosResponse[] = []
        for (let minute = 0; minute < 4; minute++) {
          honest.push(await post("/store/analytics/track", batch(5, "sess_honest"), headers("192.0.2.7")))
        }
        const attack = await flooding
        expect(honest.map((response) => response.status)).toEqual([202, 202, 202, 202])
        expect(attack.filter((response) => response.status === 429).length).toBeGreaterThan(250)
      })

      it("counts bodies it refuses as unreadable on their address, so a flood of them is refused unread", async () => {
        const answers = await flood(LIMITS.ip.points + 10, 1, () =>
          post(`/beacon/analytics/track?x-publishable-api-key=${setup.publishableKey}`, "{not json", {
            "content-type": "text/plain;charset=UTF-8",
            "x-forwarded-for": "192.0.2.30",
          })
        )
        expect(answers.slice(0, LIMITS.ip.points - 5).map((response) => response.status)).toEqual(
          Array(LIMITS.ip.points - 5).fill(400)
        )
        answers.slice(-5).forEach((response) => expectRefused(response, /this network address/))
      })

      it("answers an oversized body 413 and a body that is not JSON 400, both invalid_data, on store and beacon routes", async () => {
        const big = { events: [trackedEvent({ metadata: { blob: "x".repeat(1100 * 1024) } })] }
        const json = await post("/store/analytics/track", big, headers("192.0.2.20"))
        expect(json.status).toBe(413)
        expect(json.data).toEqual({ type: "invalid_data", message: expect.stringContaining("larger than") })
        const beacon = await post(
          `/beacon/analytics/track?x-publishable-api-key=${setup.publishableKey}`,
          JSON.stringify(big),
          { "content-type": "text/plain;charset=UTF-8", "x-forwarded-for": "192.0.2.21" }
        )
        expect(beacon.status).toBe(413)
        expect(beacon.data).toEqual({ type: "invalid_data", message: expect.stringContaining("larger than") })
        const notJson = await post("/store/analytics/track", "{not json", headers("192.0.2.22", { "content-type": "application/json" }))
        expect(notJson.status).toBe(400)
        expect(notJson.data).toMatchObject({ type: "invalid_data" })
        // A purchase body over Express's default 100 KiB is refused the same way.
        const purchase = await post(
          "/store/offers/moff_x/purchase",
          { quantity: 1, pad: "x".repeat(120 * 1024) },
          headers("192.0.2.23", { authorization: `Bearer ${customerToken("cus_big_body")}` })
        )
        expect(purchase.status).toBe(413)
        expect(purchase.data).toMatchObject({ type: "invalid_data" })
      })
    })

    describe("GET /ads/:id/click", () => {
      it("limits the signed click redirect per viewer before recording anything", async () => {
        const answers = await flood(40, 5, () => get("/ads/ad_unknown/click?v=token:clicker&t=x.y.z", { "x-forwarded-for": "203.0.113.4" }))
        expect(answers.filter((response) => response.status !== 429)).toHaveLength(LIMITS.viewer.points)
        answers.filter((response) => response.status === 429).forEach((response) => expectRefused(response, /this viewer/))
      })
    })

    describe("POST /store/offers/:id/purchase", () => {
      it("lets 200 customers behind one address buy at once while that address's tracking is throttled", async () => {
        const fixtures = await createOfferFixtures(getContainer(), setup)
        const admin = await adminHeaders(api, getContainer())
        const offer = (
          await api.post("/admin/offers", offerBody(fixtures.event.productId, fixtures.merch.variantId, { inventory_total: null }), admin)
        ).data.offer
        const venue = "192.0.2.50"
        const reads = await flood(LIMITS.ip.points + 1, 5, () => get(`/store/offers/${offer.id}/availability`, headers(venue)))
        const throttled = reads.filter((response) => response.status === 429)
        expect(throttled).toHaveLength(1)
        expectRefused(throttled[0], /this network address/)

        const buyers = await flood(200, 200, (i) =>
          post(`/store/offers/${offer.id}/purchase`, { quantity: 1 }, headers(venue, { authorization: `Bearer ${customerToken(`cus_nat_${i}`)}` }))
        )
        expect(buyers.map((response) => response.status)).toEqual(buyers.map(() => 201))

        // One customer's retries are counted per customer.
        const retries = await flood(LIMITS.customer.points + 1, 1, () =>
          post(`/store/offers/${offer.id}/purchase`, { quantity: 1 }, headers(venue, { authorization: `Bearer ${customerToken("cus_retrier")}` }))
        )
        expect(retries.slice(0, LIMITS.customer.points).every((response) => [200, 201].includes(response.status))).toBe(true)
        expectRefused(retries[LIMITS.customer.points], /this customer/)
      })
    })

    describe("POST /beacon/analytics/track", () => {
      it("keeps a storefront's key cached while 1,000 made-up keys come and go", async () => {
        const send = (key: string, ip: string) =>
          post(`/beacon/analytics/track?x-publishable-api-key=${key}`, JSON.stringify(batch(1, `sess_${fresh()}`)), {
            "content-type": "text/plain;charset=UTF-8",
            "x-forwarded-for": ip,
          })
        const key = await extraKey()
        expect((await send(key.token, "192.0.2.60")).status).toBe(202)
        // Revoked in the database: only the cached lookup still lets the key through (for up to 30 s).
        await revokeApiKeysWorkflow(getContainer()).run({ input: { selector: { id: key.id }, revoke: { revoked_by: "test" } } })

        const made = await flood(1000, 25, (i) => send(`pk_${fresh()}${i}`, `10.1.${Math.floor(i / 250)}.${i % 250}`))
        expect(made.every((response) => response.status === 400)).toBe(true)
        expect((await send(key.token, "192.0.2.61")).status).toBe(202)
      })
    })

    describe("Socket.io connect", () => {
      const sockets: Socket[] = []
      afterEach(() => sockets.splice(0).forEach((socket) => socket.close()))
      const open = (token: string, ip: string) => {
        const socket = io(api.defaults.baseURL as string, {
          path: "/socket.io",
          transports: ["websocket"],
          reconnection: false,
          forceNew: true,
          auth: { token },
          extraHeaders: { "x-forwarded-for": ip },
        })
        sockets.push(socket)
        return socket
      }
      const refusal = (socket: Socket) =>
        new Promise<Error & { data?: unknown }>((resolve, reject) => {
          socket.once("connect", () => reject(new Error("connected")))
          socket.once("connect_error", resolve)
        })

      it("refuses a connection flood from one address, and one customer's reconnect storm, with connect_error", async () => {
        for (let i = 0; i < LIMITS.socketIp.points; i++) {
          await waitForConnect(open(customerToken(`cus_sock_${i}`), "203.0.113.9"))
        }
        const flooded = await refusal(open(customerToken("cus_sock_extra"), "203.0.113.9"))
        expect(flooded.message).toMatch(/connections from this network address/)
        expect(flooded.data).toEqual({ type: "not_allowed", retry_after: expect.any(Number) })

        for (let i = 0; i < LIMITS.socketCustomer.points; i++) {
          await waitForConnect(open(customerToken("cus_storm"), `198.18.0.${i + 1}`))
        }
        const stormed = await refusal(open(customerToken("cus_storm"), "198.18.0.99"))
        expect(stormed.message).toMatch(/connections of this customer/)
      })
    })
  },
})
