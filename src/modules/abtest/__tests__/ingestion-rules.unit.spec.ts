import { abEventDedupKey } from "../dedup"
import { buildAbTestResults } from "../results"
import type { AbExperimentDTO } from "../types"
import { assertValidAbTestConfig } from "../validate-config"

const event = (overrides: Partial<Parameters<typeof abEventDedupKey>[0]> = {}) => ({
  event_type: "variant_view" as const,
  session_token: "sess_1",
  goal: null,
  client_event_id: null,
  ...overrides,
})

describe("abEventDedupKey", () => {
  it("keys a view by session, whatever the client id", () => {
    expect(abEventDedupKey(event(), false)).toBe("view:sess_1")
    expect(abEventDedupKey(event({ client_event_id: "c1" }), true)).toBe("view:sess_1")
  })

  it("keys a conversion by goal and session unless repeats are allowed", () => {
    const conversion = event({ event_type: "goal_conversion", goal: "purchase", client_event_id: "c1" })
    expect(abEventDedupKey(conversion, false)).toBe("conversion:purchase:sess_1")
    expect(abEventDedupKey(conversion, true)).toBe("client:c1")
    expect(abEventDedupKey({ ...conversion, client_event_id: null }, true)).toBeNull()
  })

  it("keys secondary metrics by client id only", () => {
    expect(abEventDedupKey(event({ event_type: "secondary_metric", goal: "scroll" }), false)).toBeNull()
    expect(abEventDedupKey(event({ event_type: "secondary_metric", client_event_id: "c2" }), false)).toBe("client:c2")
  })
})

describe("assertValidAbTestConfig", () => {
  const variants = [
    { id: "a", name: "a", weight: 1 },
    { id: "b", name: "b", weight: 0 },
  ]

  it("accepts zero weights as long as the sum is positive", () => {
    expect(() => assertValidAbTestConfig({ variants, control_variant_id: "a" })).not.toThrow()
  })

  it.each([
    ["one variant", { variants: variants.slice(0, 1) }, /between 2/],
    ["duplicate ids", { variants: [variants[0], variants[0]] }, /used twice/],
    ["a negative weight", { variants: [variants[0], { ...variants[1], weight: -1 }] }, /invalid weight/],
    ["a zero sum", { variants: variants.map((v) => ({ ...v, weight: 0 })) }, /more than 0/],
    ["an unknown control", { variants, control_variant_id: "z" }, /control_variant_id/],
  ])("refuses %s", (_label, config, message) => {
    expect(() => assertValidAbTestConfig(config)).toThrow(message)
  })
})

describe("buildAbTestResults", () => {
  const experiment: AbExperimentDTO = {
    id: "mabx_1",
    test_id: "abt_x",
    event_id: "prod_1",
    name: "x",
    description: null,
    variants: [
      { id: "a", name: "A", weight: 1 },
      { id: "b", name: "B", weight: 1 },
    ],
    control_variant_id: null,
    primary_goal: "purchase",
    revenue_goal: null,
    allow_repeat_conversions: false,
    status: "RUNNING",
    started_at: null,
    stopped_at: null,
    winner_variant_id: null,
    winner_declared_at: null,
    winner_stats: null,
  }

  it("keeps the configured variants in order, fills missing ones with zeros and ignores unknown ids", () => {
    const results = buildAbTestResults(experiment, [
      { variant_id: "zzz", sessions: 5, conversions: 1, revenue_sum: 0, revenue_sum_sq: 0 },
      { variant_id: "b", sessions: 10, conversions: 2, revenue_sum: 30, revenue_sum_sq: 500 },
    ])
    expect(results.variants.map((v) => [v.variant_id, v.name, v.impressions, v.conversions])).toEqual([
      ["a", "A", 0, 0],
      ["b", "B", 10, 2],
    ])
    expect(results).toMatchObject({
      test_id: "abt_x",
      total_impressions: 10,
      total_conversions: 2,
      control_variant_id: "a",
      revenue_goal: "purchase",
      declared_winner: null,
    })
    expect(results.variants[1]).toMatchObject({ conversion_rate: 20, revenue: 30, revenue_per_session: 3 })
  })
})
