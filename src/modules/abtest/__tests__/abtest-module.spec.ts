import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ABTEST_MODULE } from ".."
import { abEventDedupKey } from "../dedup"
import type AbTestModuleService from "../service"
import type { AbEventInput, AbEventType, AbExperimentDTO } from "../types"

jest.setTimeout(60_000)

const EVENT = "prod_event"
const DAY = 24 * 3_600_000

let sequence = 0
const clientId = () => `ab_${Date.now().toString(36)}_${sequence++}`

/** Tracking rows as the track workflow builds them: the dedup key from the shared rule. */
const abEvent = (
  experiment: Pick<AbExperimentDTO, "test_id" | "allow_repeat_conversions">,
  session_token: string,
  variant_id: string,
  event_type: AbEventType,
  overrides: Partial<AbEventInput> = {}
): AbEventInput => {
  const client_event_id = overrides.client_event_id === undefined ? clientId() : overrides.client_event_id
  const goal = overrides.goal ?? (event_type === "goal_conversion" ? "purchase" : null)
  return {
    client_event_id,
    test_id: experiment.test_id,
    event_id: EVENT,
    session_token,
    variant_id,
    event_type,
    goal,
    goal_value: null,
    user_id: null,
    customer_id: null,
    dedup_key: abEventDedupKey({ event_type, session_token, goal, client_event_id }, experiment.allow_repeat_conversions),
    occurred_at: new Date(),
    user_agent: "Mozilla/5.0",
    ip_prefix: "203.0.113",
    ...overrides,
  }
}

