import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AB_ASSIGNMENT_VECTORS, assignVariant } from "../../../src/shared/ab-assignment"
import { adminHeaders } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { abTestBody, createRunningAbTest } from "./fixtures"

// Generous: booting the app under a loaded machine can take over a minute.
jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let setup: StoreSetup

    beforeEach(async () => {
      admin = await adminHeaders(api, getContainer())
      setup = await createStoreSetup(getContainer())
    })

    const fail = (promise: Promise<unknown>) => promise.then(() => ({ status: 0, data: null })).catch((e) => e.response)

    describe("GET /store/ab-tests", () => {
      it("lists running tests with variants and weights, and nothing of their results", async () => {
        await createRunningAbTest(api, admin, { test_id: "abt_running" })
        await createRunningAbTest(api, admin, { test_id: "abt_other_event", event_id: "prod_other" })
        await api.post("/admin/ab-tests", abTestBody({ test_id: "abt_draft" }), admin)
        await createRunningAbTest(api, admin, { test_id: "abt_stopped" })
        await api.post("/admin/ab-tests/abt_stopped/stop", {}, admin)

        const response = await api.get("/store/ab-tests?event_id=prod_event_1", storeHeaders(setup))
        expect(response.status).toBe(200)
        expect(response.data).toMatchObject({ count: 1, offset: 0, limit: 50 })
        expect(response.data.ab_tests).toEqual([
          {
            test_id: "abt_running",
            event_id: "prod_event_1",
            name: "Checkout CTA",
            variants: [
              { id: "control", name: "Blue button", weight: 50 },
              { id: "green", name: "Green button", weight: 50 },
            ],
            primary_goal: "purchase",
            revenue_goal: null,
            allow_repeat_conversions: false,
            started_at: expect.any(String),
          },
        ])
        const all = await api.get("/store/ab-tests", storeHeaders(setup))
        expect(all.data.ab_tests.map((t: { test_id: string }) => t.test_id).sort()).toEqual([
          "abt_other_event",
          "abt_running",
        ])
      })

      it("answers 400 for unknown parameters and without a publishable key", async () => {
        expect((await fail(api.get("/store/ab-tests?fields=winner_stats", storeHeaders(setup)))).status).toBe(400)
        expect((await fail(api.get("/store/ab-tests?limit=0", storeHeaders(setup)))).status).toBe(400)
        expect((await fail(api.get("/store/ab-tests"))).status).toBe(400)
      })
    })

    describe("GET /store/ab-tests/:test_id/assignment", () => {
      it.each(AB_ASSIGNMENT_VECTORS.map((v) => [`${v.session_token} / ${v.test_id} → ${v.expected_variant}`, v]))(
        "follows the published vector %s",
        async (_label, vector) => {
          await createRunningAbTest(api, admin, { test_id: vector.test_id, variants: vector.variants })
          const response = await api.get(
            `/store/ab-tests/${vector.test_id}/assignment?session_token=${encodeURIComponent(vector.session_token)}`,
            storeHeaders(setup)
          )
          expect(response.status).toBe(200)
          expect(response.data).toEqual({ test_id: vector.test_id, variant_id: vector.expected_variant })
        }
      )

      it("agrees with the shared assignVariant for many sessions, equal and unequal weights", async () => {
        const equal = [
          { id: "grid", weight: 1 },
          { id: "list", weight: 1 },
          { id: "carousel", weight: 1 },
        ]
        const unequal = [
          { id: "a", weight: 70 },
          { id: "b", weight: 20 },
          { id: "c", weight: 10 },
        ]
        await createRunningAbTest(api, admin, { test_id: "abt_equal", variants: equal })
        await createRunningAbTest(api, admin, { test_id: "abt_unequal", variants: unequal })
        for (let i = 0; i < 25; i++) {
          const session = `9b2f6c1e-${i}-séance-${i * 7919}`
          for (const [testId, variants] of [
            ["abt_equal", equal],
            ["abt_unequal", unequal],
          ] as const) {
            const response = await api.get(
              `/store/ab-tests/${testId}/assignment?session_token=${encodeURIComponent(session)}`,
              storeHeaders(setup)
            )
            expect(response.data.variant_id).toBe(assignVariant(session, testId, [...variants]))
          }
        }
      })

      it("answers 404 for an unknown, draft or stopped test", async () => {
        await api.post("/admin/ab-tests", abTestBody({ test_id: "abt_draft" }), admin)
        await createRunningAbTest(api, admin, { test_id: "abt_stopped" })
        await api.post("/admin/ab-tests/abt_stopped/stop", {}, admin)
        for (const testId of ["abt_missing", "abt_draft", "abt_stopped"]) {
          const response = await fail(
            api.get(`/store/ab-tests/${testId}/assignment?session_token=sess_1`, storeHeaders(setup))
          )
          expect(response.status).toBe(404)
          expect(response.data.type).toBe("not_found")
        }
      })

      it("answers 400 without a session_token or with unknown parameters", async () => {
        await createRunningAbTest(api, admin)
        const missing = await fail(api.get("/store/ab-tests/abt_checkout_cta/assignment", storeHeaders(setup)))
        expect(missing.status).toBe(400)
        expect(missing.data.message).toMatch(/session_token/)
        const extra = await fail(
          api.get("/store/ab-tests/abt_checkout_cta/assignment?session_token=s&x=1", storeHeaders(setup))
        )
        expect(extra.status).toBe(400)
      })
    })
  },
})
