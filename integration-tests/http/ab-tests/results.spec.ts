/**
 * Results of A/B tests, with fixtures tracked through the store route.
 *
 * Reference numbers and where they come from:
 *  [SP] SciPy 1.17.1, run by hand for these fixtures:
 *       stats.chi2_contingency([[100, 900], [130, 870]], correction=False) → 4.421518054532056, p 0.03548845046647463;
 *       stats.ttest_ind(green_per_session, control_per_session, equal_var=False) → t 3.863311526093626,
 *         df 1676.1446727388263, p 0.00011611904707114053;
 *       stats.chisquare([600, 400], [500, 500]) → 40.0, p 2.5396285894708634e-10;
 *       stats.chi2_contingency([[3, 27], [12, 18]], correction=False) → 7.2, p 0.007290358091535643.
 *  [CF] closed forms: 2×2 chi-square N(ad − bc)² / (row and column totals), p = erfc(√(x/2)) (df 1),
 *       evaluated in Python's math module; they agree with [SP] to 1e-15.
 *  [AR] plain arithmetic on the fixture (sums of goal values and their squares).
 * The statistics library's own results are compared as well, but never used as the reference.
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ABTEST_MODULE } from "../../../src/modules/abtest"
import type AbTestModuleService from "../../../src/modules/abtest/service"
import { chiSquareIndependence, welchTTestFromSums } from "../../../src/modules/abtest/lib"
import { adminHeaders } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { abEvent, abTestBody, createRunningAbTest, sessionFor, trackAll, variantFixture } from "./fixtures"

// Generous: booting the app under a loaded machine can take over a minute.
jest.setTimeout(180_000)

function expectClose(actual: number, expected: number, rel = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + 1e-12)
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let setup: StoreSetup

    const fail = (promise: Promise<unknown>) => promise.then(() => ({ status: 0, data: null })).catch((e) => e.response)
    const results = async (testId = "abt_checkout_cta") =>
      (await api.get(`/admin/ab-tests/${testId}/results`, admin)).data

    beforeEach(async () => {
      admin = await adminHeaders(api, getContainer())
      setup = await createStoreSetup(getContainer())
    })

    /** control: 1000 sessions, 100 convert (values 10, 20, …); green: 1000 sessions, 130 convert (values 10, 30, …). */
    const significantFixture = async () => {
      await createRunningAbTest(api, admin)
      const totals = await trackAll(api, storeHeaders(setup), [
        ...variantFixture("control", 1000, 100, { values: [10, 20] }),
        ...variantFixture("green", 1000, 130, { values: [10, 30] }),
      ])
      expect(totals).toEqual({ accepted: 2230, duplicates: 0, rejected: 0 })
    }

    describe("GET /admin/ab-tests/:test_id/results", () => {
      it("counts sessions, conversions and revenue per variant and matches the reference statistics", async () => {
        await significantFixture()
        // Retries and repeats must not move any number.
        await trackAll(api, storeHeaders(setup), variantFixture("control", 50, 50, { values: [999] }))

        const body = await results()
        expect(body).toMatchObject({
          test_id: "abt_checkout_cta",
          status: "RUNNING",
          total_impressions: 2000,
          total_conversions: 230,
          control_variant_id: "control",
          winner: "green",
          srm: { ok: true, p_value: 1 },
        })
        const [control, green] = body.variants
        expect(control).toMatchObject({
          variant_id: "control",
          impressions: 1000,
          conversions: 100,
          conversion_rate: 10,
          confidence_level: null,
          revenue: 1500, // [AR] 50 × 10 + 50 × 20
          revenue_per_session: 1.5,
        })
        expect(green).toMatchObject({
          variant_id: "green",
          impressions: 1000,
          conversions: 130,
          conversion_rate: 13,
          revenue: 2600, // [AR] 65 × 10 + 65 × 30
          revenue_per_session: 2.6,
        })

        // Overall chi-square test of independence: [SP] / [CF].
        expectClose(body.overall.chi_square.statistic, 4.421518054532056, 1e-12)
        expect(body.overall.chi_square.df).toBe(1)
        expectClose(body.overall.chi_square.p_value, 0.03548845046647463, 1e-8)
        expect(body.overall.chi_square).toEqual(
          chiSquareIndependence([
            { sessions: 1000, conversions: 100 },
            { sessions: 1000, conversions: 130 },
          ])
        )
        // One challenger: Holm leaves the p-value as is; confidence = (1 − p) × 100.
        expectClose(green.p_value, 0.03548845046647463, 1e-8)
        expect(green.confidence_level).toBe(96.45)
        expect(body.confidence).toBe(96.45)
        expect(body.recommendation).toBe("green wins with 96.5% confidence (+30% conversion vs control).")

        // Welch's t-test on revenue per session: [SP]; sums [AR] 1500 / 25000 and 2600 / 65000.
        const welch = body.revenue[0].welch
        expectClose(welch.t, 3.863311526093626, 1e-9)
        expectClose(welch.df, 1676.1446727388263, 1e-9)
        expectClose(welch.p_value, 0.00011611904707114053, 1e-6)
        expect(welch).toEqual(
          welchTTestFromSums({ n: 1000, sum: 1500, sumSq: 25000 }, { n: 1000, sum: 2600, sumSq: 65000 })
        )
      })

      it("flags a sample ratio mismatch on a 60/40 split of a 50/50 test and calls no winner", async () => {
        await createRunningAbTest(api, admin)
        await trackAll(api, storeHeaders(setup), [
          ...variantFixture("control", 600, 60),
          ...variantFixture("green", 400, 80),
        ])
        const body = await results()
        expect(body.total_impressions).toBe(1000)
        // [SP] chisquare([600, 400], [500, 500]).
        expect(body.srm.statistic).toBe(40)
        expect(body.srm.ok).toBe(false)
        expectClose(body.srm.p_value, 2.5396285894708634e-10, 1e-6)
        expect(body.winner).toBeNull()
        expect(body.confidence).toBeNull()
        expect(body.recommendation).toMatch(/^Stop: sample ratio mismatch/)
      })

      it("calls no winner with too few sessions, even when the difference is significant", async () => {
        await createRunningAbTest(api, admin)
        await trackAll(api, storeHeaders(setup), [
          ...variantFixture("control", 30, 3),
          ...variantFixture("green", 30, 12),
        ])
        const body = await results()
        // [SP] chi2_contingency([[3, 27], [12, 18]], correction=False).
        expectClose(body.overall.chi_square.statistic, 7.2, 1e-12)
        expectClose(body.overall.chi_square.p_value, 0.007290358091535643, 1e-8)
        expect(body.winner).toBeNull()
        expect(body.recommendation).toMatch(/^Keep running: each compared variant needs at least 100 sessions/)
      })

      it("rolls events up per session: late views, repeat conversions, secondary goals, and compensation", async () => {
        await createRunningAbTest(api, admin, { allow_repeat_conversions: true, revenue_goal: "revenue" })
        const store = storeHeaders(setup)
        const conversion = (overrides: Record<string, unknown>) => abEvent({ event_type: "goal_conversion", ...overrides })
        const s1 = sessionFor("control", 0, "abt_checkout_cta", "s1")
        const s2 = sessionFor("green", 0, "abt_checkout_cta", "s2")
        const s3 = sessionFor("green", 1, "abt_checkout_cta", "s3")
        // s1 converts before its view arrives: the server saw no exposure, so those conversions cannot count
        // (this used to count them once the view came; it now rejects them per event).
        const early = await trackAll(api, store, [
          conversion({ session_token: s1, goal: "purchase" }),
          conversion({ session_token: s1, goal: "revenue", goal_value: 10 }),
        ])
        expect(early).toEqual({ accepted: 0, duplicates: 0, rejected: 2 })
        let body = await results()
        expect(body.total_impressions).toBe(0)
        // Exposed, s1 buys twice (repeats allowed); s2 reaches only a secondary goal; s3 was never exposed.
        await trackAll(api, store, [
          abEvent({ session_token: s1 }),
          conversion({ session_token: s1, goal: "purchase" }),
          conversion({ session_token: s1, goal: "revenue", goal_value: 10 }),
          conversion({ session_token: s1, goal: "revenue", goal_value: 20.25 }),
          abEvent({ session_token: s2 }),
          conversion({ session_token: s2, goal: "newsletter" }),
          conversion({ session_token: s3, goal: "purchase" }),
        ])
        body = await results()
        expect(body).toMatchObject({ total_impressions: 2, total_conversions: 1, revenue_goal: "revenue" })
        expect(body.variants[0]).toMatchObject({ impressions: 1, conversions: 1, revenue: 30.25 })
        expect(body.variants[1]).toMatchObject({ impressions: 1, conversions: 0, revenue: 0 })

        // The track workflow's compensation takes events back out of the rollup.
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const s1Events: { id: string; goal: string | null; goal_value: string | null }[] = await knex(
          "monetization_ab_event"
        ).where({ session_token: s1 })
        // Remove s1's view, its purchase and its 20.25 payment; the 10.00 payment stays.
        const ids = s1Events.filter((e) => !(e.goal === "revenue" && Number(e.goal_value) === 10)).map((e) => e.id)
        expect(ids).toHaveLength(3)
        const service: AbTestModuleService = getContainer().resolve(ABTEST_MODULE)
        await service.removeAbEvents(ids)
        const session = await knex("monetization_ab_session").where({ session_token: s1 }).first()
        expect(session).toMatchObject({ variant_id: null, converted: false })
        expect(Number(session.revenue)).toBe(10)
        body = await results()
        expect(body).toMatchObject({ total_impressions: 1, total_conversions: 0 })
      })

      it("answers zeros for a test without events", async () => {
        await api.post("/admin/ab-tests", abTestBody(), admin)
        const body = await results()
        expect(body).toMatchObject({
          test_id: "abt_checkout_cta",
          status: "DRAFT",
          total_impressions: 0,
          total_conversions: 0,
          winner: null,
          srm: { p_value: 1, ok: true },
        })
        expect(body.variants.map((v: { impressions: number }) => v.impressions)).toEqual([0, 0])
      })

      it("answers 404 for an unknown test and 401 without an admin", async () => {
        expect((await fail(api.get("/admin/ab-tests/abt_missing/results", admin))).status).toBe(404)
        expect((await fail(api.get("/admin/ab-tests/abt_missing/results"))).status).toBe(401)
      })
    })

    describe("POST /admin/ab-tests/:test_id/declare-winner", () => {
      it("records the significant winner with the statistics behind it and stops the test", async () => {
        await significantFixture()
        const response = await api.post("/admin/ab-tests/abt_checkout_cta/declare-winner", {}, admin)
        expect(response.status).toBe(200)
        const test = response.data.ab_test
        expect(test).toMatchObject({
          status: "STOPPED",
          stopped_at: expect.any(String),
          winner_variant_id: "green",
          winner_declared_at: expect.any(String),
          winner_stats: {
            declared_by: expect.stringMatching(/^user_/),
            statistical_winner: "green",
            manual_override: false,
            results: { winner: "green", total_impressions: 2000, confidence: 96.45 },
          },
        })
        expect((await results()).declared_winner).toEqual({ variant_id: "green", declared_at: test.winner_declared_at })
        const again = await fail(api.post("/admin/ab-tests/abt_checkout_cta/declare-winner", {}, admin))
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/already has a winner/)
      })

      it("refuses to guess without a significant winner, but records an explicit choice as an override", async () => {
        await createRunningAbTest(api, admin)
        await trackAll(api, storeHeaders(setup), [...variantFixture("control", 20, 2), ...variantFixture("green", 20, 3)])
        const guess = await fail(api.post("/admin/ab-tests/abt_checkout_cta/declare-winner", {}, admin))
        expect(guess.status).toBe(400)
        expect(guess.data.message).toMatch(/no statistically significant winner/)
        const unknown = await fail(
          api.post("/admin/ab-tests/abt_checkout_cta/declare-winner", { variant_id: "purple" }, admin)
        )
        expect(unknown.status).toBe(400)
        const chosen = await api.post(
          "/admin/ab-tests/abt_checkout_cta/declare-winner",
          { variant_id: "control", note: "Brand decision" },
          admin
        )
        expect(chosen.data.ab_test).toMatchObject({
          status: "STOPPED",
          winner_variant_id: "control",
          winner_stats: { manual_override: true, statistical_winner: null, note: "Brand decision" },
        })
      })

      it("answers 400 for a draft test or a bad body, 404 for an unknown test, 401 without an admin", async () => {
        await api.post("/admin/ab-tests", abTestBody(), admin)
        const draft = await fail(api.post("/admin/ab-tests/abt_checkout_cta/declare-winner", { variant_id: "green" }, admin))
        expect(draft.status).toBe(400)
        expect(draft.data.message).toMatch(/has not started/)
        const bad = await fail(api.post("/admin/ab-tests/abt_checkout_cta/declare-winner", { winner: "green" }, admin))
        expect(bad.status).toBe(400)
        expect((await fail(api.post("/admin/ab-tests/abt_missing/declare-winner", {}, admin))).status).toBe(404)
        expect((await fail(api.post("/admin/ab-tests/abt_checkout_cta/declare-winner", {}))).status).toBe(401)
      })
    })
  },
})
