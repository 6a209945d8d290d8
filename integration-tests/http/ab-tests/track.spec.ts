import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { abEvent, abTestBody, createRunningAbTest, sessionFor } from "./fixtures"

// Generous: booting the app under a loaded machine can take over a minute.
jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let setup: StoreSetup

    const storedEvents = async () => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      return knex("monetization_ab_event").select("*").orderBy("created_at")
    }
    const track = (events: unknown[], headers = storeHeaders(setup)) =>
      api.post("/store/ab-tests/track", { events }, headers)
    const fail = (promise: Promise<unknown>) => promise.then(() => ({ status: 0, data: null })).catch((e) => e.response)

    beforeEach(async () => {
      admin = await adminHeaders(api, getContainer())
      setup = await createStoreSetup(getContainer())
    })

    describe("POST /store/ab-tests/track", () => {
      it("accepts a valid batch with a 202 receipt and stores views and conversions", async () => {
        await createRunningAbTest(api, admin)
        const response = await track([
          abEvent(),
          abEvent({ event_type: "goal_conversion", goal_achieved: true, goal_value: 12.5, user_id: "usr_1" }),
          abEvent({ event_type: "secondary_metric", goal: "scroll_depth", goal_value: 0.8 }),
        ])
        expect(response.status).toBe(202)
        expect(response.data).toEqual({ status: "accepted", queued: 0, accepted: 3, duplicates: 0, rejected: [] })
        const rows = await storedEvents()
        expect(rows).toHaveLength(3)
        const conversion = rows.find((r: { event_type: string }) => r.event_type === "goal_conversion")
        expect(conversion).toMatchObject({
          test_id: "abt_checkout_cta",
          event_id: "prod_event_1",
          session_token: "sess_1",
          variant_id: "control",
          goal: "purchase",
          user_id: "usr_1",
          customer_id: null,
          dedup_key: "conversion:purchase:sess_1",
        })
        expect(Number(conversion.goal_value)).toBe(12.5)
        expect(conversion.ip_prefix).toMatch(/(\.0\/24|::\/48)$/)
      })

      it("rejects events one by one with a reason and keeps the rest", async () => {
        await createRunningAbTest(api, admin)
        await api.post("/admin/ab-tests", abTestBody({ test_id: "abt_draft" }), admin)
        await createRunningAbTest(api, admin, { test_id: "abt_stopped" })
        await api.post("/admin/ab-tests/abt_stopped/stop", {}, admin)
        const response = await track([
          abEvent(),
          abEvent({ test_id: "abt_missing" }),
          abEvent({ variant_id: "purple" }),
          abEvent({ test_id: "abt_draft" }),
          abEvent({ test_id: "abt_stopped" }),
          abEvent({ event_id: "prod_other" }),
          abEvent({ event_type: "click" }),
          abEvent({ session_token: undefined }),
          abEvent({ event_type: "goal_conversion", goal_achieved: false }),
          abEvent({ goal_value: 3 }),
          abEvent({ timestamp: new Date(Date.now() + 3600_000).toISOString() }),
          abEvent({ timestamp: "2001-01-01T00:00:00Z" }),
          abEvent({ colour: "red" }),
          "not an object",
        ])
        expect(response.status).toBe(202)
        expect(response.data.accepted).toBe(1)
        const reasons = Object.fromEntries(
          response.data.rejected.map((r: { index: number; reason: string }) => [r.index, r.reason])
        )
        expect(Object.keys(reasons).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
        expect(reasons[1]).toMatch(/^test_id: unknown A\/B test/)
        expect(reasons[2]).toMatch(/^variant_id: not a variant/)
        expect(reasons[3]).toMatch(/^test_id: A\/B test is not running \(DRAFT\)/)
        expect(reasons[4]).toMatch(/not running \(STOPPED\)/)
        expect(reasons[5]).toMatch(/^event_id: does not match/)
        expect(reasons[6]).toMatch(/^event_type/)
        expect(reasons[7]).toMatch(/^session_token/)
        expect(reasons[8]).toMatch(/^goal_achieved/)
        expect(reasons[9]).toMatch(/^goal: a variant_view has no goal/)
        expect(reasons[10]).toMatch(/future/)
        expect(reasons[11]).toMatch(/past/)
        expect(reasons[12]).toMatch(/colour/)
        expect(await storedEvents()).toHaveLength(1)
      })

      it("counts a session's view once per test, in one batch and across retries", async () => {
        await createRunningAbTest(api, admin)
        await createRunningAbTest(api, admin, { test_id: "abt_second" })
        const first = await track([abEvent(), abEvent(), abEvent({ session_token: "sess_2" })])
        expect(first.data).toMatchObject({ accepted: 2, duplicates: 1 })
        const retry = await track([abEvent({ id: "client-event-1" }), abEvent({ test_id: "abt_second" })])
        expect(retry.data).toMatchObject({ accepted: 1, duplicates: 1 })
        const rows = await storedEvents()
        expect(rows.map((r: { test_id: string; session_token: string }) => `${r.test_id}/${r.session_token}`).sort()).toEqual([
          "abt_checkout_cta/sess_1",
          "abt_checkout_cta/sess_2",
          "abt_second/sess_1",
        ])
      })

      it("counts a conversion once per session and goal unless the test allows repeats", async () => {
        await createRunningAbTest(api, admin)
        const conversion = (overrides: Record<string, unknown> = {}) =>
          abEvent({ event_type: "goal_conversion", ...overrides })
        const once = await track([
          abEvent(),
          conversion(),
          conversion({ goal: "purchase", goal_value: 5 }),
          conversion({ goal: "newsletter" }),
          abEvent({ session_token: "sess_2" }),
          conversion({ session_token: "sess_2" }),
        ])
        expect(once.data).toMatchObject({ accepted: 5, duplicates: 1, rejected: [] })

        await createRunningAbTest(api, admin, { test_id: "abt_repeat", allow_repeat_conversions: true })
        const repeat = (overrides: Record<string, unknown> = {}) => conversion({ test_id: "abt_repeat", ...overrides })
        const repeats = await track([
          abEvent({ test_id: "abt_repeat" }),
          repeat({ id: "order-0001", goal_value: 10 }),
          repeat({ id: "order-0002", goal_value: 20 }),
          repeat({ goal_value: 30 }),
        ])
        expect(repeats.data).toMatchObject({ accepted: 4, duplicates: 0 })
        const retried = await track([repeat({ id: "order-0001", goal_value: 10 })])
        expect(retried.data).toMatchObject({ accepted: 0, duplicates: 1 })
        const stored = (await storedEvents()).filter(
          (r: { test_id: string; event_type: string }) => r.test_id === "abt_repeat" && r.event_type === "goal_conversion"
        )
        expect(stored).toHaveLength(3)
      })

      it("trusts the rule, not the client: a foreign variant, an unexposed conversion and an oversized goal_value move nothing", async () => {
        await createRunningAbTest(api, admin)
        const green = sessionFor("green", 0, "abt_checkout_cta", "steer")
        const control = sessionFor("control", 0, "abt_checkout_cta", "steer")
        const conversion = (overrides: Record<string, unknown>) => abEvent({ event_type: "goal_conversion", ...overrides })
        const response = await track([
          // Steering: a control session reported as green, its view and its conversion.
          abEvent({ session_token: control, variant_id: "green" }),
          conversion({ session_token: control, variant_id: "green" }),
          // A conversion of a session never exposed.
          conversion({ session_token: green }),
          // Honest view, then conversions with goal values out of bounds (default max 100000) and in bounds.
          abEvent({ session_token: green }),
          conversion({ session_token: green, goal_value: 1e9 }),
          conversion({ session_token: green, goal_value: -1e9 }),
          conversion({ session_token: green, goal: "upsell", goal_value: 100_000 }),
        ])
        expect(response.status).toBe(202)
        expect(response.data.accepted).toBe(2)
        expect(response.data.rejected).toEqual([
          { index: 0, reason: "variant_id: this session is assigned control by the test's rule" },
          { index: 1, reason: "variant_id: this session is assigned control by the test's rule" },
          { index: 2, reason: expect.stringMatching(/^event_type: no variant_view of this session was recorded/) },
          { index: 4, reason: "goal_value: must be between 0 and 100000" },
          { index: 5, reason: "goal_value: must be between 0 and 100000" },
        ])
        const results = (await api.get("/admin/ab-tests/abt_checkout_cta/results", admin)).data
        expect(results.total_impressions).toBe(1)
        expect(results.total_conversions).toBe(0)
        expect(results.variants.map((v: { variant_id: string; impressions: number }) => [v.variant_id, v.impressions])).toEqual([
          ["control", 0],
          ["green", 1],
        ])
      })

      it("records the logged-in customer", async () => {
        await createRunningAbTest(api, admin)
        const { token, customerId } = await createCustomer(api, setup.publishableKey, "ab@test.dev")
        const response = await track([abEvent()], storeHeaders(setup, token))
        expect(response.data.accepted).toBe(1)
        expect((await storedEvents())[0].customer_id).toBe(customerId)
      })

      it("accepts text/plain bodies as sent by navigator.sendBeacon", async () => {
        await createRunningAbTest(api, admin)
        const response = await api.post("/store/ab-tests/track", JSON.stringify({ events: [abEvent()] }), {
          headers: { ...storeHeaders(setup).headers, "content-type": "text/plain;charset=UTF-8" },
        })
        expect(response.status).toBe(202)
        expect(response.data.accepted).toBe(1)
      })

      it("accepts the same batch on the beacon route POST /beacon/ab-tests/track (text/plain, key in the query)", async () => {
        await createRunningAbTest(api, admin)
        const url = `/beacon/ab-tests/track?x-publishable-api-key=${encodeURIComponent(setup.publishableKey)}`
        const batch = [abEvent(), abEvent({ event_type: "goal_conversion", goal_value: 12 })]
        const response = await api.post(url, JSON.stringify({ events: batch }), {
          headers: { "content-type": "text/plain;charset=UTF-8" },
        })
        expect(response.status).toBe(202)
        expect(response.data).toMatchObject({ accepted: 2, rejected: [] })
        const noKey = await fail(
          api.post("/beacon/ab-tests/track", JSON.stringify({ events: batch }), { headers: { "content-type": "text/plain" } })
        )
        expect(noKey.status).toBe(400)
      })

      it("answers 400 for a malformed body, an empty or oversized batch, or no publishable key", async () => {
        const notJson = await fail(
          api.post("/store/ab-tests/track", "{not json", {
            headers: { ...storeHeaders(setup).headers, "content-type": "text/plain" },
          })
        )
        expect(notJson.status).toBe(400)
        expect((await fail(track([]))).status).toBe(400)
        expect((await fail(api.post("/store/ab-tests/track", { events: [abEvent()], extra: 1 }, storeHeaders(setup)))).status).toBe(400)
        const tooMany = await fail(track(Array.from({ length: 501 }, () => abEvent())))
        expect(tooMany.status).toBe(400)
        const noKey = await fail(api.post("/store/ab-tests/track", { events: [abEvent()] }))
        expect(noKey.status).toBe(400)
      })
    })
  },
})