/** Tracking rules the database enforces: dedup per test, exposure from stored views, the session rollup results read. */
moduleIntegrationTestRunner<AbTestModuleService>({
  moduleName: ABTEST_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    type ExperimentOverrides = Partial<Pick<AbExperimentDTO, "allow_repeat_conversions" | "revenue_goal" | "status">>
    const createExperiment = async (overrides: ExperimentOverrides = {}) =>
      (await service.createAbExperiments({
        test_id: `test-${sequence++}`,
        event_id: EVENT,
        name: "Hero headline",
        variants: [
          { id: "control", name: "Control", weight: 1 },
          { id: "b", name: "Bold", weight: 1 },
        ] as unknown as Record<string, unknown>,
        control_variant_id: "control",
        primary_goal: "purchase",
        revenue_goal: null,
        status: "RUNNING",
        ...overrides,
      })) as unknown as AbExperimentDTO

    it("a session's view counts once, a conversion once per goal: in one batch, across batches, per test", async () => {
      const test = await createExperiment()
      const other = await createExperiment()
      const view = abEvent(test, "s1", "control", "variant_view")
      const result = await service.ingestAbEvents([view, abEvent(test, "s1", "control", "variant_view")])
      expect(result).toEqual({ accepted: 1, duplicates: 1, inserted_ids: [expect.stringMatching(/^mabe_/)] })

      const conversion = abEvent(test, "s1", "control", "goal_conversion")
      expect(await service.ingestAbEvents([conversion, abEvent(test, "s1", "control", "goal_conversion")])).toMatchObject({
        accepted: 1,
        duplicates: 1,
      })
      expect(await service.ingestAbEvents([abEvent(test, "s1", "control", "goal_conversion")])).toMatchObject({ accepted: 0 })
      expect(await service.ingestAbEvents([abEvent(test, "s1", "control", "goal_conversion", { goal: "signup" })])).toMatchObject({
        accepted: 1,
      })
      // The same session in another test is another fact.
      expect(await service.ingestAbEvents([abEvent(other, "s1", "control", "variant_view")])).toMatchObject({ accepted: 1 })
      // Secondary metrics repeat freely; only a retried client id is a duplicate.
      const metric = abEvent(test, "s1", "control", "secondary_metric", { goal: "scroll" })
      expect(await service.ingestAbEvents([metric, abEvent(test, "s1", "control", "secondary_metric", { goal: "scroll" })])).toMatchObject({
        accepted: 2,
      })
      expect(await service.ingestAbEvents([metric])).toMatchObject({ accepted: 0, duplicates: 1 })
      expect(await service.ingestAbEvents([])).toEqual({ accepted: 0, duplicates: 0, inserted_ids: [] })
    })

    it("a test that allows repeat conversions counts each one, and a retried client id once", async () => {
      const test = await createExperiment({ allow_repeat_conversions: true, revenue_goal: "purchase" })
      await service.ingestAbEvents([abEvent(test, "s1", "b", "variant_view")])
      const first = abEvent(test, "s1", "b", "goal_conversion", { goal_value: 20 })
      const second = abEvent(test, "s1", "b", "goal_conversion", { goal_value: 5 })
      expect(await service.ingestAbEvents([first, second, first])).toMatchObject({ accepted: 2, duplicates: 1 })
      expect(await service.aggregateAbVariants(test.test_id)).toEqual([
        { variant_id: "b", sessions: 1, conversions: 1, revenue_sum: 25, revenue_sum_sq: 625 },
      ])
    })

    it("a session is exposed only once its view is stored; a conversion alone exposes nothing", async () => {
      const test = await createExperiment()
      const pairs = [
        { test_id: test.test_id, session_token: "s1" },
        { test_id: test.test_id, session_token: "s2" },
      ]
      expect(await service.listExposedSessions(pairs)).toEqual(new Set())
      await service.ingestAbEvents([abEvent(test, "s2", "b", "goal_conversion")])
      expect(await service.listExposedSessions(pairs)).toEqual(new Set())
      await service.ingestAbEvents([abEvent(test, "s1", "control", "variant_view")])
      expect(await service.listExposedSessions(pairs)).toEqual(new Set([`${test.test_id}\ns1`]))
      expect(await service.listExposedSessions([])).toEqual(new Set())
      // Sessions without a view are left out of the results.
      expect(await service.aggregateAbVariants(test.test_id)).toEqual([
        { variant_id: "control", sessions: 1, conversions: 0, revenue_sum: 0, revenue_sum_sq: 0 },
      ])
    })

    it("results: sessions with a view, conversions on the primary goal, revenue on the revenue goal, per variant", async () => {
      const test = await createExperiment({ revenue_goal: "revenue" })
      await service.ingestAbEvents([
        abEvent(test, "c1", "control", "variant_view"),
        abEvent(test, "c1", "control", "goal_conversion"),
        abEvent(test, "c2", "control", "variant_view"),
        abEvent(test, "c2", "control", "secondary_metric", { goal: "scroll" }),
        abEvent(test, "b1", "b", "variant_view"),
        abEvent(test, "b1", "b", "goal_conversion"),
        abEvent(test, "b1", "b", "goal_conversion", { goal: "revenue", goal_value: 30 }),
        abEvent(test, "b2", "b", "variant_view"),
        abEvent(test, "b2", "b", "goal_conversion", { goal: "revenue", goal_value: 10 }),
        abEvent(test, "b3", "b", "variant_view"),
      ])
      const aggregates = await service.aggregateAbVariants(test.test_id)
      expect(aggregates.sort((x, y) => x.variant_id.localeCompare(y.variant_id))).toEqual([
        { variant_id: "b", sessions: 3, conversions: 1, revenue_sum: 40, revenue_sum_sq: 1000 },
        { variant_id: "control", sessions: 2, conversions: 1, revenue_sum: 0, revenue_sum_sq: 0 },
      ])

      const results = await service.computeAbTestResults(await service.retrieveAbExperimentByTestId(test.test_id))
      expect(results).toMatchObject({
        test_id: test.test_id,
        control_variant_id: "control",
        primary_goal: "purchase",
        revenue_goal: "revenue",
        total_impressions: 5,
        total_conversions: 2,
        winner: null,
        declared_winner: null,
      })
      expect(results.variants.map(({ variant_id, impressions, conversions, conversion_rate, revenue }) => ({
        variant_id,
        impressions,
        conversions,
        conversion_rate,
        revenue,
      }))).toEqual([
        { variant_id: "control", impressions: 2, conversions: 1, conversion_rate: 50, revenue: 0 },
        { variant_id: "b", impressions: 3, conversions: 1, conversion_rate: 33.33, revenue: 40 },
      ])
    })

    it("compensation takes removed events out of the rollup; another conversion keeps the session converted", async () => {
      const test = await createExperiment({ allow_repeat_conversions: true })
      await service.ingestAbEvents([
        abEvent(test, "s1", "b", "variant_view"),
        abEvent(test, "s1", "b", "goal_conversion", { goal_value: 7 }),
      ])
      const idOf = async (event_type: AbEventType) => (await service.listAbEvents({ test_id: test.test_id, event_type }))[0].id
      const [viewId, conversionId] = [await idOf("variant_view"), await idOf("goal_conversion")]
      const again = await service.ingestAbEvents([abEvent(test, "s1", "b", "goal_conversion", { goal_value: 3 })])
      await service.removeAbEvents(again.inserted_ids)
      expect(await service.aggregateAbVariants(test.test_id)).toEqual([
        { variant_id: "b", sessions: 1, conversions: 1, revenue_sum: 7, revenue_sum_sq: 49 },
      ])
      await service.removeAbEvents([conversionId])
      expect(await service.aggregateAbVariants(test.test_id)).toEqual([
        { variant_id: "b", sessions: 1, conversions: 0, revenue_sum: 0, revenue_sum_sq: 0 },
      ])
      await service.removeAbEvents([viewId])
      expect(await service.listExposedSessions([{ test_id: test.test_id, session_token: "s1" }])).toEqual(new Set())
      // Removed facts can be tracked again.
      expect(await service.ingestAbEvents([abEvent(test, "s1", "b", "variant_view")])).toMatchObject({ accepted: 1 })
    })

    it("retention keeps a running test's raw events; erasure unlinks the customer; the rollup stays", async () => {
      const running = await createExperiment()
      const stopped = await createExperiment({ status: "STOPPED" })
      const old = new Date(Date.now() - 100 * DAY)
      for (const test of [running, stopped]) {
        await service.ingestAbEvents([
          abEvent(test, "s1", "control", "variant_view", { occurred_at: old, customer_id: "cus_1", user_id: "u1" }),
          abEvent(test, "s1", "control", "goal_conversion", { occurred_at: old }),
          abEvent(test, "s2", "control", "variant_view"),
        ])
      }
      const cutoff = new Date(Date.now() - 90 * DAY)
      expect(await service.purgeAbEventsBefore(cutoff, 1)).toBe(1)
      expect(await service.purgeAbEventsBefore(cutoff, 10)).toBe(1)
      expect(await service.purgeAbEventsBefore(cutoff, 10)).toBe(0)
      expect(await service.listAbEvents({ test_id: running.test_id })).toHaveLength(3)
      expect(await service.listAbEvents({ test_id: stopped.test_id })).toHaveLength(1)
      expect(await service.aggregateAbVariants(stopped.test_id)).toEqual([
        { variant_id: "control", sessions: 2, conversions: 1, revenue_sum: 0, revenue_sum_sq: 0 },
      ])

      expect(await service.eraseCustomerAbEvents("cus_1")).toBe(1)
      const [erased] = await service.listAbEvents({ test_id: running.test_id, session_token: "s1", event_type: "variant_view" })
      expect(erased).toMatchObject({ customer_id: null, user_id: null, user_agent: null, ip_prefix: null, variant_id: "control" })
    })

    it("finds a test by its public key, else NOT_FOUND", async () => {
      const test = await createExperiment()
      expect((await service.retrieveAbExperimentByTestId(test.test_id)).id).toBe(test.id)
      await expect(service.retrieveAbExperimentByTestId("no-such-test")).rejects.toMatchObject({
        type: "not_found",
        message: "A/B test no-such-test was not found",
      })
    })
  },
})
